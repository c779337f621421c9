import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Two builds into `dist/`, run in order by `npm run build`:
 *  1. the app (default mode): an ES module `app-[hash].js` exporting `mount`, with each locale
 *     catalog as its own hashed chunk, styles inlined (they go into the shadow root as a string);
 *  2. the loader (`--mode loader`): `widget.js`, one self-contained IIFE with no imports. It learns
 *     the hashed names of the app and the locale chunks from the first build's manifest.
 */

const dist = fileURLToPath(new URL('./dist', import.meta.url));
const shared = fileURLToPath(new URL('../shared/src', import.meta.url));

/**
 * Writes `.gz` and `.br` copies of the built scripts next to them, so the server can send them
 * precompressed (sirv's `gzip`/`brotli` options) instead of compressing on every request.
 */
const precompress = (): Plugin => ({
  name: 'aftercare-precompress',
  apply: 'build',
  closeBundle() {
    for (const file of readdirSync(dist).filter((name) => /\.(js|css)$/.test(name))) {
      const content = readFileSync(`${dist}/${file}`);
      writeFileSync(`${dist}/${file}.gz`, gzipSync(content, { level: 9 }));
      writeFileSync(
        `${dist}/${file}.br`,
        brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  },
});

const common: UserConfig = {
  resolve: { alias: [{ find: /^@aftercare\/shared\/(.*)$/, replacement: `${shared}/$1` }] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [precompress()],
  logLevel: 'warn',
};

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  dynamicImports?: string[];
}

/** Reads the app build's manifest: the entry file and one chunk per locale. */
function appFiles() {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const chunks = Object.values(manifest);
  const entry = chunks.find((chunk) => chunk.isEntry);
  const locale = (name: string) => chunks.find((chunk) => chunk.src?.endsWith(`i18n/widget/${name}.ts`))?.file;
  if (!entry || !locale('en') || !locale('zh-CN')) throw new Error('widget: run the app build before the loader build');
  return { app: entry.file, locales: { en: locale('en'), 'zh-CN': locale('zh-CN') } };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'loader') {
    const files = appFiles();
    return {
      ...common,
      define: { __APP_FILE__: JSON.stringify(files.app) },
      build: {
        outDir: dist,
        emptyOutDir: false,
        target: 'es2020',
        lib: { entry: 'src/loader/index.ts', formats: ['iife'], name: 'AftercareLoader', fileName: () => 'widget.js' },
      },
    };
  }
  return {
    ...common,
    base: './',
    build: {
      outDir: dist,
      emptyOutDir: true,
      target: 'es2020',
      manifest: true,
      modulePreload: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: 'src/app/main.tsx',
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: 'app-[hash].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  };
});
