// Prints the gzipped sizes of the built loader and panel (used by `manage.py bench widget`).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
const gzip = (name) => gzipSync(readFileSync(`dist/${name}`), { level: 9 }).length;
console.log(
  JSON.stringify({ loader_gzip_bytes: gzip(manifest.loader), panel_gzip_bytes: gzip(manifest.panel) }),
);
