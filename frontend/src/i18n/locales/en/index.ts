import analytics from './analytics';
import apiKeys from './apiKeys';
import assistant from './assistant';
import audit from './audit';
import catalog from './catalog';
import common from './common';
import inbox from './inbox';
import knowledge from './knowledge';
import nav from './nav';
import overview from './overview';
import settings from './settings';
import team from './team';
import widget from './widget';

/** The English catalogs, one namespace per feature: the source of every key (see i18next.d.ts). */
export const resources = { common, nav, overview, team, apiKeys, audit, settings, widget, inbox, analytics, assistant, knowledge, catalog };
