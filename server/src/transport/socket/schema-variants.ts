import type { GenericSchema } from 'valibot';
import * as v from 'valibot';

/**
 * Hostile payloads derived from an event's valibot schema rather than from a sample payload, so
 * optional fields, fields of every union branch and nested objects a fixture leaves out are all
 * covered, and a field added to a schema is covered without touching the tests (issue 6).
 */

/** A place in a payload: object keys and array indexes. */
export type FieldPath = (string | number)[];

interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  options?: (SchemaNode | string | number | boolean)[];
  key?: SchemaNode;
  value?: SchemaNode;
  literal?: unknown;
}

/** Paths of every field whose schema takes a string (free text, ids, picklists, string literals). */
export function stringFieldPaths(schema: GenericSchema): FieldPath[] {
  const paths: FieldPath[] = [];
  walk(schema as unknown as SchemaNode, [], (node, path) => {
    const isString =
      node.type === 'string' ||
      (node.type === 'picklist' && node.options?.some((option) => typeof option === 'string')) ||
      (node.type === 'literal' && typeof node.literal === 'string');
    if (isString && path.length > 0) paths.push(path);
  });
  return unique(paths);
}

/** Paths of every object in the payload (the payload itself is `[]`), records included. */
export function objectPaths(schema: GenericSchema): FieldPath[] {
  const paths: FieldPath[] = [];
  walk(schema as unknown as SchemaNode, [], (node, path) => {
    if (node.type.endsWith('object') || node.type === 'record') paths.push(path);
  });
  return unique(paths);
}

function walk(node: SchemaNode, path: FieldPath, visit: (node: SchemaNode, path: FieldPath) => void): void {
  if (path.length > 12) return; // schemas are not that deep; guards against a recursive (lazy) one
  visit(node, path);
  if (node.entries) for (const [key, child] of Object.entries(node.entries)) walk(child, [...path, key], visit);
  if (node.wrapped) walk(node.wrapped, path, visit);
  if (node.type === 'array' && node.item) walk(node.item, [...path, 0], visit);
  if (node.type === 'union' && node.options) {
    for (const option of node.options) if (typeof option === 'object') walk(option, path, visit);
  }
  if (node.type === 'record' && node.value) walk(node.value, [...path, recordKey(node.key)], visit);
}

/** A key the record accepts: its first allowed key, or any text. */
function recordKey(key: SchemaNode | undefined): string {
  const first = key?.type === 'picklist' ? key.options?.[0] : undefined;
  return typeof first === 'string' ? first : 'key';
}

function unique(paths: FieldPath[]): FieldPath[] {
  return [...new Map(paths.map((path) => [JSON.stringify(path), path])).values()];
}

/** A copy of `payload` with `value` at `path`, creating the objects and arrays on the way. */
export function withValueAt(payload: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...FieldPath];
  const container = (
    typeof head === 'number'
      ? Array.isArray(payload)
        ? [...payload]
        : []
      : payload && typeof payload === 'object' && !Array.isArray(payload)
        ? { ...(payload as Record<string, unknown>) }
        : {}
  ) as Record<string | number, unknown>;
  container[head] = withValueAt(container[head], rest, value);
  return container;
}

/** Whether valibot refuses `payload` with an issue exactly at `path` (not merely somewhere else). */
export function refusedAt(schema: GenericSchema, payload: unknown, path: FieldPath): boolean {
  const result = v.safeParse(schema, payload);
  if (result.success) return false;
  const target = JSON.stringify(path);
  const pending = [...result.issues] as v.BaseIssue<unknown>[];
  while (pending.length) {
    const issue = pending.pop()!;
    if (JSON.stringify((issue.path ?? []).map((item) => item.key)) === target) return true;
    pending.push(...((issue.issues ?? []) as v.BaseIssue<unknown>[]));
  }
  return false;
}

/** The operators and key tricks a NoSQL injection tries in a string's place. */
export const MONGO_OPERATORS: readonly Record<string, unknown>[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: [''] },
  { 'profile.name': 'x' },
];

/** `__proto__`, `constructor.prototype` and `prototype` keys, as raw JSON members (JSON.parse makes them own keys). */
export const PROTOTYPE_KEYS: readonly string[] = [
  '"__proto__":{"polluted":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
];

/**
 * Raw JSON of `payload` with `member` added to the object at `path` (created if the payload has
 * none there), written as text the way a hostile client writes it.
 */
export function withMemberAt(payload: unknown, path: FieldPath, member: string): string {
  const marker = '\u0000member\u0000';
  const marked = JSON.stringify(withValueAt(payload, [...path, marker], 0));
  return marked.replace(`"${marker}":0`, member);
}
