import { enLauncher } from '@aftercare/shared/i18n/widget/en.js';
import { zhCNLauncher } from '@aftercare/shared/i18n/widget/zh-CN.js';
import { storageKey, type WidgetEventName, type WidgetHost, type WidgetSettings } from '../bridge.js';
import { createLauncher } from './launcher.js';
import { fail, isIdentity, isLocale, isProduct, isSubscription } from './validate.js';

/**
 * widget.js — the loader the shop puts on its pages with one tag. It must stay tiny (budget:
 * 2 KB gzipped) and must never throw into the page, so everything runs inside one try/catch and
 * the public API reports bad arguments on the console instead of throwing.
 */

/** Injected at build time from the app build's manifest (see vite.config.ts). */
declare const __APP_FILE__: string;

type Listener = (payload?: unknown) => void;
type Api = Record<string, (...args: unknown[]) => void>;

declare global {
  interface Window {
    Aftercare?: unknown;
  }
}

function install(): void {
  const script = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement | null;
  const siteKey = script?.dataset.site ?? '';
  const queued = window.Aftercare;
  if (!/^[\w-]{1,64}$/.test(siteKey)) return void fail('widget.js', 'no data-site');
  if (queued && !Array.isArray(queued)) return; // Loaded twice: keep the first.

  const baseUrl = new URL('.', script!.src).href;
  const settings: WidgetSettings = { open: false };
  const listeners: Record<string, Listener[]> = {};
  const [root, wrapper, container, hideButton, launcher] = createLauncher();
  // What `matchLocale(navigator.languages)` picks, inlined to stay within budget: the first
  // preference that is English or Chinese decides, English by default.
  const locale = () =>
    settings.locale ?? (navigator.languages.find((tag) => /^(en|zh)(-|$)/i.test(tag)) ?? 'en').slice(0, 2);
  let unread = 0;
  let minimized = false;
  let ready = false;
  let app: Promise<{ mount(host: WidgetHost): void }> | undefined;
  let mounting: Promise<void> | undefined;

  const emit = (event: WidgetEventName, payload?: unknown) => {
    for (const listener of listeners[event] ?? []) {
      try {
        listener(payload);
      } catch (error) {
        fail(event, 'failed', error); // A failing listener must not stop the others.
      }
    }
  };

  const render = () => {
    const texts = locale().startsWith('zh') ? zhCNLauncher : enLauncher;
    wrapper.lang = locale();
    wrapper.className = `w${settings.open ? ' o' : ''}${minimized ? ' m' : ''}`;
    launcher.ariaExpanded = `${settings.open}`;
    // One name in both states; `aria-expanded` tells whether the panel is open.
    launcher.ariaLabel = (unread ? texts.launcherOpenUnread : texts.launcherOpen).replace('{count}', `${unread}`);
    hideButton.ariaLabel = texts.launcherHide;
    launcher.dataset.unread = `${unread || ''}`;
  };

  /** Downloads the app; evaluating it has no side effects. */
  const fetchApp = () => {
    app ??= import(/* @vite-ignore */ `${baseUrl}widget/${__APP_FILE__}`);
    app.catch(() => (app = undefined)); // The next click tries again.
    return app;
  };

  /** Mounts the app (which then connects to the server) once. */
  const start = () => {
    if (mounting) return;
    mounting = fetchApp()
      .then((module) => module.mount(host))
      .catch((error) => {
        mounting = undefined;
        fail('widget.js', 'app failed', error);
      });
  };

  /** Runs through the API wrapper below, which re-renders and tells the app. */
  const setOpen = (open: boolean) => {
    if (settings.open === open) return;
    settings.open = open;
    if (open) start();
    emit(open ? 'open' : 'close');
  };

  const host: WidgetHost = {
    siteKey,
    baseUrl,
    root,
    container,
    launcher,
    settings,
    setOpen: (open) => api[open ? 'open' : 'close']!(),
    setUnread(count) {
      if (count === unread) return;
      unread = count;
      render();
      emit('unread', { count });
    },
    emit,
    onChange: null,
  };

  const api: Api = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!settings.open),
    identify(user) {
      if (isIdentity(user)) settings.identity = user;
    },
    setProduct(product) {
      if (isProduct(product)) settings.product = product;
    },
    setLocale(value) {
      if (isLocale(value)) settings.locale = value;
    },
    on(event, listener) {
      if (!isSubscription('on', event, listener)) return;
      listeners[event] = [...(listeners[event] ?? []), listener as Listener];
      if (event === 'ready' && ready) (listener as Listener)(); // Late listeners still hear "ready".
    },
    off(event, listener) {
      if (isSubscription('off', event, listener))
        listeners[event] = listeners[event]?.filter((l) => l !== listener) ?? [];
    },
    /** Runs a command queued as `['identify', { id: '42' }]` (the form usable before the loader arrives). */
    push(command) {
      const [method, ...args] = Array.isArray(command) ? command : [];
      if (!api[method]) fail('push', 'unknown command', command);
      else api[method](...args);
    },
  };
  // No call may throw into the shop's code, whatever it passes; every change reaches the app.
  for (const [name, method] of Object.entries(api)) {
    api[name] = (...args) => {
      try {
        method(...args);
        render();
        host.onChange?.();
      } catch (error) {
        fail(name, 'failed', error);
      }
    };
  }

  launcher.onclick = () => api.toggle!();
  hideButton.onclick = () => {
    minimized = true;
    render();
    launcher.focus();
  };

  window.Aftercare = api;
  for (const command of (queued as unknown[]) ?? []) api.push!(command);
  render();
  ready = true;
  emit('ready');
  // An open conversation or unsent messages: connect now so replies raise the badge while closed.
  try {
    if (['active', 'outbox', 'tickets'].some((name) => localStorage[storageKey(siteKey, name)])) start();
  } catch {
    // Storage disabled: nothing to resume.
  }
}

try {
  install();
} catch (error) {
  fail('widget.js', 'failed', error);
}
