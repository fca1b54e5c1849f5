import common from './common';
import nav from './nav';
import overview from './overview';

/** The English catalogs, one namespace per feature: the source of every key (see i18next.d.ts). */
export const resources = { common, nav, overview };
