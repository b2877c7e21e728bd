/**
 * `postgresql.conf` (PostgreSQL 16): one `name = value` per line, `#` comments, values quoted with ''
 * when they hold spaces (docs, "Setting Parameters", config-setting.html §20.1). A host with this file runs
 * PostgreSQL. The simulator reads `port` (default 5432) and `default_transaction_isolation` (default
 * 'read committed'); every other parameter is accepted as the server would and has no effect here.
 */
import { Problems } from '../shared/issues.js';

export interface PostgresConf {
  readonly port: number;
  readonly isolation: string;
}

const ISOLATION = ['serializable', 'repeatable read', 'read committed', 'read uncommitted'];

export function readPostgresConf(text: string, file: string): { problems: Problems; conf: PostgresConf } {
  const problems = new Problems(file);
  const values = new Map<string, { value: string; line: number }>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|[^'])#.*$/, '$1').trim();
    if (line === '') return;
    const m = /^([a-z_.]+)\s*=?\s*('(?:[^']|'')*'|\S+)$/i.exec(line);
    if (!m) {
      problems.error({ line: i + 1, column: 1, endLine: i + 1, endColumn: raw.length + 1 }, `syntax error in file "${file}" line ${i + 1}, near token "${line.split(/\s+/)[1] ?? line}"`, "write name = value, e.g. port = 5432");
      return;
    }
    values.set(m[1]!.toLowerCase(), { value: m[2]!.replace(/^'|'$/g, '').replace(/''/g, "'"), line: i + 1 });
  });
  let port = 5432;
  const p = values.get('port');
  if (p) {
    const n = Number(p.value);
    if (!Number.isInteger(n) || n < 1 || n > 65535) problems.error({ line: p.line, column: 1, endLine: p.line, endColumn: 2 }, `invalid value for parameter "port": "${p.value}"`, 'a TCP port, 1–65535 (default 5432)');
    else port = n;
  }
  let isolation = 'read committed';
  const iso = values.get('default_transaction_isolation');
  if (iso) {
    if (!ISOLATION.includes(iso.value.toLowerCase())) problems.error({ line: iso.line, column: 1, endLine: iso.line, endColumn: 2 }, `invalid value for parameter "default_transaction_isolation": "${iso.value}"`, `Available values: ${ISOLATION.join(', ')}.`);
    else isolation = iso.value.toLowerCase();
  }
  return { problems, conf: { port, isolation } };
}
