/**
 * Share links: the exercise slug, the learner's edited files and the seed, in the URL fragment
 * (`#share=<base64url(deflate-raw(JSON))>`). The fragment never reaches a server.
 *
 * Decoding treats the fragment as untrusted data: sizes are capped before and after
 * decompression, the JSON is checked field by field, and the result is only ever put
 * into the editor as text — nothing in it is evaluated.
 */

import { isSeed } from './seed.js';

export const SHARE_PARAM = 'share';
/** Longest fragment we accept (characters). Browsers allow more, but nobody should paste that. */
export const MAX_FRAGMENT_CHARS = 64_000;
/** Largest decompressed payload (bytes): guards against a deflate bomb. */
export const MAX_PAYLOAD_BYTES = 512_000;

export interface SharedState {
  slug: string;
  files: Record<string, string>;
  seed: number;
}

export type DecodeOutcome =
  | { ok: true; state: SharedState }
  | { ok: false; reason: 'oversized' | 'corrupt' | 'other-exercise' };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('payload too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function encodeShare(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, slug: state.slug, files: state.files, seed: state.seed }));
  const packed = await pipeThrough(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return `${SHARE_PARAM}=${toBase64Url(packed)}`;
}

/** The share payload in a fragment (`#share=…`), if there is one. */
export function sharePayloadOf(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return undefined;
}

function validate(value: unknown, slug: string, editable: readonly string[]): DecodeOutcome {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'corrupt' };
  const v = value as Record<string, unknown>;
  if (v.v !== 1 || typeof v.slug !== 'string' || !isSeed(v.seed)) {
    return { ok: false, reason: 'corrupt' };
  }
  if (v.slug !== slug) return { ok: false, reason: 'other-exercise' };
  if (typeof v.files !== 'object' || v.files === null || Array.isArray(v.files)) return { ok: false, reason: 'corrupt' };
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(v.files as Record<string, unknown>)) {
    // Only files the learner may edit are taken; anything else in the link is ignored.
    if (typeof text !== 'string') return { ok: false, reason: 'corrupt' };
    if (editable.includes(name)) files[name] = text;
  }
  return { ok: true, state: { slug, files, seed: v.seed } };
}

export async function decodeShare(payload: string, slug: string, editable: readonly string[]): Promise<DecodeOutcome> {
  if (payload.length > MAX_FRAGMENT_CHARS) return { ok: false, reason: 'oversized' };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  let json: Uint8Array;
  try {
    json = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), MAX_PAYLOAD_BYTES);
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError ? 'oversized' : 'corrupt' };
  }
  try {
    return validate(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as unknown, slug, editable);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
