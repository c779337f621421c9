import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is served by the server under `/console/` (with an SPA fallback), so every asset
 * URL is built relative to that base. `@aftercare/shared` is aliased to its sources so the
 * protocol types and i18n catalogs are bundled straight from TypeScript, as `tsconfig` paths do.
 */
export default defineConfig({
  base: '/console/',
  // Vite 8 transforms TSX with Oxc; without this it would emit React's automatic runtime imports.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      { find: /^@aftercare\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
      { find: /^@aftercare\/shared\/(.*)$/, replacement: fileURLToPath(new URL('../shared/src/$1', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
