import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Features } from 'lightningcss';
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

/**
 * Modules inside socket.io's client libraries replaced by smaller equivalents, because the first
 * open downloads them (together about 1.4 KB gzipped of a 30 KB budget):
 *  - engine.io-client's transport table: the widget connects with WebSocket, else long-polling
 *    (`transports` in connection.ts), but the table imports WebTransport too, and polls with
 *    XMLHttpRequest where engine.io-client's own `fetch()` transport does the same in a third of the code;
 *  - engine.io-parser's base64 decoder (a lookup table and a loop) as `atob`, which every browser has;
 *  - engine.io-parser's packet encoder, for text only.
 */
const leanEngineIo = (): Plugin => {
  const substitutes: Record<string, (directory: string) => string> = {
    './transports/index.js': (directory) =>
      `import { Fetch } from '${directory}/transports/polling-fetch.js';` +
      `import { WS } from '${directory}/transports/websocket.js';` +
      'export const transports = { websocket: WS, polling: Fetch };',
    // Only re-exported by engine.io-client's index (as `XHR` and `NodeXHR`), but its side effects
    // (an XMLHttpRequest probe, an unload listener) would keep it in the bundle.
    './transports/polling-xhr.js': () => 'export const XHR = undefined;',
    './transports/polling-xhr.node.js': () => 'export const XHR = undefined;',
    './contrib/base64-arraybuffer.js': () =>
      'export const decode = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;',
    // The widget only ever sends text (socket-parser.ts has no binary packets), so the Blob and
    // ArrayBuffer encodings are never needed; `encodePacketToBinary` served only WebTransport.
    './encodePacket.js': (directory) =>
      `import { PACKET_TYPES } from '${directory}/commons.js';` +
      "export const encodePacket = ({ type, data }, supportsBinary, callback) => callback(PACKET_TYPES[type] + (data || ''));" +
      "export const encodePacketToBinary = () => { throw new Error('binary packets are not supported'); };",
  };
  const prefix = '\0aftercare-engine-io:';
  return {
    name: 'aftercare-lean-engine-io',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!substitutes[source] || !importer || !/\/engine\.io-(client|parser)\/build\/esm\//.test(importer))
        return null;
      return `${prefix}${source}|${importer.slice(0, importer.lastIndexOf('/'))}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const [source, directory] = id.slice(prefix.length).split('|') as [string, string];
      return substitutes[source]!(directory);
    },
  };
};

const common: UserConfig = {
  resolve: {
    alias: [
      { find: /^@aftercare\/shared\/(.*)$/, replacement: `${shared}/$1` },
      // Text packets only: about 1.2 KB gzipped less on the first open (see socket-parser.ts).
      {
        find: /^socket\.io-parser$/,
        replacement: fileURLToPath(new URL('./src/app/lib/socket-parser.ts', import.meta.url)),
      },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Keep `system-ui` as written: a browser without it falls through to the next family anyway, and
  // the expanded list lightningcss would write instead costs bytes on every first open.
  css: { lightningcss: { exclude: Features.FontFamilySystemUi } },
  plugins: [leanEngineIo(), precompress()],
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
        preserveEntrySignatures: 'allow-extension',
        output: { entryFileNames: 'app-[hash].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  };
});
