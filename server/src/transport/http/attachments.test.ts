import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  ATTACHMENT_HEADERS,
  type Attachment,
  type Conversation,
  LIMITS,
  type Message,
  type Response,
} from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  login,
  nextEvents,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { gifFile, jpegFile, pdfFile, pngFile, webpFile } from '../../test-support/sample-files.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const SHOP_ORIGIN = 'http://localhost:3000';

interface Visitor {
  socket: VisitorClient;
  token: string;
  conversation: Conversation;
}

describe('attachments over HTTP and sockets', () => {
  let server: TestServer;
  let agentCookie: string;
  let agent: AgentClient;
  let shopper: Visitor;
  let stranger: AgentClient;
  let strangerCookie: string;

  async function newVisitor(): Promise<Visitor> {
    const { socket, session } = await connectVisitor(server.url);
    const conversation = await startConversation(socket);
    return { socket, token: session.visitorToken!, conversation };
  }

  function visitorHeaders(visitor: Pick<Visitor, 'token'>, origin = SHOP_ORIGIN): Record<string, string> {
    return { [ATTACHMENT_HEADERS.siteKey]: DEMO.siteKey, [ATTACHMENT_HEADERS.visitorToken]: visitor.token, origin };
  }

  function upload(bytes: Uint8Array, name: string, headers: Record<string, string>) {
    return fetch(`${server.url}/api/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: bytes,
    });
  }

  async function uploaded(bytes: Uint8Array, name: string, headers: Record<string, string>): Promise<Attachment> {
    const response = await upload(bytes, name, headers);
    const body = (await response.json()) as { attachment: Attachment };
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body.attachment;
  }

  async function errorOf(response: globalThis.Response): Promise<{ status: number; code: string }> {
    const body = (await response.json()) as { error: { code: string } };
    return { status: response.status, code: body.error.code };
  }

  beforeAll(async () => {
    server = await startTestServer();
    agentCookie = await login(server.url);
    agent = await connectAgent(server.url, agentCookie);
    shopper = await newVisitor();
    const email = `eve-${crypto.randomUUID()}@other.example`;
    await server.store.agents.create({
      id: crypto.randomUUID(),
      tenantId: crypto.randomUUID(),
      email,
      name: 'Eve',
      role: 'admin',
      active: true,
      avatarUrl: null,
      passwordHash: await hashPassword('password-of-eve'),
      createdAt: Date.now(),
    });
    strangerCookie = await login(server.url, email, 'password-of-eve');
    stranger = await connectAgent(server.url, strangerCookie);
  });
  afterAll(async () => {
    for (const socket of [agent, stranger, shopper?.socket]) socket?.close();
    await server?.close();
  });

  it('detects each accepted type from its bytes, with image sizes, for shoppers and agents', async () => {
    const cases = [
      { bytes: pngFile(40, 30), name: 'photo.png', mimeType: 'image/png', width: 40, height: 30 },
      { bytes: jpegFile(1024, 768), name: 'IMG_0001.JPG', mimeType: 'image/jpeg', width: 1024, height: 768 },
      { bytes: gifFile(16, 9), name: 'fault.gif', mimeType: 'image/gif', width: 16, height: 9 },
      { bytes: webpFile(300, 200), name: 'scratch.webp', mimeType: 'image/webp', width: 300, height: 200 },
      { bytes: pdfFile(), name: '保修卡.pdf', mimeType: 'application/pdf', width: null, height: null },
      { bytes: Buffer.from('Serial: AB-42\n'), name: 'serial', mimeType: 'text/plain', width: null, height: null },
    ];
    for (const { bytes, name, ...expected } of cases) {
      const attachment = await uploaded(bytes, name, visitorHeaders(shopper));
      expect(attachment).toMatchObject({ ...expected, name, size: bytes.length });
      expect(attachment.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(attachment.url).toBe(`/api/attachments/${attachment.id}/${encodeURIComponent(name)}`);
    }
    const fromAgent = await uploaded(pdfFile(), 'quote.pdf', { cookie: agentCookie, origin: SHOP_ORIGIN });
    expect(fromAgent.mimeType).toBe('application/pdf');
  });

  it('refuses an empty file, a spoofed type, a binary file and a file over the limit, keeping nothing', async () => {
    const headers = visitorHeaders(shopper);
    expect(await errorOf(await upload(new Uint8Array(0), 'empty.png', headers))).toEqual({
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    expect(await errorOf(await upload(html, 'photo.png', headers))).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(await errorOf(await upload(html, 'page.html', headers))).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    const executable = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    expect(await errorOf(await upload(executable, 'setup.exe', headers))).toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
    });

    const tooLarge = Buffer.alloc(LIMITS.attachmentBytes + 1);
    tooLarge.set(pngFile(2, 2));
    expect(await errorOf(await upload(tooLarge, 'huge.png', headers))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(readdirSync(join(server.dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('stops reading a chunked upload without a length at the limit', async () => {
    const { port } = server.app.http.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/attachments?name=endless.txt',
          headers: { ...visitorHeaders(shopper), 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // An endless stream: the server must answer once it has seen more than the limit, not wait for the end.
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * LIMITS.attachmentBytes) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      req.on('error', (error) => (sent > LIMITS.attachmentBytes ? undefined : reject(error)));
      pump();
    });
    expect(status).toBe(413);
    expect(readdirSync(join(server.dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('refuses uploads without valid credentials or from a page the site does not allow', async () => {
    const png = pngFile(2, 2);
    expect(await errorOf(await upload(png, 'a.png', {}))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(await errorOf(await upload(png, 'a.png', { ...visitorHeaders({ token: 'x'.repeat(43) }) }))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
    });
    expect(
      await errorOf(
        await upload(png, 'a.png', { ...visitorHeaders(shopper), [ATTACHMENT_HEADERS.siteKey]: 'no-shop' }),
      ),
    ).toMatchObject({ code: 'UNKNOWN_SITE' });
    expect(await errorOf(await upload(png, 'a.png', visitorHeaders(shopper, 'https://evil.example')))).toEqual({
      status: 403,
      code: 'ORIGIN_NOT_ALLOWED',
    });
    expect(await errorOf(await upload(png, 'a.png', { cookie: agentCookie, origin: 'https://evil.example' }))).toEqual({
      status: 403,
      code: 'ORIGIN_NOT_ALLOWED',
    });
    expect(await errorOf(await upload(png, 'a.png', { cookie: 'aftercare_session=forged' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('answers CORS preflights for widgets, without credentials', async () => {
    const response = await fetch(`${server.url}/api/attachments`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-headers')).toContain(ATTACHMENT_HEADERS.visitorToken);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('a shopper sends a photo without text; the agent gets it and downloads it with safe headers', async () => {
    const png = pngFile(64, 48);
    const photo = await uploaded(png, 'kettle.png', visitorHeaders(shopper));
    const seen = nextEvents<{ message: Message }>(agent, 'message:created');
    const { message } = await requestData<{ message: Message }>(shopper.socket, 'message:send', {
      conversationId: shopper.conversation.id,
      clientId: crypto.randomUUID(),
      text: '',
      attachmentIds: [photo.id],
    });
    expect(message.attachments).toEqual([photo]);
    expect((await seen)[0]!.message.attachments).toEqual([photo]);

    const download = await fetch(`${server.url}${photo.url}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="kettle.png"; filename*=UTF-8''kettle.png`,
      'content-security-policy': 'sandbox',
      'cache-control': 'private, max-age=31536000, immutable',
      'cross-origin-resource-policy': 'cross-origin',
    });
    const synced = await requestData<{ messages: Message[] }>(agent, 'messages:sync', {
      conversationId: shopper.conversation.id,
      afterSeq: message.seq - 1,
    });
    expect(synced.messages[0]?.attachments).toEqual([photo]);
  });

  it('an agent sends a PDF in a message and an image in a note; the shopper gets the PDF only, as a download', async () => {
    const pdf = await uploaded(pdfFile(), 'Repair quote 维修.pdf', { cookie: agentCookie });
    const seen = nextEvents<{ message: Message }>(shopper.socket, 'message:created');
    const { message } = await requestData<{ message: Message }>(agent, 'message:send', {
      conversationId: shopper.conversation.id,
      clientId: crypto.randomUUID(),
      text: 'Here is the quote',
      attachmentIds: [pdf.id],
    });
    expect(message.attachments).toEqual([pdf]);
    expect((await seen)[0]!.message.attachments).toEqual([pdf]);
    const download = await fetch(`${server.url}${pdf.url}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Repair quote __.pdf"; filename*=UTF-8''Repair%20quote%20%E7%BB%B4%E4%BF%AE.pdf`,
    );

    const photo = await uploaded(pngFile(8, 8), 'bench.png', { cookie: agentCookie });
    const { message: note } = await requestData<{ message: Message }>(agent, 'note:add', {
      conversationId: shopper.conversation.id,
      clientId: crypto.randomUUID(),
      text: '',
      attachmentIds: [photo.id],
    });
    expect(note).toMatchObject({ internal: true, attachments: [photo] });
    const visible = await requestData<{ messages: Message[] }>(shopper.socket, 'messages:sync', {
      conversationId: shopper.conversation.id,
      afterSeq: 0,
    });
    expect(visible.messages.flatMap((m) => m.attachments.map((a) => a.id))).not.toContain(photo.id);
  });

  it('a file is attached once, by its uploader only; a refused send writes nothing; a retry gets the same message', async () => {
    const other = await newVisitor();
    try {
      const mine = await uploaded(pngFile(4, 4), 'mine.png', visitorHeaders(shopper));
      const before = await server.store.messages.count(shopper.conversation.id);
      const send = (socket: VisitorClient | AgentClient, conversationId: string, ids: string[], clientId?: string) =>
        request<{ message: Message }>(socket, 'message:send', {
          conversationId,
          clientId: clientId ?? crypto.randomUUID(),
          text: 'see file',
          attachmentIds: ids,
        });
      const codeOf = (response: Response<unknown>) => ('error' in response ? response.error.code : 'ok');

      // Another shopper, an agent of the shop and an agent of another shop cannot use it.
      expect(codeOf(await send(other.socket, other.conversation.id, [mine.id]))).toBe('ATTACHMENT_UNAVAILABLE');
      expect(codeOf(await send(agent, shopper.conversation.id, [mine.id]))).toBe('ATTACHMENT_UNAVAILABLE');
      expect(codeOf(await send(stranger, shopper.conversation.id, [mine.id]))).toBe('NOT_FOUND');
      // Unknown ids, and a valid one next to an unknown one: nothing is written, the valid one stays free.
      expect(codeOf(await send(shopper.socket, shopper.conversation.id, ['AAAAAAAAAAAAAAAAAAAAAA']))).toBe(
        'ATTACHMENT_UNAVAILABLE',
      );
      expect(codeOf(await send(shopper.socket, shopper.conversation.id, [mine.id, 'AAAAAAAAAAAAAAAAAAAAAA']))).toBe(
        'ATTACHMENT_UNAVAILABLE',
      );
      expect(await server.store.messages.count(shopper.conversation.id)).toBe(before);

      const clientId = crypto.randomUUID();
      const first = await send(shopper.socket, shopper.conversation.id, [mine.id], clientId);
      const retry = await send(shopper.socket, shopper.conversation.id, [mine.id], clientId);
      if (!('data' in first) || !('data' in retry)) throw new Error(`send failed: ${JSON.stringify([first, retry])}`);
      expect(retry.data.message).toEqual(first.data.message);
      expect(first.data.message.attachments.map((a) => a.id)).toEqual([mine.id]);
      expect(codeOf(await send(shopper.socket, shopper.conversation.id, [mine.id]))).toBe('ATTACHMENT_UNAVAILABLE');
      expect(await server.store.messages.count(shopper.conversation.id)).toBe(before + 1);
    } finally {
      other.socket.close();
    }
  });

  it('validates attachment lists: at most five, no repeats, blank text only with files', async () => {
    const base = { conversationId: shopper.conversation.id, clientId: crypto.randomUUID() };
    const ids = Array.from({ length: 6 }, (_, i) => `file-${i}-xxxxxxxxxxxxxxx`);
    const codeOf = async (payload: unknown) => {
      const response = await request(shopper.socket, 'message:send', payload);
      return 'error' in response ? response.error.code : 'ok';
    };
    expect(await codeOf({ ...base, text: 'x', attachmentIds: ids })).toBe('PAYLOAD_TOO_LARGE');
    expect(await codeOf({ ...base, text: 'x', attachmentIds: [ids[0], ids[0]] })).toBe('INVALID_PAYLOAD');
    expect(await codeOf({ ...base, text: '  ' })).toBe('INVALID_PAYLOAD');
    expect(await codeOf({ ...base, text: '', attachmentIds: [] })).toBe('INVALID_PAYLOAD');
    expect(await codeOf({ ...base, text: 'x', attachmentIds: [{ $ne: null }] })).toBe('INVALID_PAYLOAD');
  });

  it('serves an unattached upload to its uploader only, and unknown ids as 404', async () => {
    const draft = await uploaded(pngFile(4, 4), 'draft.png', visitorHeaders(shopper));
    expect((await fetch(`${server.url}${draft.url}`)).status).toBe(404);
    expect((await fetch(`${server.url}${draft.url}`, { headers: { cookie: agentCookie } })).status).toBe(404);
    const own = await fetch(`${server.url}${draft.url}`, { headers: visitorHeaders(shopper) });
    expect(own.status).toBe(200);
    await own.arrayBuffer();
    expect((await fetch(`${server.url}/api/attachments/AAAAAAAAAAAAAAAAAAAAAA/x.png`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/attachments/${draft.id}/x.png`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the clean-up of unattached uploads', () => {
  it('deletes uploads no message took within a day, bytes included, and keeps attached ones', async () => {
    let now = Date.now();
    const server = await startTestServer({ clock: { now: () => now }, attachmentSweepMs: 50 });
    const { socket, session } = await connectVisitor(server.url);
    try {
      const conversation = await startConversation(socket);
      const headers = {
        [ATTACHMENT_HEADERS.siteKey]: DEMO.siteKey,
        [ATTACHMENT_HEADERS.visitorToken]: session.visitorToken!,
      };
      const post = async (name: string) => {
        const response = await fetch(`${server.url}/api/attachments?name=${name}`, {
          method: 'POST',
          headers,
          body: pngFile(3, 3),
        });
        return ((await response.json()) as { attachment: Attachment }).attachment;
      };
      const abandoned = await post('abandoned.png');
      const sent = await post('sent.png');
      await requestData(socket, 'message:send', {
        conversationId: conversation.id,
        clientId: 'c-1',
        text: '',
        attachmentIds: [sent.id],
      });
      const blobPath = join(server.dataDir, 'attachments', abandoned.id.slice(0, 2));

      // Under a day old: kept through several sweeps.
      now += 23 * 60 * 60_000;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await fetch(`${server.url}${abandoned.url}`, { headers })).status).toBe(200);

      now += 2 * 60 * 60_000;
      await expect
        .poll(async () => (await fetch(`${server.url}${abandoned.url}`, { headers })).status, { timeout: 10_000 })
        .toBe(404);
      expect(readdirSync(blobPath)).not.toContain(abandoned.id);
      expect((await fetch(`${server.url}${sent.url}`)).status).toBe(200);
    } finally {
      socket.close();
      await server.close();
    }
  });
});

describe('an upload cut off by the client', () => {
  it('keeps nothing and the server carries on', async () => {
    const server = await startTestServer();
    const { socket, session } = await connectVisitor(server.url);
    try {
      const { port } = server.app.http.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/attachments?name=cut.png',
          headers: {
            [ATTACHMENT_HEADERS.siteKey]: DEMO.siteKey,
            [ATTACHMENT_HEADERS.visitorToken]: session.visitorToken!,
            'content-length': String(1_000_000),
          },
        });
        req.on('error', () => resolve());
        req.write(pngFile(50, 50), () => setTimeout(() => req.destroy(), 100));
        req.on('close', () => resolve());
      });
      await expect.poll(() => readdirSync(join(server.dataDir, 'attachments', 'tmp'))).toEqual([]);
      const after = await fetch(`${server.url}/api/attachments?name=ok.png`, {
        method: 'POST',
        headers: {
          [ATTACHMENT_HEADERS.siteKey]: DEMO.siteKey,
          [ATTACHMENT_HEADERS.visitorToken]: session.visitorToken!,
        },
        body: pngFile(5, 5),
      });
      expect(after.status).toBe(201);
    } finally {
      socket.close();
      await server.close();
    }
  });
});

describe('the cap on unsent uploads', () => {
  it('refuses a sender’s upload beyond the cap until one is sent', async () => {
    const server = await startTestServer();
    const { socket, session } = await connectVisitor(server.url);
    try {
      const conversation = await startConversation(socket);
      const headers = {
        [ATTACHMENT_HEADERS.siteKey]: DEMO.siteKey,
        [ATTACHMENT_HEADERS.visitorToken]: session.visitorToken!,
      };
      const post = () =>
        fetch(`${server.url}/api/attachments?name=a.png`, { method: 'POST', headers, body: pngFile(2, 2) });
      const ids: string[] = [];
      for (let i = 0; i < LIMITS.attachmentsUnsent; i++) {
        const response = await post();
        ids.push(((await response.json()) as { attachment: Attachment }).attachment.id);
      }
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      await requestData(socket, 'message:send', {
        conversationId: conversation.id,
        clientId: 'c-1',
        text: '',
        attachmentIds: ids.slice(0, 1),
      });
      expect((await post()).status).toBe(201);
    } finally {
      socket.close();
      await server.close();
    }
  });
});
