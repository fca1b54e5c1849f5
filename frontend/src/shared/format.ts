import { i18n } from '../i18n';

// Every date, number and amount is formatted in the interface's language (read per call: a
// language change applies to the next render).
const locale = () => i18n.language;

export function formatDateTime(iso: string | null, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "in 2 hours", "now"; `fallback` for a missing date. */
export function formatRelativeTime(iso: string | null, fallback = '—', now: number = Date.now()): string {
  if (!iso) return fallback;
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = (time - now) / 1000;
  const relativeFormat = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(0, 'second');
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1536 → "1.5 KB" (binary multiples, as upload limits usually are). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 && value < 10 && value % 1 !== 0 ? 1 : 0;
  const rounded = new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
  return i18n.t(`common:bytes.${BYTE_UNITS[unit]!}`, { value: rounded });
}

/**
 * A decimal amount as the API sends it ("1234.50") in `currency`: "$1,234.50".
 * `fallback` for a missing amount; an unknown currency code falls back to "1,234.50 XYZ".
 */
export function formatMoney(amount: string | null, currency: string, fallback = '—'): string {
  if (amount === null || amount === '') return fallback;
  const value = Number(amount);
  if (Number.isNaN(value)) return amount;
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale(), { minimumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** "$10.00", or "$10.00 – $25.00" when the ends differ. */
export function formatMoneyRange(min: string | null, max: string | null, currency: string, fallback = '—'): string {
  if (min === null && max === null) return fallback;
  const low = formatMoney(min ?? max, currency);
  const high = formatMoney(max ?? min, currency);
  return low === high ? low : `${low} – ${high}`;
}

/** 1234 → "1,234". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** 0.42 → "42%". */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A calendar day as the API sends it ("2025-01-15") → "Jan 15": the day itself, in no time zone. */
export function formatShortDate(day: string): string {
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(day));
}
