import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProductSearchResponse } from './hooks';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me, page, product, productDetail } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const PRODUCTS = '/api/v1/catalog/products/';
const COLLECTIONS = '/api/v1/catalog/collections/';

const SHELL = product(1, {
  title: 'Cascade 3L Shell',
  vendor: 'Demo Outfitters',
  min_price: '250.00',
  max_price: '289.00',
  image: 'https://cdn.example/c3l.jpg',
});
const TENT = product(2, { title: 'Lupine 2 Tent', vendor: 'Trail Co', available: false, status: 'draft', image: null });

function renderProducts(role: Role, extra: Routes = {}, path = '/catalog/products') {
  return renderApp(path, {
    'GET /api/v1/me/': { body: me(role) },
    [`GET ${PRODUCTS}`]: { body: page([SHELL, TENT]) },
    [`GET ${COLLECTIONS}`]: { body: page([{ id: 1, title: 'Rain gear', handle: 'rain-gear', product_count: 4 }]) },
    ...extra,
  });
}

const usd = (value: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(value);

function lastListUrl(requests: { method: string; url: string }[]): URLSearchParams {
  const urls = requestsTo(requests as never, 'GET', PRODUCTS).map((request) => request.url);
  return new URL(urls[urls.length - 1] ?? '', 'http://x').searchParams;
}

describe('Products page', () => {
  it('lists products with thumbnail, vendor, price range, availability and status', async () => {
    renderProducts('viewer');

    const table = await screen.findByRole('table', { name: 'Products' });
    const shell = within(table).getByRole('link', { name: 'Cascade 3L Shell' }).closest('tr') as HTMLElement;
    expect(within(shell).getByRole('img', { name: 'Cascade 3L Shell' })).toHaveAttribute('src', 'https://cdn.example/c3l.jpg');
    expect(shell).toHaveTextContent('Demo Outfitters');
    expect(shell).toHaveTextContent(`${usd(250)} – ${usd(289)}`);
    expect(shell).toHaveTextContent('In stock');
    expect(shell).toHaveTextContent('Active');
    expect(within(table).getByRole('link', { name: 'Cascade 3L Shell' })).toHaveAttribute('href', '/app/catalog/products/1');

    const tent = within(table).getByRole('link', { name: 'Lupine 2 Tent' }).closest('tr') as HTMLElement;
    expect(within(tent).getByLabelText('Lupine 2 Tent: no image')).toBeInTheDocument();
    expect(tent).toHaveTextContent('Out of stock');
    expect(tent).toHaveTextContent('Draft');
  });

  it('sends the search and every filter to the list endpoint, and clears them', async () => {
    const { requests } = renderProducts('editor');
    await screen.findByRole('table', { name: 'Products' });

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search products' }), 'shell');
    await waitFor(() => expect(lastListUrl(requests).get('q')).toBe('shell'));

    await userEvent.type(screen.getByRole('textbox', { name: 'Vendor' }), 'Demo Outfitters');
    await waitFor(() => expect(lastListUrl(requests).get('vendor')).toBe('Demo Outfitters'));

    await userEvent.click(screen.getByRole('combobox', { name: 'Collection' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Rain gear (4)' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(screen.getByRole('option', { name: 'Draft' }));
    await userEvent.click(screen.getByRole('switch', { name: 'In stock only' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Max price' }), '100');

    await waitFor(() => expect(lastListUrl(requests).get('max_price')).toBe('100'));
    const params = lastListUrl(requests);
    expect(Object.fromEntries(params)).toEqual({
      page: '1',
      q: 'shell',
      vendor: 'Demo Outfitters',
      collection: 'rain-gear',
      status: 'draft',
      in_stock: 'true',
      max_price: '100',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(Object.fromEntries(lastListUrl(requests))).toEqual({ page: '1' }));
    expect(screen.getByRole('searchbox', { name: 'Search products' })).toHaveValue('');
  });

  it('pages through the list', async () => {
    const { requests } = renderProducts('viewer', {
      [`GET ${PRODUCTS}?page=1`]: { body: page([SHELL], { count: 2, next: `${PRODUCTS}?page=2` }) },
      [`GET ${PRODUCTS}?page=2`]: { body: page([TENT], { count: 2, previous: `${PRODUCTS}?page=1` }) },
    });

    await screen.findByRole('link', { name: 'Cascade 3L Shell' });
    const pager = screen.getByRole('navigation', { name: 'Products pages' });
    await userEvent.click(within(pager).getByRole('button', { name: 'Page 2' }));

    expect(await screen.findByRole('link', { name: 'Lupine 2 Tent' })).toBeInTheDocument();
    expect(requests.map((request) => request.url)).toContain(`${PRODUCTS}?page=2`);
  });

  it('points an editor with an empty catalog to the import wizard', async () => {
    renderProducts('editor', { [`GET ${PRODUCTS}`]: { body: page([]) } });

    expect(await screen.findByRole('heading', { name: 'No products yet' })).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: 'Import products' });
    expect(links.map((link) => link.getAttribute('href'))).toContain('/app/catalog/imports/new');
  });

  it('offers a viewer no import, even with an empty catalog', async () => {
    renderProducts('viewer', { [`GET ${PRODUCTS}`]: { body: page([]) } });

    expect(await screen.findByRole('heading', { name: 'No products yet' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import products' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import history' })).toHaveAttribute('href', '/app/catalog/imports');
  });

  it('says when nothing matches the filters', async () => {
    renderProducts('viewer', { [`GET ${PRODUCTS}`]: { body: page([]) } }, '/catalog/products?q=zzz');

    expect(await screen.findByRole('heading', { name: 'No matching products' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search products' })).toHaveValue('zzz');
  });

  it('searches as a shopper and shows how the query was understood', async () => {
    const response: ProductSearchResponse = {
      results: [
        {
          id: 1,
          title: 'Cascade 3L Shell',
          handle: 'cascade-3l',
          url: '',
          image: null,
          min_price: '250.00',
          max_price: '289.00',
          currency: 'USD',
          available: true,
          score: 0.0312,
          similarity: 0.58,
          variant: { id: 9, sku: 'CA-M-RED', options: { Size: 'M', Color: 'Red' }, price: '89.00', compare_at_price: null, available: true },
        },
      ],
      understood: { text: 'red rain jacket', min_price: null, max_price: '100', colours: ['red'], sizes: [], in_stock: true },
      took_ms: 12.4,
    };
    const { requests } = renderProducts('viewer', { 'POST /api/v1/catalog/search/': { body: response } }, '/catalog/products?in_stock=true');

    await userEvent.click(await screen.findByRole('radio', { name: 'As a shopper' }));
    expect(screen.getByRole('heading', { name: 'Search as a shopper' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search products' }), 'red rain jacket under 100 in stock');

    const chips = await screen.findByRole('list', { name: 'How the search read your query' });
    expect(within(chips).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      'words: red rain jacket',
      'colour: red',
      `price ≤ ${usd(100)}`,
      'in stock',
    ]);
    const row = within(screen.getByRole('table', { name: 'Matching products' })).getByRole('link', { name: 'Cascade 3L Shell' }).closest('tr');
    expect(row).toHaveTextContent('Size: M · Color: Red');
    expect(row).toHaveTextContent('SKU CA-M-RED');
    expect(row).toHaveTextContent(usd(89));

    const [search] = requestsTo(requests, 'POST', '/api/v1/catalog/search/').slice(-1);
    expect(search?.body).toEqual({ query: 'red rain jacket under 100 in stock', k: 50, filters: { in_stock: true } });
    // Shopper search covers active products only: no status filter.
    expect(screen.queryByRole('combobox', { name: 'Status' })).not.toBeInTheDocument();
  });

  it('is in the navigation under Catalog', async () => {
    renderProducts('viewer');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Imports' })).toHaveAttribute('href', '/app/catalog/imports');
  });
});

describe('Product detail page', () => {
  it('shows images, plain-text description, attributes, collections and variants', async () => {
    const detail = productDetail(1, {
      title: 'Cascade 3L Shell',
      description_html: '<p>Waterproof <img src="x" onerror="alert(1)"></p>',
      description_text: 'Waterproof shell. <b>Not bold</b>',
      images: ['https://cdn.example/c3l.jpg', 'https://cdn.example/c3l-back.jpg', 'javascript:alert(1)'],
      attributes: { Material: 'Nylon' },
      collections: ['Rain gear'],
      tags: ['rain', 'shell'],
      variants: [
        {
          id: 11,
          sku: 'CA-M-BLU',
          title: 'M / Slate Blue',
          options: { Size: 'M', Color: 'Slate Blue' },
          price: '289.00',
          compare_at_price: '320.00',
          inventory_quantity: 4,
          available: true,
          barcode: '',
          image_url: '',
        },
        {
          id: 12,
          sku: 'CA-L-BLU',
          title: 'L / Slate Blue',
          options: { Size: 'L', Color: 'Slate Blue' },
          price: '289.00',
          compare_at_price: null,
          inventory_quantity: null,
          available: false,
          barcode: '',
          image_url: '',
        },
      ],
    });
    renderApp('/catalog/products/1', {
      'GET /api/v1/me/': { body: me('viewer') },
      'GET /api/v1/catalog/products/1/': { body: detail },
    });

    expect(await screen.findByRole('heading', { name: 'Cascade 3L Shell', level: 2 })).toBeInTheDocument();
    // Description as text: the markup is shown, never parsed.
    expect(screen.getByText('Waterproof shell. <b>Not bold</b>')).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('img[src^="javascript"]')).toBeNull();

    const gallery = screen.getByRole('group', { name: 'Product images' });
    expect(within(gallery).getAllByRole('button')).toHaveLength(3);
    await userEvent.click(within(gallery).getByRole('button', { name: 'Show image 2 of 3' }));
    expect(screen.getByRole('img', { name: 'Cascade 3L Shell' })).toHaveAttribute('src', 'https://cdn.example/c3l-back.jpg');

    expect(within(screen.getByRole('table', { name: 'Attributes' })).getByRole('row', { name: 'Material Nylon' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Collections' })).toHaveTextContent('Rain gear');
    expect(screen.getByRole('region', { name: 'Tags' })).toHaveTextContent('rainshell');

    const variants = within(screen.getByRole('table', { name: 'Variants' })).getAllByRole('row');
    expect(variants).toHaveLength(3);
    expect(variants[1]).toHaveTextContent(`CA-M-BLUSize: M · Color: Slate Blue${usd(289)}${usd(320)}4In stock`);
    expect(variants[2]).toHaveTextContent(`CA-L-BLUSize: L · Color: Slate Blue${usd(289)}—Not trackedOut of stock`);
    expect(screen.getByRole('link', { name: '← Products' })).toHaveAttribute('href', '/app/catalog/products');
  });

  it('shows the server error for a missing product', async () => {
    renderApp('/catalog/products/99', {
      'GET /api/v1/me/': { body: me('viewer') },
      'GET /api/v1/catalog/products/99/': { status: 404, body: { code: 'not_found', detail: 'Not found.' } },
    });

    expect(await screen.findByText('Not found.')).toBeInTheDocument();
  });
});
