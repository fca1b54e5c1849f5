import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
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

const COLUMNS: Column<ProductListItem>[] = [
  {
    header: 'Product',
    cell: (product) => <ProductCell id={product.id} title={product.title} image={product.image} detail={product.product_type} />,
  },
  { header: 'Vendor', cell: (product) => product.vendor || '—' },
  {
    header: 'Price',
    cell: (product) => (
      <span style={{ whiteSpace: 'nowrap' }}>{formatMoneyRange(product.min_price, product.max_price, product.currency)}</span>
    ),
  },
  { header: 'Availability', cell: (product) => <AvailabilityBadge available={product.available} /> },
  { header: 'Status', cell: (product) => <ProductStatusBadge status={product.status} /> },
];

function ImportButton() {
  return (
    <Button component={Link} to={NEW_IMPORT_PAGE}>
      Import products
    </Button>
  );
}

function EmptyCatalog({ canImport }: { canImport: boolean }) {
  return (
    <StatusMessage
      title="No products yet"
      description={
        canImport
          ? 'Import your catalog from a Shopify or WooCommerce export, a spreadsheet (CSV or Excel) or a JSON file. The assistant recommends products from it.'
          : 'Once someone with edit access imports the catalog, its products appear here.'
      }
      action={canImport && <ImportButton />}
    />
  );
}

function ProductTable({ values, clear, canImport }: { values: ProductFilterValues; clear: () => void; canImport: boolean }) {
  const products = useProducts(toListParams(values));
  const filtered = hasFilters(values);
  return (
    <PaginatedTable
      label="Products"
      list={products}
      columns={COLUMNS}
      emptyMessage={
        filtered ? (
          <StatusMessage
            title="No matching products"
            description="No product matches this search and these filters."
            action={
              <Button variant="default" onClick={clear}>
                Clear filters
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
  const { role } = useSession();
  const canImport = canEditContent(role);
  const { values, update, clear } = useProductFilters();

  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalog as the assistant sees it: what it can recommend, at which price, and whether it’s in stock."
        action={
          <Group>
            <Button component={Link} to={IMPORTS_PAGE} variant="default">
              Import history
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
