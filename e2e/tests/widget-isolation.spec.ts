import { expect, type Page, test } from '@playwright/test';
import { launcher, panel, serveHtml, widgetServer } from '../support/widget-page.js';

/**
 * Isolation both ways: a page with hostile global CSS cannot break the widget (shadow DOM plus
 * `:host { all: initial !important }`), and the widget leaves the page's own styles untouched.
 */

let server: Awaited<ReturnType<typeof widgetServer>>;
test.beforeAll(async () => {
  server = await widgetServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const HOSTILE_CSS = `
html, body { font: 40px/3 "Comic Sans MS", cursive !important; color: red !important; letter-spacing: 4px !important;
  text-transform: uppercase !important; }
* { box-sizing: content-box !important; }
div, section, span, p, input, textarea, form, ol, li, header, h2 { display: block !important; margin: 20px !important;
  padding: 20px !important; background: yellow !important; border: 5px dashed red !important; }
button { background: hotpink !important; width: 300px !important; position: static !important; }
aftercare-widget { display: none !important; position: static !important; transform: scale(0.2) !important;
  opacity: 0 !important; filter: blur(4px) !important; }
[hidden] { display: block !important; }
.p, .l, .w, .c, .hd { display: none !important; }
`;

const page = (withWidget: boolean) => `<!doctype html><html lang="en"><head><title>Hostile shop</title>
<style>${HOSTILE_CSS}</style></head><body><p class="probe">Our own paragraph</p><button class="probe">Our own button</button>
${withWidget ? '<script src="/widget.js" data-site="demo-shop" async></script>' : ''}</body></html>`;

/** Computed styles of the page's own elements, to compare with and without the widget. */
const probeStyles = (target: Page) =>
  target.evaluate(() =>
    Array.from(document.querySelectorAll('.probe, body, html')).map((element) => {
      const style = getComputedStyle(element);
      return ['color', 'font', 'background-color', 'display', 'margin', 'width', 'letter-spacing', 'box-sizing'].map(
        (property) => style.getPropertyValue(property),
      );
    }),
  );

test('hostile page CSS does not break the widget, and the widget does not touch the page', async ({ page: tab }) => {
  await tab.setViewportSize({ width: 1280, height: 800 });
  await serveHtml(tab, `${server.url}/test/plain-page`, page(false));
  await serveHtml(tab, `${server.url}/test/hostile-page`, page(true));
  await tab.goto(`${server.url}/test/plain-page`);
  const baseline = await probeStyles(tab);
  const baselineSheets = await tab.evaluate(() => document.styleSheets.length);

  await tab.goto(`${server.url}/test/hostile-page`);
  const button = launcher(tab);
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box).toMatchObject({ width: 56, height: 56, x: 1280 - 20 - 56, y: 800 - 20 - 56 });
  // The loader's own colour (the site's arrives with the app).
  await expect(button).toHaveCSS('background-color', 'rgb(11, 107, 87)');

  await button.click();
  const dialog = panel(tab);
  await expect(dialog).toBeVisible();
  const panelBox = (await dialog.boundingBox())!;
  expect(panelBox.width).toBe(370);
  expect(panelBox.x + panelBox.width).toBe(1280 - 20);
  await expect(dialog.getByRole('heading', { name: 'Customer care' })).toHaveCSS('font-size', '17px');
  await expect(dialog.getByRole('heading', { name: 'Customer care' })).toHaveCSS('text-transform', 'none');
  await expect(dialog.getByLabel('Your name')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  // The form's button keeps the widget's colour (the header's: the site's once it is known), not the page's hotpink.
  const headerColor = await dialog.locator('.hd').evaluate((header) => getComputedStyle(header).backgroundColor);
  expect(headerColor).not.toBe('rgb(255, 105, 180)');
  await expect(dialog.getByRole('button', { name: /^(Start chat|Send message)$/ })).toHaveCSS(
    'background-color',
    headerColor,
  );

  // The page itself: same computed styles and stylesheets as without the widget.
  expect(await probeStyles(tab)).toEqual(baseline);
  expect(await tab.evaluate(() => document.styleSheets.length)).toBe(baselineSheets);
  expect(
    await tab.evaluate(() => Array.from(document.documentElement.children).map((child) => child.localName)),
  ).toEqual(['head', 'body', 'aftercare-widget']);
});

test('the launcher can be tucked away when it covers the page', async ({ page: tab }) => {
  await tab.setViewportSize({ width: 390, height: 700 });
  await tab.goto(`${server.url}/demo/`);
  const hide = tab.getByRole('button', { name: 'Hide the chat button' });
  await hide.click();
  const box = (await launcher(tab).boundingBox())!;
  expect(box.width).toBe(28);
  expect(box.x + box.width).toBe(390);
  // Still reachable, and the panel is full screen on a phone.
  await launcher(tab).click();
  await expect(panel(tab)).toBeVisible();
  expect(await panel(tab).boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
});
