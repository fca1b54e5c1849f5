// SVG path data (24x24, stroked), shared by the loader's launcher and the panel. Separate
// exports so each bundle keeps only what it draws.
export const CHAT = 'M4 5h16v11H9l-5 4z';
export const BAG = 'M5 8h14l-1 12H6zm4 0a3 3 0 0 1 6 0';
export const HELP = 'M3 12a9 9 0 1 0 18 0 9 9 0 0 0-18 0m6.5-2.5a2.5 2.5 0 1 1 2.5 2.5v1.5m0 3v.01';
export const SPARKLE = 'M12 3l2 7 7 2-7 2-2 7-2-7-7-2 7-2z';
export const CLOSE = 'M6 6l12 12M18 6L6 18';
export const SEND = 'M4 12l16-8-6 16-2-7-8-1z';
export const STOP = 'M7 7h10v10H7z';
export const THUMB_UP = 'M7 11v9H4v-9h3zm0 0l4-7a2 2 0 0 1 3 2l-1 4h5a2 2 0 0 1 2 2l-2 7a2 2 0 0 1-2 1H7';
export const THUMB_DOWN =
  'M17 13V4h3v9h-3zm0 0l-4 7a2 2 0 0 1-3-2l1-4H6a2 2 0 0 1-2-2l2-7a2 2 0 0 1 2-1h9';
