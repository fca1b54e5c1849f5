import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Shared by scripts/build.mjs (which builds the loader and the panel as two IIFEs) and Vitest.
// CSS is imported with `?inline` and adopted into the shadow root, so no stylesheet is emitted.
export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  // Library mode does not replace process.env.* itself; storefronts have no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2020',
    sourcemap: false,
    cssCodeSplit: false,
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    css: true,
    restoreMocks: true,
  },
});
