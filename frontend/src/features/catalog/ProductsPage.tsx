import { Button, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMoneyRange } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { StatusMessage } from '../../shared/StatusMessage';
import { canEditContent } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useProducts, type ProductListItem } from './hooks';
import { AvailabilityBadge, IMPORTS_PAGE, NEW_IMPORT_PAGE, ProductStatusBadge } from './labels';
import { ProductCell } from './ProductCell';
import { ProductFilterBar } from './ProductFilterBar';
import { hasFilters, toListParams, useProductFilters, type ProductFilterValues } from './productFilters';
import { ShopperSearchResults } from './ShopperSearchResults';

function columns(t: TFunction<'catalog', 'products'>): Column<ProductListItem>[] {
  return [
  {
    header: t('column.product'),
    cell: (product) => <ProductCell id={product.id} title={product.title} image={product.image} detail={product.product_type} />,
  },
  { header: t('column.vendor'), cell: (product) => product.vendor || '—' },
  {
    header: t('column.price'),
    cell: (product) => (
      <span style={{ whiteSpace: 'nowrap' }}>{formatMoneyRange(product.min_price, product.max_price, product.currency)}</span>
    ),
  },
  { header: t('column.availability'), cell: (product) => <AvailabilityBadge available={product.available} /> },
  { header: t('column.status'), cell: (product) => <ProductStatusBadge status={product.status} /> },
  ];
}

function ImportButton() {
  const { t } = useTranslation('catalog', { keyPrefix: 'products' });
  return (
    <Button component={Link} to={NEW_IMPORT_PAGE}>
      {t('importProducts')}
    </Button>
  );
}

function EmptyCatalog({ canImport }: { canImport: boolean }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'products.empty' });
  return (
    <StatusMessage
      title={t('title')}
      description={canImport ? t('canImport') : t('cannotImport')}
      action={canImport && <ImportButton />}
    />
  );
}

function ProductTable({ values, clear, canImport }: { values: ProductFilterValues; clear: () => void; canImport: boolean }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'products' });
  const products = useProducts(toListParams(values));
  const filtered = hasFilters(values);
  return (
    <PaginatedTable
      label={t('table')}
      list={products}
      columns={columns(t)}
      emptyMessage={
        filtered ? (
          <StatusMessage
            title={t('noMatch.title')}
            description={t('noMatch.description')}
            action={
              <Button variant="default" onClick={clear}>
                {t('clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyCatalog canImport={canImport} />
        )
      }
    />
  );
}

/** /catalog/products */
export function ProductsPage() {
  const { t } = useTranslation('catalog', { keyPrefix: 'products' });
  const { role } = useSession();
  const canImport = canEditContent(role);
  const { values, update, clear } = useProductFilters();

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        action={
          <Group>
            <Button component={Link} to={IMPORTS_PAGE} variant="default">
              {t('importHistory')}
            </Button>
            {canImport && <ImportButton />}
          </Group>
        }
      />
      <ProductFilterBar values={values} update={update} clear={clear} />
      {values.mode === 'shopper' ? (
        <ShopperSearchResults values={values} />
      ) : (
        <ProductTable values={values} clear={clear} canImport={canImport} />
      )}
    </>
  );
}
