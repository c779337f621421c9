import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built widget and console. Hashed assets are cached for a year; the loader
 * (`/widget.js`) and the console's `index.html` are revalidated so a deploy reaches every shop at once.
 */
export function createStaticFiles(options: { widgetDistDir: string; consoleDistDir: string }) {
  // The widget build writes .gz and .br copies: shoppers on phones get the compressed files.
  const widget = existsSync(options.widgetDistDir)
    ? sirv(options.widgetDistDir, { etag: true, gzip: true, brotli: true })
    : null;
  const consoleApp = existsSync(options.consoleDistDir)
    ? sirv(options.consoleDistDir, { etag: true, single: true })
    : null;

  return (req: IncomingMessage, res: ServerResponse, notFound: () => void): void => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    if (path === '/widget.js' && widget) {
      res.setHeader('cache-control', 'no-cache');
      // Shops' pages on other origins load it; the app chunks it imports need CORS for module scripts.
      res.setHeader('access-control-allow-origin', '*');
      widget(req, res, notFound);
      return;
    }
    if (path.startsWith('/widget/') && widget) {
      req.url = url.slice('/widget'.length);
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('access-control-allow-origin', '*');
      widget(req, res, notFound);
      return;
    }
    if ((path === '/console' || path.startsWith('/console/')) && consoleApp) {
      req.url = url.slice('/console'.length) || '/';
      const isAsset = /\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html');
      res.setHeader('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      consoleApp(req, res, notFound);
      return;
    }
    notFound();
  };
}
