/**
 * Reads a CloudFormation template written in YAML into a small tree that keeps every value's
 * location. CloudFormation's short-form intrinsics are YAML local tags (`!Ref Stream`,
 * `!GetAtt Stream.Arn`, `!Sub "arn:${AWS::Partition}:…"`, `!Join [",", [a, b]]`); they are declared to
 * the `yaml` package as custom tags so they parse, and turn into the same function node as their long
 * form (`{ Ref: Stream }`, `{ "Fn::GetAtt": [Stream, Arn] }`). A tag CloudFormation does not define is
 * an error, as CloudFormation refuses the template.
 *
 * Source: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type ScalarTag, type CollectionTag } from 'yaml';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { nodeLocator } from '../yaml/read.js';

/** The functions with a short form (`!Name`); each is `Fn::Name` in long form, except `Ref` and `Condition`. */
const SHORT_FORMS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString'] as const;
const longName = (short: string) => (short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`);
const LONG_FORMS = new Set(SHORT_FORMS.map(longName));

export type CfnValue =
  /** `unquoted`: written without quotes, where CloudFormation's YAML reads OFF, ON, YES, NO as booleans. */
  | { kind: 'scalar'; value: string | number | boolean | null; loc: Loc; unquoted?: boolean }
  | { kind: 'list'; items: CfnValue[]; loc: Loc }
  | { kind: 'map'; entries: CfnEntry[]; loc: Loc }
  | { kind: 'fn'; name: string; arg: CfnValue; loc: Loc };

export interface CfnEntry { key: string; keyLoc: Loc; value: CfnValue }

/** Custom tags for the `yaml` package: a tagged node is kept as it is, and read below by its tag. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s } as ScalarTag,
  { tag: `!${name}`, collection: 'seq', resolve: (s: unknown) => s } as unknown as CollectionTag,
  { tag: `!${name}`, collection: 'map', resolve: (s: unknown) => s } as unknown as CollectionTag,
]);

/** Null for a file that is not YAML or not a mapping (problems say why). */
export function readCfnYaml(text: string, problems: Problems): CfnValue | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, customTags: CUSTOM_TAGS });
  const locOf = nodeLocator(lines);
  const at = (pos: number): Loc => {
    const p = lines.linePos(pos);
    return { line: p.line, column: p.col, endLine: p.line, endColumn: p.col };
  };
  for (const e of doc.errors) problems.error(at(e.pos[0]), e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
  for (const w of doc.warnings) {
    const tag = /^Unresolved tag: (\S+)/.exec(w.message);
    if (tag) problems.error(at(w.pos[0]), `Template format error: unknown tag ${tag[1]}`, `CloudFormation's short forms are ${SHORT_FORMS.map((s) => `!${s}`).join(', ')}`);
  }
  if (problems.hasErrors) return null;
  const convert = (node: unknown): CfnValue => {
    const n = node as YamlNode;
    const loc = locOf(n);
    let value: CfnValue;
    if (isMap(n)) {
      const entries: CfnEntry[] = [];
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        entries.push({ key, keyLoc: locOf(pair.key as YamlNode), value: pair.value === null ? { kind: 'scalar', value: null, loc: locOf(pair.key as YamlNode) } : convert(pair.value) });
      }
      // The long form: a map with one key that is a function name.
      if (entries.length === 1 && LONG_FORMS.has(entries[0]!.key)) value = { kind: 'fn', name: entries[0]!.key, arg: entries[0]!.value, loc };
      else value = { kind: 'map', entries, loc };
    } else if (isSeq(n)) value = { kind: 'list', items: n.items.map(convert), loc };
    else if (isScalar(n)) {
      const v = n.value;
      value = { kind: 'scalar', value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v), loc, ...(n.type === 'PLAIN' ? { unquoted: true } : {}) };
    } else value = { kind: 'scalar', value: null, loc };
    const tag = (n as { tag?: string } | null)?.tag;
    if (tag?.startsWith('!') && !tag.startsWith('!!')) {
      // `!GetAtt A.B` is the scalar form of `Fn::GetAtt: [A, B]`.
      let arg = value;
      if (tag === '!GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
        const dot = value.value.indexOf('.');
        arg = { kind: 'list', loc, items: [{ kind: 'scalar', value: value.value.slice(0, dot < 0 ? undefined : dot), loc }, { kind: 'scalar', value: dot < 0 ? '' : value.value.slice(dot + 1), loc }] };
      }
      return { kind: 'fn', name: longName(tag.slice(1)), arg, loc };
    }
    return value;
  };
  const root = doc.contents;
  if (!root || !isMap(root)) {
    problems.error(locOf(root as YamlNode), 'Template format error: a template is a YAML mapping (AWSTemplateFormatVersion, Resources, …)', 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream');
    return null;
  }
  return convert(root);
}

export const entryOf = (map: CfnValue, key: string): CfnEntry | undefined => (map.kind === 'map' ? map.entries.find((e) => e.key === key) : undefined);

/** A plain value (no functions inside), as JSON. */
export function plain(v: CfnValue): unknown {
  if (v.kind === 'scalar') return v.value;
  if (v.kind === 'list') return v.items.map(plain);
  if (v.kind === 'map') return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
  return { [v.name]: plain(v.arg) };
}
