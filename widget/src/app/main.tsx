import { matchLocale } from '@aftercare/shared/i18n/locale.js';
import { render } from 'preact';
import { storageKey, type WidgetHost } from '../bridge.js';
import { App } from './App.js';
import { ChatClient } from './lib/chat-client.js';
import { createChime, createTabLeader } from './lib/chime.js';
import { loadCatalog } from './lib/i18n.js';
import { pageStorage, safeStorage } from './lib/storage.js';
import css from './styles.css?inline';

/**
 * Entry of the lazily loaded app. The loader imports this module and calls `mount` once, on the
 * first open or at once when the shopper has an active conversation. Importing it does nothing.
 */
export function mount(host: WidgetHost): void {
  // Fetch the catalog before the socket connects; App's own request then finds it in flight.
  const { settings } = host;
  void loadCatalog(settings.locale ?? matchLocale(navigator.languages ?? [navigator.language])).catch(() => {});
  const style = document.createElement('style');
  style.textContent = css;
  host.root.insertBefore(style, host.root.firstChild);

  const chime = createChime();
  const soundLeader = createTabLeader(storageKey(host.siteKey, 'sound'));
  // One chime per news across tabs, and none when the shopper is already looking at the panel.
  const notify = () => {
    const seen = settings.open && document.visibilityState === 'visible';
    if (!seen && soundLeader.isLeader()) chime();
  };
  const client = new ChatClient({
    siteKey: host.siteKey,
    baseUrl: host.baseUrl,
    storage: safeStorage(pageStorage()),
    onAgentMessage(message) {
      host.emit('message', { text: message.text, authorName: message.author.name, createdAt: message.createdAt });
      notify();
    },
    onTicketNews: notify,
  });
  client.identify(settings.identity);
  // The badge counts agent messages not read yet and repairs whose news was not seen yet.
  const badge = () => host.setUnread(client.state.unread + client.tickets.news.length);
  client.store.subscribe(badge);
  client.tickets.subscribe(badge);
  render(<App host={host} client={client} />, host.container);
  client.connect();
}
