import { panel as de } from './de';
import { panel as en, type PanelStrings } from './en';
import { panel as es } from './es';
import { panel as fr } from './fr';
import type { Language } from './index';

export const PANEL_STRINGS: Record<Language, PanelStrings> = { en, de, fr, es };
