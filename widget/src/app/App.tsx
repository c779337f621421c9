import { matchLocale } from '@aftercare/shared/i18n/locale.js';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '../bridge.js';
import { Panel } from './components/Panel.js';
import type { ChatClient } from './lib/chat-client.js';
import { createTranslate, I18n, loadCatalog, type Translate } from './lib/i18n.js';
import { cleanProduct, readPageProduct } from './lib/product.js';
import { accentProperties, FALLBACK_COLOR } from './lib/site.js';

interface AppProps {
  host: WidgetHost;
  client: ChatClient;
}

/** The widget app's root: locale, settings from the loader and the site, focus, and read receipts. */
export function App({ host, client }: AppProps) {
  const [, bump] = useReducer((count: number) => count + 1, 0);
  const rerender = () => bump(0);
  const [i18n, setI18n] = useState<{ t: Translate; locale: 'en' | 'zh-CN' } | null>(null);
  const panel = useRef<HTMLElement>(null);
  const { settings } = host;
  const state = client.state;
  // `setLocale` wins; then the browser's languages; then the site's language, else English.
  const locale =
    settings.locale ?? matchLocale(navigator.languages ?? [navigator.language], state.site?.defaultLocale ?? undefined);

  useEffect(() => {
    const unsubscribe = client.store.subscribe(rerender);
    host.onChange = () => {
      // Closing through the API while focus is in the panel: hand focus back to the launcher.
      if (!settings.open && panel.current?.contains(host.root.activeElement)) host.launcher.focus();
      client.identify(settings.identity);
      rerender();
    };
    document.addEventListener('visibilitychange', rerender);
    return () => {
      unsubscribe();
      host.onChange = null;
      document.removeEventListener('visibilitychange', rerender);
    };
  }, [client, host, settings]);

  useEffect(() => {
    let current = true;
    loadCatalog(locale).then((catalog) => current && setI18n({ t: createTranslate(catalog), locale }));
    return () => {
      current = false;
    };
  }, [locale]);

  // The site's colour on the launcher and the panel (both inside the loader's wrapper).
  const color = state.site?.color ?? FALLBACK_COLOR;
  useLayoutEffect(() => {
    const style = host.launcher.parentElement!.style;
    for (const [name, value] of Object.entries(accentProperties(color))) style.setProperty(name, value);
  }, [color]);

  // Availability changes while a page stays open: ask again whenever the shopper opens the panel.
  useEffect(() => {
    if (settings.open) client.refreshSite();
  }, [settings.open]);

  // Reading happens only where the shopper can see it: the panel open in a visible tab.
  const visible = settings.open && document.visibilityState === 'visible';
  useEffect(() => {
    if (visible && i18n) client.markRead();
  });

  // Move focus into the panel when it opens: the first field, else the close button. A layout
  // effect, so the panel is usable in the same frame it appears in.
  // If the site's settings then replace the focused field (it is gone, focus with it), the new first field takes over.
  const wasOpen = useRef(false);
  const focused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!i18n) return;
    const element = panel.current;
    const field = element?.querySelector<HTMLElement>('input, textarea') ?? null;
    if (settings.open !== wasOpen.current) {
      wasOpen.current = settings.open;
      if (settings.open) (field ?? element?.querySelector<HTMLElement>('.x'))?.focus();
      focused.current = settings.open ? field : null;
    } else if (field && focused.current && !focused.current.isConnected && !host.root.activeElement) {
      field.focus();
      focused.current = field;
    }
  });

  const product = useMemo(
    () =>
      settings.product === undefined
        ? readPageProduct(document)
        : settings.product && cleanProduct({ ...settings.product }, document.baseURI),
    [settings.product],
  );

  if (!i18n) return null;
  const live = state.live;
  return (
    <I18n.Provider value={i18n}>
      <div lang={i18n.locale}>
        <Panel
          client={client}
          state={state}
          open={settings.open}
          product={product}
          identity={settings.identity ?? {}}
          contact={settings.identity ?? state.customer ?? {}}
          panelRef={panel}
          onClose={() => host.setOpen(false)}
        />
        <div class="sr" aria-live="polite">
          {live && i18n.t('announceMessage', { name: live.author.name ?? i18n.t('agentFallback'), text: live.text })}
        </div>
      </div>
    </I18n.Provider>
  );
}
