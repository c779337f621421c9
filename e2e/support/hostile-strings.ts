import { expect, type Page } from '@playwright/test';

/**
 * Script-injection and layout-breaking strings for the rendering tests. Every one that executes
 * sets `window.__xss`; the tests assert it stays undefined and that the strings show as text.
 */
export const XSS = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  template: "{{constructor.constructor('window.__xss=1')()}}",
  jsUrl: 'javascript:window.__xss=1',
  /** Right-to-left override: "gnp.exe" would display as "exe.png". */
  rtl: 'invoice\u202Egnp.exe',
  zeroWidth: 'zero\u200Bwidth\u200Djoin\u200Cer',
  emojiZwj: '👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍🔧',
} as const;

/** A word with no break opportunity, to prove long words wrap instead of widening the layout. */
export const longWord = (length: number) => 'W'.repeat(length);

/** All the markup-looking strings on one line (for fields long enough to hold them). */
export const ALL_XSS = Object.values(XSS).join(' ');

/**
 * Checks the page and every open shadow root: `window.__xss` never set, no `<script>` or `<img>`
 * that came from user data (the only images allowed are http(s) product photos we put there),
 * no `on*` attributes, no `javascript:` (or other non-http) links, no `<svg>` from user text.
 */
export async function expectNoInjectedMarkup(page: Page, allowedImageSrcs: string[] = []): Promise<void> {
  const found = await page.evaluate((allowed) => {
    const problems: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of Array.from(roots[i]!.querySelectorAll('*'))) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        for (const attribute of element.getAttributeNames()) {
          if (attribute.toLowerCase().startsWith('on')) problems.push(`${element.localName}[${attribute}]`);
        }
        const tag = element.localName;
        if (tag === 'img' && !allowed.includes(element.getAttribute('src') ?? '')) {
          problems.push(`img src=${element.getAttribute('src')}`);
        }
        if (tag === 'svg' && element.closest('[data-seq], li, .message, .pc, .product-card'))
          problems.push('svg in user text');
        if (tag === 'script' && i > 0) problems.push('script in a shadow root');
        // The test page's own JSON-LD holds the strings as data; any other script holding them came from user text.
        const isData = element.getAttribute('type') === 'application/ld+json';
        if (tag === 'script' && !isData && element.textContent?.includes('__xss'))
          problems.push('script with user text');
        const href = element.getAttribute('href');
        // In-page anchors (the console's skip link) and same-origin paths (the reports' CSV downloads)
        // are ours; every other link must be http(s). `//host` is another origin, not a path.
        if (href !== null && tag === 'a' && !/^(https?:\/\/|#\/?[\w/-]+$|\/(?!\/))/i.test(href))
          problems.push(`a href=${href}`);
      }
    }
    return { problems, xss: (window as unknown as { __xss?: unknown }).__xss };
  }, allowedImageSrcs);
  expect(found.problems).toEqual([]);
  expect(found.xss).toBeUndefined();
}

/** Nothing scrolls sideways: the document, and each given element, is no wider than its box. */
export async function expectNoHorizontalOverflow(page: Page, selectors: string[] = []): Promise<void> {
  const overflow = await page.evaluate((list) => {
    const wide: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) wide.push(`document ${root.scrollWidth} > ${root.clientWidth}`);
    const search = (scope: Document | ShadowRoot, selector: string): Element[] => {
      const hits = Array.from(scope.querySelectorAll(selector));
      for (const host of Array.from(scope.querySelectorAll('*')))
        if (host.shadowRoot) hits.push(...search(host.shadowRoot, selector));
      return hits;
    };
    for (const selector of list) {
      for (const element of search(document, selector)) {
        if (element.scrollWidth > element.clientWidth + 1) {
          wide.push(`${selector} ${element.scrollWidth} > ${element.clientWidth}`);
        }
      }
    }
    return wide;
  }, selectors);
  expect(overflow).toEqual([]);
}
