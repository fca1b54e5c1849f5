import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { formatMoney, formatMoneyRange } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { StatusMessage } from '../../shared/StatusMessage';
import { useProductSearch, type ProductCard, type UnderstoodQuery } from './hooks';
import { AvailabilityBadge } from './labels';
import { ProductCell } from './ProductCell';
import { toSearchRequest, type ProductFilterValues } from './productFilters';

/** What the search took from the query: "colour: red", "price ≤ 100", and the words it searched for. */
export function understoodChips(understood: UnderstoodQuery, currency?: string): string[] {
  const price = (amount: string) => (currency ? formatMoney(amount, currency) : amount);
  const chip = (key: 'words' | 'colour' | 'size' | 'minPrice' | 'maxPrice' | 'inStock', values = {}) =>
    i18n.t(`catalog:shopper.chip.${key}`, values);
  const chips: string[] = [];
  if (understood.text) chips.push(chip('words', { text: understood.text }));
  for (const colour of understood.colours) chips.push(chip('colour', { value: colour }));
  for (const size of understood.sizes) chips.push(chip('size', { value: size }));
  if (understood.min_price !== null) chips.push(chip('minPrice', { price: price(understood.min_price) }));
  if (understood.max_price !== null) chips.push(chip('maxPrice', { price: price(understood.max_price) }));
  if (understood.in_stock) chips.push(chip('inStock'));
  return chips;
}

function Understood({ understood, currency }: { understood: UnderstoodQuery; currency?: string }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'shopper' });
  const chips = understoodChips(understood, currency);
  if (chips.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('understoodAs')}
      </Text>
      <Group gap="xs" component="ul" aria-label={t('understoodLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
        {chips.map((chip) => (
          <Badge key={chip} component="li" variant="light" color="indigo" tt="none">
            {chip}
          </Badge>
        ))}
      </Group>
    </Group>
  );
}

function optionsText(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([name, value]) => i18n.t('catalog:option', { name, value }))
    .join(' · ');
}

function ResultRow({ card }: { card: ProductCard }) {
  const { t } = useTranslation('catalog');
  const variant = card.variant;
  return (
    <Table.Tr>
      <Table.Td>
        <ProductCell id={card.id} title={card.title} image={card.image} detail={card.handle} />
      </Table.Td>
      <Table.Td>
        {variant ? (
          <Stack gap={0}>
            <Text size="sm">{optionsText(variant.options) || t('defaultVariant')}</Text>
            {variant.sku && (
              <Text size="xs" c="dimmed">
                {t('shopper.sku', { sku: variant.sku })}
              </Text>
            )}
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {variant?.price != null
          ? formatMoney(variant.price, card.currency)
          : formatMoneyRange(card.min_price, card.max_price, card.currency)}
      </Table.Td>
      <Table.Td>
        <AvailabilityBadge available={variant ? variant.available : card.available} />
      </Table.Td>
      <Table.Td>{card.score.toFixed(3)}</Table.Td>
    </Table.Tr>
  );
}

/** The assistant's product search for the query and filters: what it understood and what it found. */
export function ShopperSearchResults({ values }: { values: ProductFilterValues }) {
  const { t } = useTranslation('catalog');
  const request = toSearchRequest(values);
  const search = useProductSearch(request);

  if (request === null) {
    return (
      <StatusMessage
        title={t('shopper.title')}
        description={t('shopper.description')}
      />
    );
  }
  return (
    <QueryState query={search}>
      {(data) => (
        <Stack gap="sm" component="section" aria-label={t('shopper.results')}>
          <Understood understood={data.understood} currency={data.results[0]?.currency} />
          <Text size="sm" c="dimmed" role="status">
            {data.results.length === 0
              ? t('shopper.none')
              : t('shopper.found', { count: data.results.length, ms: Math.round(data.took_ms) })}
          </Text>
          {data.results.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t('shopper.table')} verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('products.column.product')}</Table.Th>
                    <Table.Th>{t('products.column.bestVariant')}</Table.Th>
                    <Table.Th>{t('products.column.price')}</Table.Th>
                    <Table.Th>{t('products.column.availability')}</Table.Th>
                    <Table.Th>{t('products.column.score')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((card) => (
                    <ResultRow key={card.id} card={card} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
