/**
 * Checks and converts an attribute value against its `:validate` kind, as logstash-core's
 * lib/logstash/config/mixin.rb `validate_value` does: a scalar given to an `:array` becomes a
 * one-element array, "true"/"false" (quoted or bare) are booleans, numeric strings are numbers.
 * Returns the plain JS value, or the message Logstash gives ("Expected …, got …").
 */
import type { Value } from './ast.js';
import type { OptionDecl } from './plugins/index.js';

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** The value as plain data, the way Logstash hands it to a plugin. */
export function toPlain(value: Value): Plain {
  switch (value.kind) {
    case 'bareword':
    case 'string':
    case 'number':
      return value.value;
    case 'array':
      return value.items.map(toPlain);
    case 'hash':
      return Object.fromEntries(value.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'plugin':
      return value.name;
  }
}

function show(value: Value): string {
  return JSON.stringify(toPlain(value));
}

function scalar(value: Value): string | number | undefined {
  return value.kind === 'string' || value.kind === 'bareword' || value.kind === 'number' ? value.value : undefined;
}

function one(decl: OptionDecl, value: Value): { ok: Plain } | { error: string } {
  const v = decl.validate;
  if (Array.isArray(v)) {
    const s = scalar(value);
    if (s === undefined || !v.includes(String(s))) return { error: `Expected one of ${JSON.stringify(v)}, got ${show(value)}` };
    return { ok: String(s) };
  }
  switch (v) {
    case 'string':
    case 'path':
    case 'password':
    case 'uri':
    case 'field_reference': {
      const s = scalar(value);
      return s === undefined ? { error: `Expected ${v}, got ${show(value)}` } : { ok: String(s) };
    }
    case 'number': {
      const s = scalar(value);
      const n = typeof s === 'number' ? s : s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
      return n === undefined ? { error: `Expected number, got ${show(value)} (type ${value.kind})` } : { ok: n };
    }
    case 'boolean': {
      const s = scalar(value);
      if (s === 'true' || s === 'false') return { ok: s === 'true' };
      return { error: `Expected boolean, got ${show(value)}` };
    }
    case 'array':
      return { ok: value.kind === 'array' ? value.items.map(toPlain) : [toPlain(value)] };
    case 'hash':
      if (value.kind === 'hash') return { ok: toPlain(value) };
      // mixin.rb accepts a flat list of key, value pairs: add_field => [ "a", "1", "b", "2" ].
      if (value.kind === 'array') {
        if (value.items.length % 2 === 1) return { error: `This field must contain an even number of items, got ${value.items.length}` };
        const out: { [key: string]: Plain } = {};
        for (let i = 0; i < value.items.length; i += 2) out[String(toPlain(value.items[i]!))] = toPlain(value.items[i + 1]!);
        return { ok: out };
      }
      return { error: `Expected hash, got ${show(value)}` };
    case 'codec':
      // A codec with settings (`plain { format => "%{message}" }`) keeps them: { plain: { format: … } }.
      if (value.kind === 'plugin' && value.attributes.length > 0) return { ok: { [value.name]: Object.fromEntries(value.attributes.map((a) => [a.name, toPlain(a.value)])) } };
      return value.kind === 'plugin' || value.kind === 'bareword' || value.kind === 'string' ? { ok: toPlain(value) } : { error: `Expected a codec, got ${show(value)}` };
  }
  return { error: 'unknown validation' };
}

export function checkValue(decl: OptionDecl, value: Value): { ok: Plain } | { error: string } {
  if (decl.list && value.kind === 'array') {
    const out: Plain[] = [];
    for (const item of value.items) {
      const r = one(decl, item);
      if ('error' in r) return r;
      out.push(r.ok);
    }
    return { ok: out };
  }
  const r = one(decl, value);
  if (decl.list && 'ok' in r) return { ok: [r.ok] };
  return r;
}
