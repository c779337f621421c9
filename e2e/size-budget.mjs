#!/usr/bin/env node
/**
 * Size budget of the shopper widget, checked in CI: prints the gzipped size (level 9) of every
 * built file in widget/dist and exits 1 when over budget.
 *  - the loader (widget.js), on every page of the shop: at most 2 KB;
 *  - everything the first open downloads (the app entry, its static imports and CSS, and the
 *    largest locale catalog, since a shopper needs exactly one): at most 30 KB.
 * Run after `npm run build -w widget`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const LOADER_BUDGET = 2 * 1024;
const FIRST_OPEN_BUDGET = 30 * 1024;
const dist = path.resolve(import.meta.dirname, '../widget/dist');

const gzipped = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB (${bytes} B)`;

let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error('size-budget: widget/dist/.vite/manifest.json is missing; run `npm run build -w widget` first');
  process.exit(1);
}

const files = readdirSync(dist).filter((file) => /\.(js|css)$/.test(file));
const sizes = Object.fromEntries(files.map((file) => [file, gzipped(file)]));
console.log('widget/dist (gzip -9):');
for (const file of files.sort()) console.log(`  ${file.padEnd(28)} ${kb(sizes[file]).padStart(10)}`);

// The first open: the app entry, what it imports statically, its CSS, plus one locale chunk.
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const firstOpen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstOpen.has(chunk.file)) return;
  firstOpen.add(chunk.file);
  for (const css of chunk.css ?? []) firstOpen.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
const locales = Object.values(manifest).filter((chunk) => /i18n\/widget\/[^/]+\.ts$/.test(chunk.src ?? ''));
const largestLocale = locales.map((chunk) => chunk.file).sort((a, b) => sizes[b] - sizes[a])[0];
if (largestLocale) firstOpen.add(largestLocale);

const loader = sizes['widget.js'] ?? Number.POSITIVE_INFINITY;
const firstOpenTotal = [...firstOpen].reduce((sum, file) => sum + (sizes[file] ?? 0), 0);
const checks = [
  ['loader (widget.js)', loader, LOADER_BUDGET],
  [`first open (${[...firstOpen].join(' + ')})`, firstOpenTotal, FIRST_OPEN_BUDGET],
];
let over = false;
for (const [name, size, budget] of checks) {
  const ok = size <= budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(size)} of ${kb(budget)}`);
}
process.exit(over ? 1 : 0);
