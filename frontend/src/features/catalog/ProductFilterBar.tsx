import {
  Button,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCollections, PRODUCT_STATUSES } from './hooks';
import { hasFilters, useDebouncedField, type ProductFilterValues, type SearchMode } from './productFilters';

const MODES: SearchMode[] = ['catalog', 'shopper'];

/** Field widths: full width on phones, side by side from `sm`. */
const FIELD_WIDTH = { base: '100%', sm: 170 };

interface ProductFilterBarProps {
  values: ProductFilterValues;
  update: (patch: Partial<ProductFilterValues>) => void;
  clear: () => void;
}

function PriceInput({ label, value, commit }: { label: string; value: string; commit: (value: string) => void }) {
  const [local, setLocal] = useDebouncedField(value, commit);
  return (
    <NumberInput
      label={label}
      value={local}
      onChange={(next) => setLocal(String(next))}
      min={0}
      decimalScale={2}
      hideControls
      w={{ base: 'calc(50% - var(--mantine-spacing-sm) / 2)', sm: 110 }}
    />
  );
}

/** Search box, search mode and filters of the products page. */
export function ProductFilterBar({ values, update, clear }: ProductFilterBarProps) {
  const { t } = useTranslation('catalog');
  const collections = useCollections();
  const [q, setQ] = useDebouncedField(values.q, (next) => update({ q: next }));
  const [vendor, setVendor] = useDebouncedField(values.vendor, (next) => update({ vendor: next }));
  const shopper = values.mode === 'shopper';

  return (
    <Stack gap="sm" component="section" aria-label={t('filters.label')} mb="lg">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('filters.search')}
          description={
            shopper ? t('filters.shopperDescription') : t('filters.catalogDescription')
          }
          placeholder={shopper ? t('filters.shopperPlaceholder') : t('filters.catalogPlaceholder')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: 1 }}
          miw={{ base: '100%', sm: 280 }}
        />
        <Input.Wrapper label={t('filters.mode')} labelElement="div">
          <SegmentedControl
            display="flex"
            aria-label={t('filters.mode')}
            data={MODES.map((mode) => ({ value: mode, label: t(`filters.modes.${mode}`) }))}
            value={values.mode}
            onChange={(mode) => update({ mode: mode as SearchMode })}
          />
        </Input.Wrapper>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('filters.vendor')}
          placeholder={t('filters.anyVendor')}
          value={vendor}
          onChange={(event) => setVendor(event.currentTarget.value)}
          w={FIELD_WIDTH}
        />
        <Select
          label={t('filters.collection')}
          placeholder={t('filters.anyCollection')}
          data={(collections.data ?? []).map((collection) => ({
            value: collection.handle,
            label: t('filters.collectionOption', { title: collection.title, count: collection.product_count }),
          }))}
          value={values.collection}
          onChange={(collection) => update({ collection })}
          searchable
          clearable
          nothingFoundMessage={t('filters.noCollection')}
          w={FIELD_WIDTH}
        />
        {!shopper && (
          <Select
            label={t('filters.status')}
            placeholder={t('filters.anyStatus')}
            data={PRODUCT_STATUSES.map((status) => ({ value: status, label: t(`productStatus.${status}`) }))}
            value={values.status}
            onChange={(status) => update({ status: status as ProductFilterValues['status'] })}
            clearable
            w={FIELD_WIDTH}
          />
        )}
        <PriceInput label={t('filters.minPrice')} value={values.minPrice} commit={(minPrice) => update({ minPrice })} />
        <PriceInput label={t('filters.maxPrice')} value={values.maxPrice} commit={(maxPrice) => update({ maxPrice })} />
        <Switch
          label={t('filters.inStockOnly')}
          checked={values.inStock}
          onChange={(event) => update({ inStock: event.currentTarget.checked })}
          mb={8}
        />
        {hasFilters(values) && (
          <Button variant="subtle" onClick={clear}>
            {t('products.clearFilters')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
