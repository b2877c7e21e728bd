/**
 * `?q=` — a subset of the Lucene query string syntax: `field:value`, `field:value*` (prefix), bare
 * words (searched in `message`), `"quoted phrases"`; clauses joined by AND must all match, clauses
 * separated by spaces are OR'ed, as query_string's default_operator OR does.
 */
import type { Query } from './query.js';

function clause(t: string): Query {
  const i = t.indexOf(':');
  const field = i > 0 ? t.slice(0, i) : 'message';
  const raw = i > 0 ? t.slice(i + 1) : t;
  if (raw === '*') return { kind: 'exists', field };
  const value = raw.replace(/^"|"$/g, '');
  if (raw.endsWith('*') && !raw.startsWith('"')) return { kind: 'prefix', field, value: value.slice(0, -1).toLowerCase() };
  return raw.startsWith('"') ? { kind: 'match_phrase', field, query: value } : { kind: 'match', field, query: value, operator: 'or' };
}

export function queryString(q: string): Query {
  const text = q.trim();
  if (text === '' || text === '*' || text === '*:*') return { kind: 'match_all' };
  const must = text.split(/\s+AND\s+/).map((part): Query => {
    const words = part.match(/"[^"]*"|[^\s"]+:"[^"]*"|\S+/g) ?? [];
    const should = words.filter((w) => w !== 'OR').map(clause);
    return should.length === 1 ? should[0]! : { kind: 'bool', must: [], filter: [], should, mustNot: [] };
  });
  return must.length === 1 ? must[0]! : { kind: 'bool', must, filter: [], should: [], mustNot: [] };
}
