import { render } from 'preact';
import { App } from './app.js';
import { createAgentSocket } from './lib/agent-socket.js';
import { createApiClient } from './lib/api-client.js';
import { createBrowserAlerts } from './lib/notifications/browser-alerts.js';
import './styles/base.css';

// Reading `localStorage` throws where storage is blocked (some privacy settings); the console
// then simply forgets the language choice.
function localStorageIfAllowed(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
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
      storage={localStorageIfAllowed()}
      languages={navigator.languages}
      alerts={createBrowserAlerts(window)}
    />,
    root,
  );
}
