/** Format a price in the shopper's locale, e.g. 19.99 EUR -> "19,99 €" for de-DE. */
export function formatPrice(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // Unknown currency code or locale: still show something truthful.
    return `${amount.toFixed(2)} ${currency}`;
  }
}
