import { formatPrice } from '../format';
import type { Product } from '../protocol';
import { safeHttpUrl } from '../url';

interface Props {
  product: Product;
  locale: string;
}

export function ProductCard({ product, locale }: Props) {
  const href = safeHttpUrl(product.url);
  const image = safeHttpUrl(product.image);
  const price = formatPrice(product.price, product.currency, locale);
  const title = href ? (
    <a class="aisle-product-title" href={href} target="_blank" rel="noopener noreferrer">
      {product.title}
    </a>
  ) : (
    <span class="aisle-product-title">{product.title}</span>
  );
  return (
    <li class="aisle-product" data-product-id={product.id}>
      {image ? (
        <img class="aisle-product-image" src={image} alt="" loading="lazy" decoding="async" />
      ) : (
        <div class="aisle-product-image aisle-product-image--empty" aria-hidden="true" />
      )}
      <div class="aisle-product-body">
        {title}
        <span class="aisle-product-price">{price}</span>
      </div>
    </li>
  );
}
