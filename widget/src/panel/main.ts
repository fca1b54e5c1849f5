// Entry of dist/panel-<hash>.js: registers on the loader's window.Aisle and defines nothing else.
import { mountPanel } from './mount';

if (window.Aisle) window.Aisle._mountPanel = (host) => mountPanel(host);
