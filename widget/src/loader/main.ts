// Entry of dist/loader.js. Runs synchronously so document.currentScript is still this script.
import { boot } from './loader';

void boot();
