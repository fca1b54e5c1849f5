// Only the loader's few strings, so the loader bundle does not carry the panel's catalogs.
import { launcher as de } from './de';
import { launcher as en, type LauncherStrings } from './en';
import { launcher as es } from './es';
import { launcher as fr } from './fr';
import type { Language } from './index';

export const LAUNCHER_STRINGS: Record<Language, LauncherStrings> = { en, de, fr, es };
