/**
 * Checks on the YAML document itself, before its data is validated: shapes the YAML library
 * accepts (or fails on in its own words) that no pipeline spec needs — deep nesting, tags such
 * as `!!binary`, aliases that name no anchor or expand to too much — each refused at the node
 * where it stands, in the spec's terms. The messages live here, next to the YAML error messages
 * of `yamlErrorIssue`, so they can be translated together.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type LineCounter } from 'yaml';
import type { SpecIssue } from './issues.js';
import { reservedNameMessage } from './schema/common.js';

/**
 * A pipeline spec nests about eight levels at most (`nodes.x.filter.0.grok.match.message`); 32
 * leaves room for any honest file while staying far below the depth at which the YAML library's
 * and the validator's recursion overflows the stack (several hundred levels in a Web Worker).
 */
export const MAX_DEPTH = 32;

/** Tags whose meaning the spec uses: YAML's core schema. Any other tag would be ignored or turned into data the spec has no use for. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

type Located = Pick<SpecIssue, 'line' | 'column'>;

interface Visited {
  node: unknown;
  depth: number;
}

/** Problems in the document's structure, in document order; empty when its data may be built. */
export function checkYamlStructure(doc: Document.Parsed, lines: LineCounter, file: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (node: unknown): Located => {
    const range = (node as { range?: [number, number, number] }).range;
    const pos = range ? lines.linePos(range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  const add = (node: unknown, message: string, hint: string) => issues.push({ severity: 'error', file, ...at(node), path: '', message, hint });
  const anchors = new Set<string>();
  // An explicit stack, not recursion: this walk must not overflow on the very input it guards against.
  const stack: Visited[] = doc.contents ? [{ node: doc.contents, depth: 1 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      // Zod skips a `__proto__` key without a word (and a plain object drops it), so it would vanish: refuse it here, in any map.
      if (isScalar(node.key) && node.key.value === '__proto__') add(node.key, reservedNameMessage('__proto__'), 'pick another name');
      // Value first onto the stack so the key is visited first: document order, which anchors rely on.
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) add(node, `\`*${node.source}\` refers to no anchor`, `define \`&${node.source}\` on a value above this line, or write the value out`);
      continue;
    }
    const { anchor, tag } = node as { anchor?: string; tag?: string };
    if (anchor) anchors.add(anchor);
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      add(node, `the YAML tag \`${shortTag(tag)}\` is not used in pipeline specs`, 'remove the tag and write the value as plain text, a number, true/false, a list or a mapping');
      continue;
    }
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_DEPTH) {
        add(node, nestedTooDeeply, nestingHint);
        return issues;
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 });
    }
  }
  return issues;
}

/** Where to blame aliases that expand to too much data: the first alias in the file. */
export function aliasBombIssue(doc: Document.Parsed, lines: LineCounter, file: string): SpecIssue {
  let first: Alias | undefined;
  const stack: unknown[] = doc.contents ? [doc.contents] : [];
  while (stack.length > 0 && !first) {
    const node = stack.pop();
    if (isAlias(node)) first = node;
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  const pos = first?.range ? lines.linePos(first.range[0]) : { line: 1, col: 1 };
  return {
    severity: 'error',
    file,
    line: pos.line,
    column: pos.col,
    path: '',
    message: 'the aliases (`*name`) in this file expand to too much data',
    hint: 'a pipeline spec needs few aliases: write the repeated values out',
  };
}

const nestedTooDeeply = `the spec is nested too deeply here (more than ${MAX_DEPTH} levels)`;
const nestingHint = 'a pipeline spec nests only a few levels: look for unclosed `[` or `{`, or indentation that keeps growing';

/** A YAML library error code → the message and hint a spec author can act on; undefined keeps the library's message. */
export function yamlErrorText(code: string): { message?: string; hint?: string } {
  switch (code) {
    case 'BAD_INDENT':
      return { hint: 'check the indentation: nested keys need more spaces than their parent, and tabs are not allowed' };
    case 'DUPLICATE_KEY':
      return { hint: 'each key may appear once in a mapping' };
    case 'TAB_AS_INDENT':
      return { hint: 'use spaces, not tabs, to indent YAML' };
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return { hint: 'check for an unclosed quote, bracket or brace' };
    case 'MULTIPLE_DOCS':
      return { message: 'a `---` line here starts a second YAML document', hint: 'a pipeline spec is one document: remove the `---` line and what follows it, or move it to a file of its own' };
    case 'RESOURCE_EXHAUSTION':
      return { message: 'the spec is nested too deeply to read', hint: nestingHint };
    default:
      return {};
  }
}

/** `tag:yaml.org,2002:binary` → `!!binary`, as the author wrote it. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
