/**
 * The launcher: the only thing on the shop's page before the shopper interacts. It lives in an
 * open shadow root so the page's CSS cannot reach it and its CSS cannot reach the page; the app
 * later renders its panel into `container` inside the same root.
 */

// `:host` rules use !important because, for important declarations, the shadow tree beats the
// page: a hostile `* { display: none !important }` on the page then loses to ours. `all: initial`
// also stops inherited page styles (font, color, line-height…) at the boundary.
// The unread badge (`data-unread`) and the open state only matter once the app is there, so
// their rules ship with it.
const CSS =
  ':host{all:initial!important;position:fixed!important;z-index:2147483000!important}' +
  '.l,.h{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;padding:0;border-radius:28px;background:#0b6b57;color:#fff;cursor:pointer;box-shadow:0 2px 9px #0005}' +
  '.l svg{width:28px;fill:#fff}' +
  '.h{right:64px;bottom:60px;width:24px;height:24px;background:#fff;color:#000;font-size:18px}' +
  '@media(hover:hover){.w:not(:hover) .h:not(:focus){opacity:0}}.m .l{right:0;width:28px;border-radius:9px 0 0 9px}.m .h{display:none}';

/** The shadow root, then the wrapper, app container, hide button and launcher. */
export type LauncherParts = [ShadowRoot, HTMLElement, HTMLElement, HTMLButtonElement, HTMLButtonElement];

export function createLauncher(): LauncherParts {
  const hostElement = document.createElement('aftercare-widget');
  const root = hostElement.attachShadow({ mode: 'open' });
  root.innerHTML =
    `<style>${CSS}</style><div class=w><div class=c></div><button class=h>×</button>` +
    '<button class=l><svg viewBox="0 0 24 24"><path d="M3 3h18v14H9l-5 4v-4H3z"/></svg>' +
    '</button></div>';
  // On <html>, not <body>: a page's `body { transform: … }` would otherwise become the containing
  // block of our fixed-position launcher; and <body> may not exist yet when an async script runs.
  document.documentElement.appendChild(hostElement);
  return [root, ...root.querySelectorAll('.w,.c,.h,.l')] as LauncherParts;
}
