import { formatPrice } from '../format';
import { fill, type PanelStrings } from '../i18n';
import type { Product } from '../protocol';
import { safeHttpUrl } from '../url';

function ProductCard({ product, strings, locale }: { product: Product; strings: PanelStrings; locale: string }) {
  const href = safeHttpUrl(product.url);
  const image = safeHttpUrl(product.image);
  const price =
    product.price === null ? null : formatPrice(product.price, product.currency, locale);
  return (
    <li class="product">
      {image ? <img src={image} alt="" loading="lazy" decoding="async" /> : <span class="noimg" />}
      <div class="product-body">
        {href ? (
          <a class="product-title" href={href} target="_blank" rel="noopener noreferrer">
            {product.title}
          </a>
        ) : (
          <span class="product-title">{product.title}</span>
        )}
        {price && (
          <span class="price">{product.ranged ? fill(strings.priceFrom, { price }) : price}</span>
        )}
        <span class={product.available ? 'stock' : 'stock out'}>
          {product.available ? strings.inStock : strings.outOfStock}
        </span>
      </div>
    </li>
  );
}

export function Products(props: { products: Product[]; strings: PanelStrings; locale: string }) {
  return (
    <ul class="products" aria-label={props.strings.products}>
      {props.products.map((p) => (
        <ProductCard key={p.id} product={p} strings={props.strings} locale={props.locale} />
      ))}
    </ul>
  );
}
