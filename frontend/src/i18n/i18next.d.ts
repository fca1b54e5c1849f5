import 'i18next';
import type { DEFAULT_NS } from './index';
import type { resources } from './locales/en';

// The English catalogs are the source of keys: `t('nav:team')` type-checks, a missing key fails
// `tsc -b`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NS;
    resources: typeof resources;
  }
}
