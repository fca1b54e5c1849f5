// Builds the two widget files and their manifest (README "Build"):
//   dist/loader.js          the merchant's script tag (served as /widget.js)
//   dist/panel-<hash>.js    the chat panel, content-hashed so it can be cached forever
//   dist/manifest.json      {"loader": "loader.js", "panel": "panel-<hash>.js"}
// Each file is one IIFE; the build fails if either would declare anything outside it.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

const outDir = 'dist';

async function bundle(entry, fileName, emptyOutDir) {
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir,
      lib: { entry, formats: ['iife'], name: 'Aisle', fileName: () => fileName },
    },
  });
  const code = readFileSync(`${outDir}/${fileName}`, 'utf8');
  // No exports, so rollup emits a bare `(function(){...})();` — assert it stayed that way.
  if (!/^\(function\(\)\{"use strict";/.test(code) || !/\}\)\(\);\s*$/.test(code)) {
    throw new Error(`${fileName} is not a self-contained IIFE (it would leak globals)`);
  }
  return code;
}

await bundle('src/loader/main.ts', 'loader.js', true);
const panel = await bundle('src/panel/main.ts', 'panel.js', false);
const hash = createHash('sha256').update(panel).digest('hex').slice(0, 12);
const panelName = `panel-${hash}.js`;
renameSync(`${outDir}/panel.js`, `${outDir}/${panelName}`);
writeFileSync(
  `${outDir}/manifest.json`,
  `${JSON.stringify({ loader: 'loader.js', panel: panelName })}\n`,
);
