/** Java `.properties` text (server.properties, producer/consumer configs) read with `properties-file`, keeping lines and columns. */
import { Properties } from 'properties-file/parser';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';

export interface PropertyEntry { key: string; value: string; keyLoc: Loc; valueLoc: Loc }

export function readProperties(text: string, problems: Problems): Map<string, PropertyEntry> {
  const out = new Map<string, PropertyEntry>();
  for (const p of new Properties(text).getProperties()) {
    const keyCol = p.leadingWhitespace.length + 1;
    const valueCol = keyCol + p.escapedKey.length + p.separatorLeading.length + (p.separatorChar ? 1 : 0) + p.separatorTrailing.length;
    const line = p.startingLineNumber;
    const entry = {
      key: p.key,
      value: p.value,
      keyLoc: { line, column: keyCol, endLine: line, endColumn: keyCol + p.escapedKey.length },
      valueLoc: { line, column: valueCol, endLine: p.endingLineNumber, endColumn: valueCol + p.escapedValue.length },
    };
    // java.util.Properties keeps the last value of a repeated key; Kafka reads it so, silently.
    if (out.has(p.key)) problems.warn(entry.keyLoc, `\`${p.key}\` is set twice: the last value wins`, `line ${out.get(p.key)!.keyLoc.line} is ignored`);
    out.set(p.key, entry);
  }
  return out;
}
