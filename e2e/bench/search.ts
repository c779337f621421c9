/**
 * Search and inbox-filter benchmark on the embedded store: seeds an SQLite file with 10 shops of
 * 200 conversations × 50 messages each (100,000 messages, shops interleaved in time as they are
 * in a shared deployment), then times `search:query`'s repository calls and the filtered inbox
 * listing (median and p95 of 20 runs each). Run: `npm run bench:search -w e2e`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { searchTerms } from '../../server/src/domain/search/search-terms.js';
import { SqliteConversationRepository } from '../../server/src/store/sqlite/conversation-repository.js';
import { migrate } from '../../server/src/store/sqlite/migrate.js';
import { migrations } from '../../server/src/store/sqlite/migrations.js';
import { SqliteSearchRepository } from '../../server/src/store/sqlite/search-repository.js';

const SHOPS = 10;
const CONVERSATIONS = 200;
const MESSAGES = 50;
const WORDS = [
  'kettle',
  'screen',
  'refund',
  'warranty',
  'battery',
  '屏幕',
  '坏了',
  '退货',
  '保修',
  'broken',
  'delivery',
  'order',
];

const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-bench-search-'));
const db = new Database(path.join(dir, 'aftercare.db'));
try {
  db.pragma('journal_mode = WAL');
  migrate(db, migrations);
  const started = performance.now();
  seed();
  console.log(
    `seeded ${SHOPS * CONVERSATIONS * MESSAGES} messages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const search = new SqliteSearchRepository(db);
  const indexing = performance.now();
  const indexed = search.indexPending();
  console.log(`indexed ${indexed} messages in one batch in ${((performance.now() - indexing) / 1000).toFixed(1)} s\n`);
  const conversations = new SqliteConversationRepository(db);
  const tenantId = 'shop-3';
  console.log('| query | median | p95 | rows |\n| --- | --- | --- | --- |');
  const messages = (query: string) => () => search.searchMessages({ tenantId, terms: searchTerms(query), limit: 21 });
  await time('messages `warranty` (1 message in 12)', messages('warranty'));
  await time('messages `坏了 screen` (two words)', messages('坏了 screen'));
  await time('messages `屏幕` (2 characters: recent window)', messages('屏幕'));
  await time('messages `message 49` (a word in every message, and a short one in the newest)', messages('message 49'));
  await time('messages `zzzqqq` (no hit)', messages('zzzqqq'));
  await time('customers `shop3.example`', () =>
    search.searchCustomers({ tenantId, terms: searchTerms('shop3.example'), limit: 10 }),
  );
  await time('inbox: open, product `product 1`', () =>
    conversations.listByTenant({ tenantId, status: 'open', product: 'product 1', limit: 50 }),
  );
  await time('inbox: open, waiting on customer', () =>
    conversations.listByTenant({ tenantId, status: 'open', waitingOn: 'customer', limit: 50 }),
  );
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Rows straight into the tables, in one transaction (the triggers note the messages to index). */
function seed(): void {
  const site = db.prepare(
    `INSERT INTO sites (id, tenant_id, key, name, allowed_origins, created_at) VALUES (?, ?, ?, 'Shop', '[]', 0)`,
  );
  const customer = db.prepare(
    `INSERT INTO customers (id, site_id, tenant_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?)`,
  );
  const conversation = db.prepare(
    `INSERT INTO conversations (id, tenant_id, site_id, customer_id, request_id, status, product, last_seq,
       created_at, updated_at, awaiting_reply_from)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?, 0, ?, ?)`,
  );
  const message = db.prepare(
    `INSERT INTO messages (id, conversation_id, client_id, seq, author_kind, author_id, text, created_at)
     VALUES (?, ?, ?, ?, 'visitor', '', ?, ?)`,
  );
  db.transaction(() => {
    for (let s = 0; s < SHOPS; s++) site.run(`site-${s}`, `shop-${s}`, `key-${s}`);
    for (let c = 0; c < CONVERSATIONS; c++) {
      for (let s = 0; s < SHOPS; s++) {
        const id = `conversation-${s}-${c}`;
        customer.run(`customer-${s}-${c}`, `site-${s}`, `shop-${s}`, `Customer ${c}`, `c${c}@shop${s}.example`, c);
        const product = JSON.stringify({ name: `Product ${c % 17}`, sku: `SKU-${c % 17}` });
        conversation.run(
          id,
          `shop-${s}`,
          `site-${s}`,
          `customer-${s}-${c}`,
          id,
          product,
          MESSAGES,
          c,
          c % 2 ? 'agent' : 'customer',
        );
      }
    }
    // Messages of every shop interleaved in time, newest last.
    for (let i = 0; i < MESSAGES; i++) {
      for (let c = 0; c < CONVERSATIONS; c++) {
        for (let s = 0; s < SHOPS; s++) {
          const text = `${WORDS[(i + c) % WORDS.length]} message ${i} ${WORDS[(i * 7 + s) % WORDS.length]} lorem ipsum`;
          message.run(
            `m-${s}-${c}-${i}`,
            `conversation-${s}-${c}`,
            `k-${i}`,
            i + 1,
            text,
            (i * CONVERSATIONS + c) * SHOPS + s,
          );
        }
      }
    }
  })();
}

async function time(label: string, run: () => Promise<unknown[]>): Promise<void> {
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    rows = (await run()).length;
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  console.log(`| ${label} | ${runs[10]!.toFixed(1)} ms | ${runs[18]!.toFixed(1)} ms | ${rows} |`);
}
