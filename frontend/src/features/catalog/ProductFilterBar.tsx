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
import { useCollections, PRODUCT_STATUSES } from './hooks';
import { PRODUCT_STATUS_LABELS } from './labels';
import { hasFilters, useDebouncedField, type ProductFilterValues, type SearchMode } from './productFilters';

const MODES: { value: SearchMode; label: string }[] = [
  { value: 'catalog', label: 'Title or SKU' },
  { value: 'shopper', label: 'As a shopper' },
];

const STATUS_OPTIONS = PRODUCT_STATUSES.map((status) => ({ value: status, label: PRODUCT_STATUS_LABELS[status] }));

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
  const collections = useCollections();
  const [q, setQ] = useDebouncedField(values.q, (next) => update({ q: next }));
  const [vendor, setVendor] = useDebouncedField(values.vendor, (next) => update({ vendor: next }));
  const shopper = values.mode === 'shopper';

  return (
    <Stack gap="sm" component="section" aria-label="Search and filters" mb="lg">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search products"
          description={
            shopper
              ? 'Type what a shopper would ask, e.g. “red rain jacket under 300”: see what the assistant finds.'
              : 'Words in the title, or an exact SKU.'
          }
          placeholder={shopper ? 'red rain jacket under 300' : 'Title or SKU'}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: 1 }}
          miw={{ base: '100%', sm: 280 }}
        />
        <Input.Wrapper label="Search mode" labelElement="div">
          <SegmentedControl
            display="flex"
            aria-label="Search mode"
            data={MODES}
            value={values.mode}
            onChange={(mode) => update({ mode: mode as SearchMode })}
          />
        </Input.Wrapper>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Vendor"
          placeholder="Any vendor"
          value={vendor}
          onChange={(event) => setVendor(event.currentTarget.value)}
          w={FIELD_WIDTH}
        />
        <Select
          label="Collection"
          placeholder="Any collection"
          data={(collections.data ?? []).map((collection) => ({
            value: collection.handle,
            label: `${collection.title} (${collection.product_count})`,
          }))}
          value={values.collection}
          onChange={(collection) => update({ collection })}
          searchable
          clearable
          nothingFoundMessage="No collection"
          w={FIELD_WIDTH}
        />
        {!shopper && (
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={values.status}
            onChange={(status) => update({ status: status as ProductFilterValues['status'] })}
            clearable
            w={FIELD_WIDTH}
          />
        )}
        <PriceInput label="Min price" value={values.minPrice} commit={(minPrice) => update({ minPrice })} />
        <PriceInput label="Max price" value={values.maxPrice} commit={(maxPrice) => update({ maxPrice })} />
        <Switch
          label="In stock only"
          checked={values.inStock}
          onChange={(event) => update({ inStock: event.currentTarget.checked })}
          mb={8}
        />
        {hasFilters(values) && (
          <Button variant="subtle" onClick={clear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}
