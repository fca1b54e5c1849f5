import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Library build: one self-contained IIFE (`dist/aisle-widget.js`) that a
// merchant embeds with a <script> tag. CSS is imported with `?inline` and
// injected into the shadow root, so no separate stylesheet is emitted.
export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  // Library mode does not replace process.env.* on its own; the IIFE runs on
  // arbitrary storefronts where `process` does not exist.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: 'src/main.ts',
      name: 'AisleWidget',
      formats: ['iife'],
      fileName: () => 'aisle-widget.js',
    },
    rollupOptions: {
      output: { inlineDynamicImports: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    css: true,
    restoreMocks: true,
  },
});
