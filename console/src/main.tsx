import { render } from 'preact';
import { App } from './app.js';
import { createAgentSocket } from './lib/agent-socket.js';
import { createApiClient } from './lib/api-client.js';
import { createBrowserAlerts } from './lib/notifications/browser-alerts.js';
import './styles/base.css';

// Reading `localStorage` or `sessionStorage` throws where storage is blocked (some privacy
// settings); the console then simply forgets the language choice, or keeps unsent replies in memory.
function storageIfAllowed(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

// The one place that builds real clients; everything below receives them as props.
const root = document.getElementById('app');
if (root) {
  render(
    <App
      api={createApiClient()}
      createSocket={() => createAgentSocket()}
      storage={storageIfAllowed('localStorage')}
      tabStorage={storageIfAllowed('sessionStorage')}
      languages={navigator.languages}
      alerts={createBrowserAlerts(window)}
    />,
    root,
  );
}
