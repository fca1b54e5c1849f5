import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Django serves dist/index.html for every path under /app/ and the built
// assets from dist/ under /static/app/ (whitenoise).
export default defineConfig({
  base: '/static/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the admin benchmark sums the initial route's chunks from it.
    manifest: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            // Only what the first page needs ($initial): libraries of lazily loaded pages (the
            // analytics charts) load with those pages instead of with every page.
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // A test that opens a lazily loaded page also compiles its modules: on a loaded machine
    // that alone can take seconds.
    testTimeout: 10_000,
  },
});
