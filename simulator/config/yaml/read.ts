/**
 * Reads a real YAML settings file (logstash.yml, filebeat.yml, Flink's config.yaml) with the `yaml`
 * package, keeping each key's location; nested maps and dotted keys are the same setting
 * (`queue: { type: persisted }` is `queue.type: persisted`), as Logstash, Beats and Flink read them.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';

export interface YamlSetting {
  key: string;
  value: unknown;
  keyLoc: Loc;
  valueLoc: Loc;
  /** The YAML node, for settings whose value is itself structured (lists of inputs, processors). */
  node: YamlNode | null;
}

export interface YamlFile {
  settings: Map<string, YamlSetting>;
  locOf(node: YamlNode | null | undefined): Loc;
}

/**
 * Flattens the document's maps into dotted keys, stopping at lists and at the keys in `leaves`
 * (whose whole subtree is one value). Null for a file that is not YAML (problems say why).
 */
export function readSettingsYaml(text: string, problems: Problems, leaves: ReadonlySet<string> = new Set()): YamlFile | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locOf = nodeLocator(lines);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      problems.error({ line: pos.line, column: pos.col, endLine: pos.line, endColumn: pos.col }, e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
    }
    return null;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { settings: new Map(), locOf };
  if (!isMap(root)) {
    problems.error(locOf(root), 'expected a mapping of settings (key: value)');
    return null;
  }
  return { settings: flattenMap(root, locOf, problems, leaves), locOf };
}

/** A YAML node's range as a file location (line 1 column 1 when the node has none). */
export function nodeLocator(lines: LineCounter): (node: YamlNode | null | undefined) => Loc {
  return (node) => {
    const r = node?.range;
    if (!r) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const s = lines.linePos(r[0]);
    const e = lines.linePos(r[1]);
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
}

/** A YAML map's settings under dotted keys (see readSettingsYaml). */
export function flattenMap(map: YamlNode, locOf: (node: YamlNode | null | undefined) => Loc, problems: Problems, leaves: ReadonlySet<string> = new Set()): Map<string, YamlSetting> {
  const settings = new Map<string, YamlSetting>();
  const visit = (node: YamlNode, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = prefix + String(pair.key.value);
      const value = pair.value as YamlNode | null;
      if (isMap(value) && value.items.length > 0 && !leaves.has(key)) {
        visit(value, `${key}.`);
        continue;
      }
      if (settings.has(key)) problems.error(locOf(pair.key as YamlNode), `\`${key}\` is set twice`, 'each setting may appear once');
      settings.set(key, { key, value: value === null ? null : isScalar(value) || isSeq(value) || isMap(value) ? value.toJSON() : null, keyLoc: locOf(pair.key as YamlNode), valueLoc: locOf(value ?? (pair.key as YamlNode)), node: value });
    }
  };
  visit(map, '');
  return settings;
}
