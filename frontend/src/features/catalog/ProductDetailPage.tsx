import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { ExternalLink } from '../../shared/ExternalLink';
import { formatDateTime, formatMoney, formatMoneyRange } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { useProduct, type ProductDetail, type Variant } from './hooks';
import { AvailabilityBadge, PRODUCTS_PAGE, ProductImage, ProductStatusBadge } from './labels';

function Gallery({ product }: { product: ProductDetail }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'product' });
  const [selected, setSelected] = useState(0);
  const images = product.images;
  return (
    <Stack gap="xs">
      <ProductImage src={images[selected]} alt={product.title} size={280} />
      {images.length > 1 && (
        <Group gap="xs" role="group" aria-label={t('images')}>
          {images.map((image, index) => (
            <UnstyledButton
              key={image}
              onClick={() => setSelected(index)}
              aria-label={t('showImage', { number: index + 1, total: images.length })}
              aria-pressed={index === selected}
              style={{
                outline: index === selected ? '2px solid var(--mantine-primary-color-filled)' : undefined,
                borderRadius: 'var(--mantine-radius-sm)',
              }}
            >
              <ProductImage src={image} alt="" size={56} />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  );
}

function Pills({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Group gap={6}>
      {items.map((item) => (
        <Badge key={item} variant="light" color="gray" tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

function Attributes({ attributes }: { attributes: Record<string, string> }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'product' });
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('noAttributes')}</Text>;
  return (
    <Table aria-label={t('attributes')} withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {entries.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w="40%" fw={500}>
              {name}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function options(variant: Variant): string {
  const pairs = Object.entries(variant.options).map(([name, value]) => i18n.t('catalog:option', { name, value }));
  return pairs.length > 0 ? pairs.join(' · ') : variant.title || i18n.t('catalog:defaultVariant');
}

function VariantsTable({ product }: { product: ProductDetail }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'product' });
  const money = (amount: string | null) => formatMoney(amount, product.currency);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('variantsTable')} striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('column.sku')}</Table.Th>
            <Table.Th>{t('column.options')}</Table.Th>
            <Table.Th>{t('column.price')}</Table.Th>
            <Table.Th>{t('column.compareAt')}</Table.Th>
            <Table.Th>{t('column.inventory')}</Table.Th>
            <Table.Th>{t('column.availability')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {product.variants.map((variant) => (
            <Table.Tr key={variant.id}>
              <Table.Td>{variant.sku || '—'}</Table.Td>
              <Table.Td>{options(variant)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{money(variant.price)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{money(variant.compare_at_price)}</Table.Td>
              <Table.Td>{variant.inventory_quantity ?? <Text span size="sm" c="dimmed">{t('notTracked')}</Text>}</Table.Td>
              <Table.Td>
                <AvailabilityBadge available={variant.available} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Product({ product }: { product: ProductDetail }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'product' });
  const subtitle = [product.vendor, product.product_type, product.handle].filter(Boolean).join(' · ');
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={2}>{product.title}</Title>
        <Group gap="xs">
          <ProductStatusBadge status={product.status} />
          <AvailabilityBadge available={product.available} />
          <Text size="sm" c="dimmed">
            {subtitle}
          </Text>
        </Group>
        {product.url && (
          <Text size="sm">
            <ExternalLink href={product.url}>{t('viewInStore')}</ExternalLink>
          </Text>
        )}
      </Stack>
      {product.status === 'archived' && (
        <Alert color="orange" title={t('archivedTitle')}>
          {product.archived_at ? t('archivedAt', { time: formatDateTime(product.archived_at) }) : t('archived')}
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 'content' }}>
          <Gallery product={product} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 'auto' }}>
          <Stack gap="lg">
            <Text size="xl" fw={600}>
              {formatMoneyRange(product.min_price, product.max_price, product.currency, t('noPrice'))}
            </Text>
            <Section title={t('description')}>
              {/* Merchant HTML is never injected: the plain-text version, as the assistant reads it. */}
              {product.description_text ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {product.description_text}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('noDescription')}
                </Text>
              )}
            </Section>
            <Section title={t('collections')}>
              <Pills items={product.collections} empty={t('noCollections')} />
            </Section>
            <Section title={t('tags')}>
              <Pills items={product.tags} empty={t('noTags')} />
            </Section>
            <Section title={t('attributes')}>
              <Attributes attributes={product.attributes} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <Card withBorder component="section" aria-label={t('variants', { count: product.variants.length })}>
        <Title order={4} mb="sm">
          {t('variants', { count: product.variants.length })}
        </Title>
        <VariantsTable product={product} />
      </Card>
    </Stack>
  );
}

/** /catalog/products/:id */
export function ProductDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ProductDetailContent key={id} id={id} />;
}

function ProductDetailContent({ id }: { id: number }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'products' });
  const product = useProduct(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={PRODUCTS_PAGE} size="sm">
        {t('back')}
      </Anchor>
      <QueryState query={product}>{(data) => <Product product={data} />}</QueryState>
    </Stack>
  );
}
