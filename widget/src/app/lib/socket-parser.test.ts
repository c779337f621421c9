import * as reference from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, type Packet, PacketType } from './socket-parser.js';

/** Packets of every text type the widget exchanges, on the main namespace and on `/visitor`. */
const PACKETS: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/visitor', data: { protocolVersion: 3, siteKey: 'demo-shop' } },
  { type: PacketType.CONNECT, nsp: '/visitor', data: { sid: 'abc', pid: 'def' } },
  { type: PacketType.CONNECT, nsp: '/' },
  { type: PacketType.DISCONNECT, nsp: '/visitor' },
  { type: PacketType.EVENT, nsp: '/visitor', data: ['message:send', { text: '你好, "quoted" 12 ,/x' }], id: 12 },
  { type: PacketType.EVENT, nsp: '/', data: ['typing:changed', { typing: true }] },
  { type: PacketType.ACK, nsp: '/visitor', id: 7, data: [{ data: { message: { seq: 3 } } }] },
  { type: PacketType.ACK, nsp: '/visitor', id: 8, data: [null] },
  { type: PacketType.CONNECT_ERROR, nsp: '/visitor', data: { message: 'UNKNOWN_SITE' } },
];

/** Decodes `encoded` with a decoder of either kind and returns what it emitted. */
function decodeWith(
  decoder: { on(event: 'decoded', listener: (packet: unknown) => void): unknown; add(chunk: unknown): void },
  encoded: string,
) {
  let decoded: unknown;
  decoder.on('decoded', (packet) => {
    decoded = packet;
  });
  decoder.add(encoded);
  return decoded;
}

describe('socket-parser', () => {
  it.each(PACKETS)('encodes packet type $type like socket.io-parser', (packet) => {
    expect(new Encoder().encode(packet)).toEqual(new reference.Encoder().encode(packet));
  });

  it.each(PACKETS)('decodes packet type $type like socket.io-parser', (packet) => {
    const [encoded] = new reference.Encoder().encode(packet) as string[];
    expect(decodeWith(new Decoder(), encoded!)).toEqual(decodeWith(new reference.Decoder(), encoded!));
  });

  it('refuses binary packets and malformed payloads (the manager then closes the link)', () => {
    expect(() => new Decoder().add('51-/visitor,["file",{"_placeholder":true,"num":0}]')).toThrow();
    expect(() => new Decoder().add('2/visitor,[oops')).toThrow();
    expect(() => new Decoder().add(new ArrayBuffer(4))).toThrow();
  });
});
