/**
 * What the console benchmark measures inside the page. Installed as plain JavaScript before the
 * console's own code runs (a string, so no bundler helper leaks into the page), it exposes
 * `window.__bench`:
 *
 * - `armOpen(seq, text)`: the next click on an inbox row starts a clock (`performance.mark`); the
 *   clock stops at the first animation frame in which the message `seq` shows `text` in the
 *   message list and the list is scrolled to the bottom ("ready"), and again once that frame has
 *   been painted (a task queued from that frame). `result()` resolves with the timings.
 * - `older()`: scrolls the message list to the top and times until the older page is rendered.
 * - `stats()`: rendered messages and elements (the message list's and the whole document's).
 *
 * It also notes the arrival of WebSocket frames (to split server + network from rendering), long
 * tasks (main-thread blocking) and long animation frames (where a slow frame's time went).
 */
export const PROBE_SCRIPT = `(() => {
  const frames = [];
  const longTasks = [];
  const NativeWebSocket = window.WebSocket;
  class ProbeWebSocket extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        const data = event.data;
        const bytes = typeof data === 'string' ? data.length : data.byteLength || data.size || 0;
        frames.push({ t: performance.now(), bytes });
        if (frames.length > 2000) frames.splice(0, 1000);
      });
    }
  }
  window.WebSocket = ProbeWebSocket;
  const onLongTasks = (entries) => {
    for (const entry of entries) longTasks.push({ start: entry.startTime, duration: entry.duration });
  };
  const taskObserver = new PerformanceObserver((list) => onLongTasks(list.getEntries()));
  taskObserver.observe({ type: 'longtask', buffered: true });
  // Long animation frames (over 50 ms), with where their time went.
  const frames50 = [];
  const onFrames = (entries) => {
    for (const entry of entries) {
        let script = 0;
        let forced = 0;
        for (const item of entry.scripts) {
          script += item.duration;
          forced += item.forcedStyleAndLayoutDuration;
        }
        const end = entry.startTime + entry.duration;
        frames50.push({
          start: entry.startTime,
          end,
          script,
          forced,
          styleLayout: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0,
        });
    }
  };
  const frameObserver = new PerformanceObserver((list) => onFrames(list.getEntries()));
  frameObserver.observe({ type: 'long-animation-frame', buffered: true });

  const TIMEOUT_MS = 60000;
  const list = () => document.querySelector('.message-list');
  const firstSeq = () => Number(list()?.querySelector('li.message[data-seq]')?.getAttribute('data-seq') ?? 0);

  // Entries are reported a little after their frame: wait, then take what is queued.
  async function blocking(from, to) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    onLongTasks(taskObserver.takeRecords());
    onFrames(frameObserver.takeRecords());
    let total = 0;
    let max = 0;
    for (const task of longTasks) {
      if (task.start + task.duration < from || task.start > to) continue;
      total += task.duration;
      max = Math.max(max, task.duration);
    }
    const loaf = { frames: 0, scriptMs: 0, forcedLayoutMs: 0, styleLayoutMs: 0 };
    for (const frame of frames50) {
      if (frame.end < from || frame.start > to) continue;
      loaf.frames++;
      loaf.scriptMs += frame.script;
      loaf.forcedLayoutMs += frame.forced;
      loaf.styleLayoutMs += frame.styleLayout;
    }
    return { longTasksMs: total, longestTaskMs: max, longFrames: loaf };
  }

  // Polls once per animation frame until done() holds; resolves with "ready" and "painted" times.
  function untilRendered(t0, done) {
    return new Promise((resolve, reject) => {
      const poll = () => {
        const now = performance.now();
        if (done()) {
          setTimeout(() => resolve({ ready: now, painted: performance.now() }), 0);
          return;
        }
        if (now - t0 > TIMEOUT_MS) return reject(new Error('not rendered within ' + TIMEOUT_MS + ' ms'));
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
  }

  let pending = null;
  window.__bench = {
    armOpen(seq, text) {
      pending = new Promise((resolve, reject) => {
        const onClick = (event) => {
          if (!(event.target instanceof Element) || !event.target.closest('.conversation-row')) return;
          document.removeEventListener('click', onClick, true);
          const t0 = performance.now();
          performance.mark('bench:open-click');
          const shown = () => {
            const el = list();
            const text_ = el?.querySelector('li.message[data-seq="' + seq + '"] .message__text')?.textContent;
            return text_ === text && el.scrollHeight - el.scrollTop - el.clientHeight <= 1;
          };
          untilRendered(t0, shown).then(async ({ ready, painted }) => {
            performance.mark('bench:open-ready');
            performance.measure('bench:open', 'bench:open-click', 'bench:open-ready');
            let response = null;
            for (const frame of frames) {
              if (frame.t >= t0 && frame.t <= ready && (!response || frame.bytes > response.bytes)) response = frame;
            }
            resolve({
              responseMs: response ? response.t - t0 : null,
              responseBytes: response ? response.bytes : null,
              readyMs: ready - t0,
              paintedMs: painted - t0,
              ...(await blocking(t0, painted)),
            });
          }, reject);
        };
        document.addEventListener('click', onClick, true);
      });
    },
    result() {
      return pending;
    },
    async older() {
      const el = list();
      const before = firstSeq();
      const items = el.querySelectorAll('li.message').length;
      const t0 = performance.now();
      el.scrollTop = 0;
      const { ready, painted } = await untilRendered(t0, () => firstSeq() < before);
      return {
        readyMs: ready - t0,
        paintedMs: painted - t0,
        added: el.querySelectorAll('li.message').length - items,
        ...(await blocking(t0, painted)),
      };
    },
    stats() {
      const el = list();
      return {
        messages: el ? el.querySelectorAll('li.message').length : 0,
        listElements: el ? el.getElementsByTagName('*').length + 1 : 0,
        documentElements: document.getElementsByTagName('*').length,
      };
    },
  };
})();`;

/** Long animation frames (over 50 ms) in the timed window: scripts, the layout they forced, and the frame's own style and layout. */
export interface LongFrames {
  frames: number;
  scriptMs: number;
  forcedLayoutMs: number;
  styleLayoutMs: number;
}

export interface OpenTiming {
  /** Click → the largest WebSocket frame before "ready" arrived (the `conversation:open` answer). */
  responseMs: number | null;
  responseBytes: number | null;
  /** Click → the frame in which the last message is in the list and the list is at the bottom. */
  readyMs: number;
  /** Click → that frame painted. */
  paintedMs: number;
  longTasksMs: number;
  longestTaskMs: number;
  longFrames: LongFrames;
}

export interface OlderTiming {
  readyMs: number;
  paintedMs: number;
  added: number;
  longTasksMs: number;
  longestTaskMs: number;
  longFrames: LongFrames;
}

export interface ListStats {
  messages: number;
  /** Elements in the message list, itself included. */
  listElements: number;
  documentElements: number;
}

export interface BenchProbe {
  armOpen(seq: number, text: string): void;
  result(): Promise<OpenTiming>;
  older(): Promise<OlderTiming>;
  stats(): ListStats;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}
