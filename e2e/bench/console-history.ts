/**
 * Console benchmark: how long the agent console takes to open a conversation with a long history,
 * measured in the browser (Debian's Chromium, headless) against the built server over loopback.
 *
 * Seeds one conversation with --messages messages (shopper and agent alternating) plus a small one
 * and --others short ones, signs in, then --runs times: reloads the console ("first open after
 * load"), opens the big conversation, opens the small one, and opens the big one again ("re-open").
 * Each open is timed inside the page from the row's click to the frame in which the newest message
 * is rendered with the list scrolled to the bottom. Then scrolls up --older-pages times (timing each
 * older page) and reports JS heap and DOM nodes. Bounded: stops by itself after --timeout seconds.
 * --extra-css adds a style sheet to the console (to try a rendering change without rebuilding it).
 *
 *   npm run build && npm run bench:console -w e2e -- --messages 5000 --runs 7
 */
import { parseArgs } from 'node:util';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { signIn } from '../support/console-page.js';
import { percentile, startBenchServer } from './bench-server.js';
import { type ListStats, type LongFrames, type OlderTiming, type OpenTiming, PROBE_SCRIPT } from './console-probe.js';
import { type SeededConversation, seedConversations } from './console-seed.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    others: { type: 'string', default: '20' },
    runs: { type: 'string', default: '7' },
    'older-pages': { type: 'string', default: '10' },
    batch: { type: 'string', default: '200' },
    timeout: { type: 'string', default: '300' },
    // Extra CSS for the console, to try a rendering fix before changing the console itself.
    'extra-css': { type: 'string' },
  },
});
const messages = Number(values.messages);
const others = Number(values.others);
const runs = Number(values.runs);
const olderPages = Number(values['older-pages']);
const batch = Number(values.batch);

/** DevTools metrics of main-thread time, cumulative for the page, in seconds. */
const MAIN_THREAD_METRICS = {
  scriptMs: 'ScriptDuration',
  styleMs: 'RecalcStyleDuration',
  layoutMs: 'LayoutDuration',
  taskMs: 'TaskDuration',
} as const;

const server = await startBenchServer({ VISITOR_EVENT_RATE: '100000/100000', AGENT_EVENT_RATE: '100000/100000' });
let browser: Browser | undefined;
const hardStop = setTimeout(() => {
  console.error('benchmark exceeded its time limit; stopping');
  void Promise.allSettled([browser?.close(), server.stop()]).then(() => process.exit(1));
}, Number(values.timeout) * 1000);

try {
  const seeded = await seedConversations(server.url, { messages, batch, others, smallMessages: 20 });
  console.error(
    `seeded ${messages} messages, a 20-message and ${seeded.others} short conversations in ${seeded.seedSeconds.toFixed(1)} s`,
  );

  browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: PROBE_SCRIPT });
  if (values['extra-css']) {
    const css = JSON.stringify(values['extra-css']);
    await page.addInitScript({
      content: `document.addEventListener('DOMContentLoaded', () => { const style = document.createElement('style'); style.textContent = ${css}; document.head.append(style); });`,
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await signIn(page, server.url);

  const firstOpen: Timed<OpenTiming>[] = [];
  const reopen: Timed<OpenTiming>[] = [];
  const smallOpen: Timed<OpenTiming>[] = [];
  let inboxOnly: Memory | undefined;
  let opened: Memory | undefined;
  let openedStats: ListStats | undefined;
  for (let run = 0; run < runs; run++) {
    if (run > 0) await page.reload();
    await showAllOpen(page);
    if (run === 0) inboxOnly = await memory(cdp);
    firstOpen.push(await open(page, cdp, seeded.big));
    if (run === 0) {
      opened = await memory(cdp);
      openedStats = await page.evaluate(() => window.__bench.stats());
    }
    smallOpen.push(await open(page, cdp, seeded.small));
    reopen.push(await open(page, cdp, seeded.big));
    console.error(
      `run ${run + 1}/${runs}: first open ${firstOpen.at(-1)!.paintedMs.toFixed(0)} ms, ` +
        `re-open ${reopen.at(-1)!.paintedMs.toFixed(0)} ms, small ${smallOpen.at(-1)!.paintedMs.toFixed(0)} ms`,
    );
  }

  // Scroll up through older pages of the open (big) conversation.
  const older: Timed<OlderTiming>[] = [];
  for (let i = 0; i < olderPages; i++)
    older.push(await withMainThread(cdp, () => page.evaluate(() => window.__bench.older())));
  const afterOlder = await memory(cdp);
  const afterOlderStats = await page.evaluate(() => window.__bench.stats());

  const result = {
    messages,
    otherConversations: seeded.others + 1,
    runs,
    seedSeconds: round(seeded.seedSeconds),
    serverOpenMs: summary(seeded.serverOpenMs),
    openPayloadKB: round(seeded.openPayloadBytes / 1024),
    firstOpenAfterLoad: summarize(firstOpen),
    reopen: summarize(reopen),
    smallConversationOpen: summarize(smallOpen),
    olderPage: {
      pages: older.length,
      addedPerPage: older[0]?.added ?? 0,
      paintedMs: summary(older.map((item) => item.paintedMs)),
      firstMs: round(older[0]?.paintedMs ?? Number.NaN),
      lastMs: round(older.at(-1)?.paintedMs ?? Number.NaN),
      longestTaskMs: summary(older.map((item) => item.longestTaskMs)),
      mainThreadMs: mainThread(older),
      longFramesMs: longFrames(older),
      all: older.map((item) => round(item.paintedMs)),
    },
    memory: { inboxOnly, opened, afterOlder },
    list: { opened: openedStats, afterOlder: afterOlderStats },
  };
  console.log(JSON.stringify(result, null, 2));
  const first = result.firstOpenAfterLoad.paintedMs;
  const again = result.reopen.paintedMs;
  console.log(
    `\nopen ${messages}-message conversation: first after load median ${first.median} ms (${first.min}–${first.max}), ` +
      `re-open median ${again.median} ms (${again.min}–${again.max}) · older page ${result.olderPage.paintedMs.median} ms · ` +
      `${openedStats?.messages} messages / ${openedStats?.listElements} list elements rendered · ` +
      `JS heap ${opened?.jsHeapMB} MB open vs ${inboxOnly?.jsHeapMB} MB inbox only`,
  );
} finally {
  clearTimeout(hardStop);
  await browser?.close();
  await server.stop();
}

/** Shows the "All open" view and waits for its rows. */
async function showAllOpen(page: Page): Promise<void> {
  await page.locator('#inbox-tab-open').click();
  await page.locator('.conversation-row').first().waitFor();
}

/** Clicks the conversation's inbox row and returns the in-page timings of that open. */
async function open(page: Page, cdp: CDPSession, target: SeededConversation): Promise<Timed<OpenTiming>> {
  const row = page.locator(`.conversation-row[data-conversation-id="${target.conversation.id}"]`);
  await row.waitFor();
  await page.evaluate(([seq, text]) => window.__bench.armOpen(seq, text), [target.lastSeq, target.lastText] as const);
  return withMainThread(cdp, async () => {
    await row.click();
    return page.evaluate(() => window.__bench.result());
  });
}

/** Main-thread time Chromium accounts to script, style, layout and all tasks (DevTools metrics). */
interface MainThread {
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  taskMs: number;
}
type Timed<T> = T & { mainThread: MainThread };

/**
 * Runs `action` between two readings of the page's cumulative main-thread metrics. The readings
 * are taken outside the timed window, so the delta also holds a little of Playwright's own work
 * (the click's actionability checks).
 */
async function withMainThread<T>(cdp: CDPSession, action: () => Promise<T>): Promise<Timed<T>> {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (name: string) => (metrics.find((item) => item.name === name)?.value ?? Number.NaN) * 1000;
  };
  const before = await read();
  const value = await action();
  const after = await read();
  const mainThread = Object.fromEntries(
    Object.entries(MAIN_THREAD_METRICS).map(([key, name]) => [key, round(after(name) - before(name))]),
  ) as unknown as MainThread;
  return { ...value, mainThread };
}

function mainThread(items: { mainThread: MainThread }[]) {
  return Object.fromEntries(
    Object.keys(MAIN_THREAD_METRICS).map((key) => [
      key,
      round(
        percentile(
          items.map((item) => item.mainThread[key as keyof MainThread]).sort((a, b) => a - b),
          50,
        ),
      ),
    ]),
  );
}

interface Memory {
  jsHeapMB: number;
  /** Live DOM nodes of the page, text nodes included. */
  domNodes: number;
}

/** JS heap after a full garbage collection, and the document's DOM node count, from the DevTools protocol. */
async function memory(cdp: CDPSession): Promise<Memory> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((item) => item.name === name)?.value ?? Number.NaN;
  return { jsHeapMB: round(metric('JSHeapUsedSize') / 1024 / 1024), domNodes: metric('Nodes') };
}

/** Medians of the long animation frames' breakdown. */
function longFrames(items: { longFrames: LongFrames }[]) {
  const median = (pick: (frames: LongFrames) => number) =>
    round(
      percentile(
        items.map((item) => pick(item.longFrames)).sort((a, b) => a - b),
        50,
      ),
    );
  return {
    frames: median((frames) => frames.frames),
    scriptMs: median((frames) => frames.scriptMs),
    forcedLayoutMs: median((frames) => frames.forcedLayoutMs),
    styleLayoutMs: median((frames) => frames.styleLayoutMs),
  };
}

function summarize(timings: Timed<OpenTiming>[]) {
  return {
    paintedMs: summary(timings.map((item) => item.paintedMs)),
    readyMs: summary(timings.map((item) => item.readyMs)),
    responseMs: summary(timings.map((item) => item.responseMs ?? Number.NaN)),
    responseKB: round((timings[0]?.responseBytes ?? Number.NaN) / 1024),
    longestTaskMs: summary(timings.map((item) => item.longestTaskMs)),
    /** Medians of main-thread time by kind during the open. */
    mainThreadMs: mainThread(timings),
    longFramesMs: longFrames(timings),
    all: timings.map((item) => round(item.paintedMs)),
  };
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(percentile(sorted, 50)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

function round(value: number): number {
  return Number(value.toFixed(1));
}
