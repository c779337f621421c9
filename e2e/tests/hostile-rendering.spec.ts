import { expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { signIn } from '../support/console-page.js';
import { connectShopper, type TestShopper } from '../support/console-shopper.js';
import {
  ALL_XSS,
  expectNoHorizontalOverflow,
  expectNoInjectedMarkup,
  longWord,
  XSS,
} from '../support/hostile-strings.js';
import { launcher, messageItems, panel, sendMessage, serveHtml, submitPreChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * User text is rendered as text, never as HTML, in the widget and the console: script-injection
 * strings in every field either page shows (shopper name, email, phone, product name, SKU, URLs,
 * message text both ways, site greeting and offline message, ticket fault, notes and repair card,
 * internal notes, saved replies, agent and team names, rating comments, report labels) appear
 * literally, nothing runs, `javascript:` never becomes a link, and long words wrap instead of
 * widening the layout.
 */

// Pages served through `page.route` have no IP address, so Chromium's Local Network Access checks
// treat them as public and block their WebSocket to the loopback server. Real shop pages are real
// origins; the flag only undoes this artefact of routed test pages.
const launch = chromiumLaunchOptions();
test.use({
  actionTimeout: 10_000,
  launchOptions: { ...launch, args: [...(launch.args ?? []), '--disable-features=LocalNetworkAccessChecks'] },
});

const suite = useWidgetSuite();
const shoppers: TestShopper[] = [];
test.afterAll(() => {
  for (const shopper of shoppers) shopper.close();
});

/** The message text shoppers and agents send: every injection string and a 4,000-character word. */
const hostileMessage = (who: string) => `${who}: ${ALL_XSS} ${longWord(4_000)}`;
/** A name within the 120-character limit that still carries markup. */
const HOSTILE_NAME = `${XSS.img}${XSS.svg}`;

/** A product page whose JSON-LD carries injection strings (`<` escaped as sites do inside a script). */
function productPage(product: Record<string, unknown>): string {
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', ...product }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html><html lang="en"><head><title>Hostile product</title>
<script type="application/ld+json">${jsonLd}</script></head><body><h1>Product</h1>
<script src="/widget.js" data-site="demo-shop" async></script></body></html>`;
}

/** Waits until the agent saw a shopper message starting with `prefix`, and returns it. */
async function agentSees(prefix: string) {
  await expect.poll(() => suite.agent.received.some((message) => message.text.startsWith(prefix))).toBe(true);
  return suite.agent.received.find((message) => message.text.startsWith(prefix))!;
}

/**
 * Opens the widget of a shopper `identify` described. The demo site asks for name and email; a
 * usable value from `identify` is not asked again (however hostile its text), an unusable one is,
 * prefilled: that `hostileEmail` must show literally, and is replaced to start the chat. Without
 * it, both are known and the first message starts the chat.
 */
async function startHostileChat(page: Page, hostileEmail: string | null, productImages: string[] = []) {
  await launcher(page).click();
  await expect(panel(page).getByLabel('Your name')).toHaveCount(0);
  if (hostileEmail === null) {
    await expect(panel(page).getByLabel(/^Email/)).toHaveCount(0);
    await expectNoInjectedMarkup(page, productImages);
    return;
  }
  await expect(panel(page).getByLabel(/^Email/)).toHaveValue(hostileEmail);
  await expectNoInjectedMarkup(page, productImages);
  // The server accepts only real addresses, so the hostile one is replaced to start.
  await panel(page)
    .getByLabel(/^Email/)
    .fill('shopper@example.test');
  await panel(page).getByRole('button', { name: 'Start chat' }).click();
  await panel(page).getByLabel('Your message').waitFor();
}

/** The shopper and the agent exchange hostile messages; both show in the widget as text. */
async function exchangeHostileMessages(page: Page, tag: string) {
  const shopperText = hostileMessage(`shopper ${tag}`);
  await sendMessage(page, shopperText);
  const sent = await agentSees(`shopper ${tag}:`);
  expect(sent.text).toBe(shopperText);
  const agentText = hostileMessage(`agent ${tag}`);
  await suite.agent.request('message:send', {
    conversationId: sent.conversationId,
    clientId: `a-${tag}`,
    text: agentText,
  });
  await expect(messageItems(page).filter({ hasText: `agent ${tag}:` })).toBeVisible();
  for (const text of [shopperText, agentText]) {
    const item = messageItems(page)
      .filter({ hasText: text.slice(0, 20) })
      .locator('.tx');
    await expect(item).toHaveText(text);
  }
  return sent;
}

test('the widget shows hostile product JSON-LD, identity and messages as text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const url = `${suite.server.url}/test/hostile-json-ld`;
  await serveHtml(
    page,
    url,
    productPage({
      name: `${XSS.script}${XSS.img}${XSS.template} ${longWord(150)}`,
      sku: `${XSS.svg}${XSS.rtl}`,
      image: XSS.jsUrl,
      url: XSS.jsUrl,
      offers: { price: '1e309', priceCurrency: '<b>' },
    }),
  );
  await page.goto(url);
  const identity = { name: HOSTILE_NAME, email: `${XSS.svg}@x.co`, phone: XSS.img };
  await page.evaluate(
    (user) =>
      (window as unknown as { Aftercare: { identify(u: unknown): void } }).Aftercare.identify({ id: 'u-1', ...user }),
    identity,
  );
  await startHostileChat(page, identity.email);

  // The product card: name and SKU as text, no link and no image from `javascript:` URLs.
  const card = panel(page).locator('.pc');
  await expect(card).toContainText(`${XSS.script}${XSS.img}${XSS.template}`);
  await expect(card).toContainText(XSS.svg);
  await expect(card.locator('a')).toHaveCount(0);
  await expect(card.locator('img')).toHaveCount(0);

  const sent = await exchangeHostileMessages(page, 'json-ld');
  const opened = await suite.agent.request('conversation:open', { conversationId: sent.conversationId });
  expect(opened.customer.name).toBe(HOSTILE_NAME);
  expect(opened.conversation.product?.name).toContain(XSS.script);
  expect(opened.conversation.product).not.toHaveProperty('url');
  expect(opened.conversation.product).not.toHaveProperty('imageUrl');

  await expectNoInjectedMarkup(page);
  await expectNoHorizontalOverflow(page, ['.ms', '.m', '.pc']);
});

test('the widget shows a hostile Aftercare.setProduct product as text', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const url = `${suite.server.url}/test/hostile-set-product`;
  await serveHtml(page, url, productPage({ name: 'Replaced by setProduct' }));
  await page.goto(url);
  const image = `${suite.server.url}/demo/nimbus-v12.svg?"><img src=x onerror=window.__xss=1>`;
  const link = `https://shop.example.test/p?q="><svg onload=window.__xss=1>`;
  await page.evaluate(
    ({ image, link, name, sku }) => {
      const api = (window as unknown as { Aftercare: { setProduct(p: unknown): void; identify(u: unknown): void } })
        .Aftercare;
      // A javascript: URL first: the app must drop it; then the real product with hostile text.
      api.setProduct({ name, sku, url: 'javascript:window.__xss=1', imageUrl: 'javascript:window.__xss=1' });
      api.setProduct({ name, sku, url: link, imageUrl: image, price: 12.5, currency: 'CNY' });
      api.identify({ id: 'u-2', name: '{{constructor.constructor("window.__xss=1")()}}', email: 'a@b.co', phone: '' });
    },
    { image, link, name: `${XSS.template}${XSS.img} ${XSS.emojiZwj}`, sku: `${XSS.jsUrl}${XSS.zeroWidth}` },
  );
  // The URL parser percent-encodes the quotes and brackets; that encoded form is the one allowed image.
  const encodedImage = new URL(image).href;
  await startHostileChat(page, null, [encodedImage]);

  const card = panel(page).locator('.pc');
  await expect(card).toContainText(`${XSS.template}${XSS.img} ${XSS.emojiZwj}`);
  await expect(card).toContainText(XSS.zeroWidth);
  // URLs keep their characters (percent-encoded by the URL parser) but stay http(s) attributes.
  const href = await card.locator('a').getAttribute('href');
  expect(href).toMatch(/^https:\/\/shop\.example\.test\/p\?q=/);
  expect(await card.locator('img').getAttribute('src')).toBe(encodedImage);

  await exchangeHostileMessages(page, 'set-product');
  await expectNoInjectedMarkup(page, [encodedImage]);
  await expectNoHorizontalOverflow(page, ['.ms', '.m', '.pc']);
});

test('the console shows hostile customer, product and messages as text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const shopper = await connectShopper(suite.server.url);
  shoppers.push(shopper);
  const imageUrl = `${suite.server.url}/demo/nimbus-v12.svg?"onerror="window.__xss=1`;
  const conversation = await shopper.start({
    name: HOSTILE_NAME,
    email: 'hostile@example.test',
    phone: '+1 (555) 010-0000',
    product: {
      name: `${XSS.script}${XSS.template}${XSS.rtl} ${longWord(200)}`,
      sku: `${XSS.svg}${XSS.zeroWidth}`.slice(0, 100),
      price: 1,
      currency: 'CNY',
      url: 'https://shop.example.test/p?"><img src=x onerror=window.__xss=1>',
      imageUrl,
    },
  });
  const shopperText = hostileMessage('shopper console');
  await shopper.send(conversation.id, shopperText);

  await signIn(page, suite.server.url);
  const row = page
    .getByRole('navigation', { name: 'Conversations' })
    .locator(`[data-conversation-id="${conversation.id}"]`);
  await expect(row).toContainText(HOSTILE_NAME);
  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_NAME);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages.locator('.message__text').filter({ hasText: 'shopper console:' })).toHaveText(shopperText);
  const details = page.getByRole('complementary', { name: 'Customer details' });
  await expect(details).toContainText(HOSTILE_NAME);
  await expect(details).toContainText(`${XSS.script}${XSS.template}${XSS.rtl}`);
  await expect(details).toContainText(XSS.svg);
  const link = details.getByRole('link', { name: 'Open product page' });
  expect(await link.getAttribute('href')).toMatch(/^https:\/\/shop\.example\.test\/p\?/);

  // The agent types a hostile reply in the composer: the shopper gets it verbatim, the console shows text.
  const agentText = hostileMessage('agent console');
  const composer = page.getByRole('textbox', { name: 'Reply' });
  await composer.fill(agentText);
  await composer.press('Enter');
  const reply = await shopper.waitFor('message:created', ({ message }) => message.author.kind === 'agent');
  expect(reply.message.text).toBe(agentText);
  await expect(messages.locator('.message__text').filter({ hasText: 'agent console:' })).toHaveText(agentText);

  await expectNoInjectedMarkup(page, [imageUrl, new URL(imageUrl).href]);
  await expectNoHorizontalOverflow(page, ['.message-list', '.message', '.conversation-header', '.conversation-row']);
});

// Regression: a product name that is one long word (legal: up to 300 characters) did not wrap and the
// customer details column scrolled sideways (3,100 px in a 300 px column).
test('a long product name wraps in the console customer details', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const shopper = await connectShopper(suite.server.url);
  shoppers.push(shopper);
  const conversation = await shopper.start({ name: 'Long Word', product: { name: longWord(200) } });
  await shopper.send(conversation.id, 'hello');
  await signIn(page, suite.server.url);
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .locator(`[data-conversation-id="${conversation.id}"]`)
    .click();
  const details = page.getByRole('complementary', { name: 'Customer details' });
  await expect(details).toContainText(longWord(200));
  await expectNoHorizontalOverflow(page, ['.customer-panel']);
});

/** The demo site's id, as the admin agent lists it. */
async function demoSiteId(): Promise<string> {
  const { sites } = await suite.agent.request('site:list', {});
  return sites.find((site) => site.key === 'demo-shop')!.id;
}

// Issue 6: the texts a shop's staff write (greeting, offline message) and ticket fields reach shoppers too.
test('the widget shows a hostile greeting, offline message and repair as text', async ({ page, browser }) => {
  const greeting = `greet ${XSS.img}${XSS.template}`;
  const offline = `offline ${XSS.svg}${XSS.script}`;
  await suite.agent.request('site:update', {
    siteId: await demoSiteId(),
    settings: { greeting: { en: greeting }, offlineMessage: { en: offline } },
  });
  // A bare shop page: the demo page's own links and pictures would blur what came from user text.
  const url = `${suite.server.url}/test/hostile-site-texts`;
  await serveHtml(page, url, productPage({ name: 'Plain kettle' }));
  await page.goto(url);
  await launcher(page).click();
  await expect(panel(page)).toContainText(greeting);
  await expectNoInjectedMarkup(page);

  await submitPreChat(page, 'Greeted Gao');
  await sendMessage(page, 'hostile repair please');
  const { conversationId } = await agentSees('hostile repair please');
  const product = `${XSS.script}${XSS.img} ${longWord(120)}`;
  await suite.agent.request('ticket:create', {
    conversationId,
    fault: `${XSS.svg} fault`,
    remedy: 'repair',
    category: 'paid',
    product: { name: product, sku: XSS.jsUrl },
  });
  const repairs = panel(page).getByRole('region', { name: 'Your repairs' });
  await expect(repairs).toContainText(product);
  await expectNoInjectedMarkup(page);
  await expectNoHorizontalOverflow(page);

  // Nobody online: a new shopper (another browser) sees the offline message, as text.
  await suite.agent.request('presence:set', { status: 'away' });
  const stranger = await browser.newContext();
  try {
    const later = await stranger.newPage();
    await serveHtml(later, url, productPage({ name: 'Plain kettle' }));
    await later.goto(url);
    await launcher(later).click();
    await expect(panel(later)).toContainText(offline);
    await expectNoInjectedMarkup(later);
  } finally {
    await stranger.close();
    await suite.agent.request('presence:set', { status: 'online' });
  }
});

// Issue 6: every text field staff or shoppers write that the console shows, beyond chats and customers.
test('the console shows hostile tickets, notes, saved replies, agents, teams, ratings and report labels as text', async ({
  page,
}) => {
  const texts = {
    product: `product ${XSS.script}${XSS.img}`,
    fault: `fault ${XSS.svg}`,
    ticketNote: `ticket note ${XSS.template}${XSS.img}`,
    part: `part ${XSS.img}`,
    technicianNotes: `bench ${XSS.script}`,
    note: `internal ${XSS.img}${XSS.rtl}`,
    cannedTitle: `canned ${XSS.svg}`,
    cannedText: `reply ${XSS.script}${XSS.jsUrl}`,
    agent: `Agent ${XSS.img}`.slice(0, 60),
    team: `Team ${XSS.svg}`.slice(0, 60),
    comment: `comment ${XSS.img}${XSS.template}`,
  };
  const shopper = await connectShopper(suite.server.url);
  shoppers.push(shopper);
  const conversation = await shopper.start({ name: 'Rated Rao', product: { name: texts.product, sku: 'X-1' } });
  await shopper.send(conversation.id, 'hostile staff texts');
  const { conversationId } = await agentSees('hostile staff texts');
  await suite.agent.request('note:add', { conversationId, clientId: crypto.randomUUID(), text: texts.note });
  const { ticket } = await suite.agent.request('ticket:create', {
    conversationId,
    fault: texts.fault,
    remedy: 'repair',
    category: 'paid',
  });
  const noted = await suite.agent.request('ticket:note', { ticketId: ticket.id, note: texts.ticketNote });
  await suite.agent.request('ticket:repair-card', {
    ticketId: ticket.id,
    version: noted.ticket.version,
    repairCard: {
      parts: [{ name: texts.part, partNumber: 'P-1', quantity: 1 }],
      labourMinutes: 30,
      technicianNotes: texts.technicianNotes,
    },
  });
  await suite.agent.request('canned:create', { shortcut: 'hostile', title: texts.cannedTitle, text: texts.cannedText });
  const { agent } = await suite.agent.request('agent:create', {
    email: 'hostile-name@demo.test',
    name: texts.agent,
    role: 'agent',
    password: 'hostile-password-1',
  });
  await suite.agent.request('team:create', { name: texts.team, memberIds: [agent.id] });
  await suite.agent.request('conversation:resolve', { conversationId });
  await suite.agent.request('rating:request', { conversationId });
  const rated = await shopper.socket.emitWithAck('rating:submit', {
    subject: { kind: 'conversation', id: conversationId },
    score: 1,
    comment: texts.comment,
  });
  expect(rated).toHaveProperty('data');

  await signIn(page, suite.server.url);
  // `shows`: as page text; `fields`: as the value of a form field (editable ticket details).
  const screens: { hash: string; open?: string; shows: string[]; fields?: string[] }[] = [
    {
      hash: `#/tickets/${ticket.id}`,
      shows: [texts.product, texts.ticketNote, texts.agent],
      fields: [texts.fault, texts.part, texts.technicianNotes],
    },
    { hash: '#/settings/replies', open: 'Manage saved replies', shows: [texts.cannedTitle, texts.cannedText] },
    { hash: '#/settings/agents', shows: [texts.agent] },
    { hash: '#/settings/teams', shows: [texts.team] },
    { hash: '#/reports', shows: [texts.product] },
  ];
  const fieldValues = () =>
    page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
  for (const { hash, open, shows, fields = [] } of screens) {
    await page.evaluate((next) => {
      location.hash = next;
    }, hash);
    if (open) await page.getByRole('button', { name: open }).click();
    for (const text of shows) await expect(page.locator('body'), hash).toContainText(text);
    await expect.poll(fieldValues, { message: hash }).toEqual(expect.arrayContaining(fields));
    await expectNoInjectedMarkup(page);
    if (open) await page.keyboard.press('Escape');
  }

  await page.evaluate(() => {
    location.hash = '#/inbox';
  });
  await page.getByRole('tab', { name: /^Resolved/ }).click();
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .locator(`[data-conversation-id="${conversationId}"]`)
    .click();
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText(texts.note);
  await expect(page.getByRole('complementary', { name: 'Customer details' })).toContainText(texts.comment);
  await expectNoInjectedMarkup(page);
});
