/**
 * Reports benchmark: how long the supervisors' reports take with a big embedded store, measured in
 * the browser (Debian's Chromium, headless) against the built server over loopback.
 *
 * Seeds a fresh data directory with `seed-reports.ts` (--conversations over --days, --tickets,
 * ratings), starts the built server on it, and then:
 * - server: times `report:get` from a Node socket for the last 90 and 180 days (--runs each);
 * - browser: signs the seeded supervisor in, opens the reports page from the top bar (the first
 *   open also loads the reports chunk with uPlot; default range 30 days), then switches the range
 *   between the last 90 and the last 180 days --runs times. Each switch is timed in the page from
 *   the change to the frame after all three charts are drawn for the new range.
 * Bounded: stops by itself after --timeout seconds.
 *
 *   npm run build && npm run bench:reports -w e2e -- --conversations 100000 --tickets 20000 --runs 5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AGENT_NAMESPACE, PROTOCOL_VERSION } from '@aftercare/shared';
import { type Browser, chromium, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { percentile, startBenchServer } from './bench-server.js';
import { seedReports } from './seed-reports.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '100000' },
    tickets: { type: 'string', default: '20000' },
    days: { type: 'string', default: '180' },
    runs: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '900' },
  },
});
const runs = Number(values.runs);
const DAY = 86_400_000;

const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-reports-bench-'));
let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
const hardStop = setTimeout(() => {
  console.error('benchmark exceeded its time limit; stopping');
  void Promise.allSettled([browser?.close(), server?.stop()]).then(() => process.exit(1));
}, Number(values.timeout) * 1000);

/** The last `days` days in Shanghai (the seeded site's zone), as the console's presets ask. */
function lastDays(days: number): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
  return { from, to: today };
}

/** Median, min and max, and the machine's 1-minute load average (the cores are shared). */
const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label}: median ${percentile(sorted, 50).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (${sorted.length} runs; load average ${loadavg()[0]!.toFixed(1)})`;
};

try {
  const seeded = await seedReports({
    dataDir,
    conversations: Number(values.conversations),
    tickets: Number(values.tickets),
    days: Number(values.days),
  });
  console.log(
    `seeded ${seeded.conversations} conversations, ${seeded.tickets} tickets, ${seeded.ratings} ratings in ${seeded.seconds.toFixed(1)} s`,
  );
  server = await startBenchServer({ DATA_DIR: dataDir });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(seeded.supervisor),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  // Server side: report:get over a socket (server work + loopback + JSON).
  const socket = io(`${server.url}${AGENT_NAMESPACE}`, {
    transports: ['websocket'],
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  for (const days of [90, 180]) {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < runs + 1; run++) {
      const sent = performance.now();
      const res = (await socket.timeout(60_000).emitWithAck('report:get', lastDays(days))) as {
        data?: { report: { totals: { conversations: number; tickets: number; ratings: number } } };
      };
      if (!res.data) throw new Error(`report:get failed: ${JSON.stringify(res)}`);
      // The first run warms the statement cache and the page cache; it is reported apart.
      if (run > 0) times.push(performance.now() - sent);
      else console.log(`report:get ${days} days, first run: ${(performance.now() - sent).toFixed(0)} ms`);
      const { totals } = res.data.report;
      rows = totals.conversations + totals.tickets + totals.ratings;
    }
    console.log(summary(`report:get ${days} days (${rows} records)`, times));
  }
  socket.close();

  // Browser: from the top bar's link, then switching ranges.
  browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Email').fill(seeded.supervisor.email);
  await page.getByLabel('Password').fill(seeded.supervisor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  const firstOpen = await timed(page, lastDays(30), { kind: 'open' });
  console.log(`reports page, first open from the top bar (loads the chunk, 30 days): ${firstOpen.toFixed(0)} ms`);

  const times: Record<number, number[]> = { 90: [], 180: [] };
  for (let run = 0; run < runs; run++) {
    times[90]!.push(await timed(page, lastDays(90), { kind: 'preset', value: '90' }));
    times[180]!.push(await timed(page, lastDays(180), { kind: 'custom', ...lastDays(180) }));
  }
  console.log(summary('change to last 90 days → charts painted', times[90]!));
  console.log(summary('change to last 180 days → charts painted', times[180]!));
} finally {
  clearTimeout(hardStop);
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** What the page is asked to do before the wait: open the reports, pick a preset, or a custom range. */
type PageAction = { kind: 'open' } | { kind: 'preset'; value: string } | { kind: 'custom'; from: string; to: string };

/**
 * In the page: does the action, then waits for the frame after all three charts show `drawn`, and
 * answers the time taken. Plain JavaScript in a string: tsx would wrap a compiled function with
 * helpers (`__name`) that do not exist in the page.
 */
function timedActionSource(): string {
  return `async ({ drawn, action }) => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const period = () => document.querySelector('.reports-filters select');
  const choose = (value) => {
    period().value = value;
    period().dispatchEvent(new Event('change', { bubbles: true }));
  };
  const start = performance.now();
  if (action.kind === 'open') {
    document.querySelector('a[href="#/reports"]').click();
  } else if (action.kind === 'preset') {
    choose(action.value);
  } else {
    choose('custom');
    await tick();
    const [from, to] = document.querySelectorAll('.reports-filters input[type="date"]');
    for (const [input, value] of [[from, action.from], [to, action.to]]) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await tick();
    document.querySelector('.reports-filters button[type="submit"]').click();
  }
  await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('charts for ' + drawn + ' not drawn within 60 s')), 60000);
    const check = () => {
      // One more frame after the draw: the canvases have been painted by then.
      if (document.querySelectorAll('[data-chart][data-drawn="' + drawn + '"]').length === 3) {
        clearTimeout(timeout);
        requestAnimationFrame(() => resolve());
      } else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - start;
}`;
}

/**
 * Does `action` in the page and answers the time until the frame after all three charts show
 * `range`: a change's full cost (request, server, rendering, drawing), as the supervisor waits it.
 */
async function timed(page: Page, range: { from: string; to: string }, action: PageAction): Promise<number> {
  const args = JSON.stringify({ drawn: `${range.from}/${range.to}`, action });
  return (await page.evaluate(`(${timedActionSource()})(${args})`)) as number;
}
