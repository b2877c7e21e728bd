/**
 * `curl` with a request body: the Query DSL, aggregations and error bodies, checked against the
 * documents the run's Elasticsearch store holds (read here directly, not through the shell).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { RunHandle } from '../../../simulator/run/run.js';
import { runLine } from '../../../simulator/shell/index.js';
import type { ElasticsearchStore, EsDocument } from '../../../simulator/nodes/elasticsearch/store.js';
import { EPOCH_MS } from '../../../simulator/workload/clock.js';
import { runSpec } from './fixtures.js';

const PIPELINE = `
duration: 5s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 2 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
    output:
      elasticsearch: { node: es, index: logs }
  es: { type: elasticsearch, mappings: { logs: { bytes: long } } }
`;

let handle: RunHandle;
let docs: EsDocument[];
beforeAll(() => {
  handle = runSpec(PIPELINE);
  const store = handle.components.get('es') as ElasticsearchStore;
  docs = [];
  store.documents('logs', (d) => docs.push(d));
});

const field = (d: EsDocument, f: string) => (d.record.fields as Record<string, unknown>)[f];
const where = (pred: (d: EsDocument) => boolean) => docs.filter(pred).length;
/** Elasticsearch's answers are read as loosely as JSON.parse types them: the tests check their shape. */
type Answer = ReturnType<typeof JSON.parse>;
const JSON_HEADER = "-H 'Content-Type: application/json'";

/** POSTs a body (as an object) and parses the answer. */
function post(path: string, body: unknown, method = ''): Answer {
  const out = runLine({ handle }, `curl ${method} 'localhost:9200/${path}' ${JSON_HEADER} -d '${JSON.stringify(body)}'`);
  expect(out.status).toBe(0);
  return JSON.parse(out.text);
}
const countOf = (query: unknown) => post('logs/_count', { query }).count as number;

describe('queries', () => {
  it('uses the body: match on a text field analyses the query, and hits carry only matching documents', () => {
    const posts = where((d) => field(d, 'verb') === 'POST');
    expect(posts).toBeGreaterThan(0);
    expect(posts).toBeLessThan(docs.length);
    const body = post('logs/_search', { query: { match: { verb: 'post' } }, size: 3 });
    expect(body.hits.total).toEqual({ value: posts, relation: 'eq' });
    expect(body.hits.hits).toHaveLength(3);
    for (const h of body.hits.hits) expect(h._source.verb).toBe('POST');
  });

  it('term compares exact terms: a text field holds lowercase words, its .keyword the value as sent', () => {
    const gets = where((d) => field(d, 'verb') === 'GET');
    expect(countOf({ term: { verb: 'GET' } })).toBe(0);
    expect(countOf({ term: { verb: 'get' } })).toBe(gets);
    expect(countOf({ term: { 'verb.keyword': 'GET' } })).toBe(gets);
    expect(countOf({ term: { 'verb.keyword': 'get' } })).toBe(0);
    expect(countOf({ terms: { 'status.keyword': ['500', '503'] } })).toBe(where((d) => ['500', '503'].includes(field(d, 'status') as string)));
  });

  it('match_phrase needs the words in order; match with operator and needs them all', () => {
    const phrase = where((d) => /GET \/checkout /.test(field(d, 'message') as string));
    expect(countOf({ match_phrase: { message: 'GET /checkout' } })).toBe(phrase);
    expect(countOf({ match_phrase: { message: 'checkout GET' } })).toBe(0);
    expect(countOf({ match: { message: { query: 'checkout GET', operator: 'and' } } })).toBe(where((d) => /\bGET\b/.test(field(d, 'message') as string) && /checkout/i.test(field(d, 'message') as string)));
  });

  it('range on a long field coerces strings, and date math is relative to the end of the run', () => {
    expect(countOf({ range: { bytes: { gte: 20000, lt: '30000' } } })).toBe(where((d) => Number(field(d, 'bytes')) >= 20000 && Number(field(d, 'bytes')) < 30000));
    const now = EPOCH_MS + handle.result.simulatedMs;
    const since = now - 3000;
    expect(countOf({ range: { '@timestamp': { gte: 'now-3s' } } })).toBe(where((d) => Date.parse(field(d, '@timestamp') as string) >= since));
    // A custom format, and rounding: lte now/d includes the whole day.
    expect(countOf({ range: { '@timestamp': { gte: '01/01/2026', format: 'dd/MM/yyyy', lte: 'now/d' } } })).toBe(docs.length);
    expect(countOf({ range: { '@timestamp': { lt: '2026-01-01T00:00:02Z' } } })).toBe(where((d) => (field(d, '@timestamp') as string) < '2026-01-01T00:00:02'));
  });

  it('bool combines must, filter, should (minimum_should_match) and must_not; exists checks presence', () => {
    const expected = where((d) => field(d, 'verb') === 'GET' && field(d, 'status') !== '200' && ['500', '503', '404'].includes(field(d, 'status') as string));
    const q = {
      bool: {
        must: { match: { verb: 'GET' } },
        filter: [{ exists: { field: 'status' } }],
        must_not: [{ term: { status: '200' } }],
        should: [{ term: { status: '500' } }, { term: { status: '503' } }, { term: { status: '404' } }],
        minimum_should_match: 1,
      },
    };
    expect(countOf(q)).toBe(expected);
    expect(countOf({ bool: { should: [{ term: { status: '500' } }, { term: { verb: 'get' } }], minimum_should_match: 2 } })).toBe(where((d) => field(d, 'status') === '500' && field(d, 'verb') === 'GET'));
    expect(countOf({ exists: { field: 'nope' } })).toBe(0);
  });

  it('size, from, sort and _source shape the hits', () => {
    const sorted = [...docs].sort((a, b) => Number(field(b, 'bytes')) - Number(field(a, 'bytes')) || 0);
    const body = post('logs/_search', { from: 1, size: 2, sort: [{ bytes: { order: 'desc' } }], _source: ['verb', 'log.file.*'] });
    expect(body.hits.max_score).toBeNull();
    expect(body.hits.hits.map((h: Answer) => h.sort[0])).toEqual([Number(field(sorted[1]!, 'bytes')), Number(field(sorted[2]!, 'bytes'))]);
    expect(body.hits.hits[0]._score).toBeNull();
    expect(Object.keys(body.hits.hits[0]._source).sort()).toEqual(['log', 'verb']);
    expect(Object.keys(body.hits.hits[0]._source.log)).toEqual(['file']);
    expect(post('logs/_search', { size: 1, _source: false }).hits.hits[0]._source).toBeUndefined();
  });

  it('answers GET and POST alike, _count with a query body, and ?pretty indents', () => {
    const q = { query: { term: { 'verb.keyword': 'PUT' } } };
    const puts = where((d) => field(d, 'verb') === 'PUT');
    expect(post('logs/_search', q, '-X GET').hits.total).toEqual({ value: puts, relation: 'eq' });
    expect(post('logs/_search', q, '-XPOST').hits.total).toEqual({ value: puts, relation: 'eq' });
    const pretty = runLine({ handle }, `curl 'localhost:9200/logs/_count?pretty' ${JSON_HEADER} -d '${JSON.stringify(q)}'`).text;
    expect(pretty).toMatch(new RegExp(`^\\{\\n {2}"count": ${puts},\\n`));
  });
});

describe('aggregations', () => {
  it('terms with an avg sub-aggregation, and metrics over the whole result', () => {
    const body = post('logs/_search', {
      size: 0,
      aggs: {
        by_status: { terms: { field: 'status.keyword', size: 3 }, aggs: { avg_bytes: { avg: { field: 'bytes' } } } },
        total: { sum: { field: 'bytes' } },
        biggest: { max: { field: 'bytes' } },
        smallest: { min: { field: 'bytes' } },
        with_bytes: { value_count: { field: 'bytes' } },
        clients: { cardinality: { field: 'clientip.keyword' } },
      },
    });
    expect(body.hits.hits).toEqual([]);
    const counts = new Map<string, EsDocument[]>();
    for (const d of docs) counts.set(field(d, 'status') as string, [...(counts.get(field(d, 'status') as string) ?? []), d]);
    const top = [...counts].sort(([ka, a], [kb, b]) => b.length - a.length || (ka < kb ? -1 : 1)).slice(0, 3);
    const buckets = body.aggregations.by_status.buckets;
    expect(buckets.map((b: Answer) => [b.key, b.doc_count])).toEqual(top.map(([k, ds]) => [k, ds.length]));
    expect(body.aggregations.by_status.sum_other_doc_count).toBe(docs.length - top.reduce((n, [, ds]) => n + ds.length, 0));
    const [, first] = top[0]!;
    expect(buckets[0].avg_bytes.value).toBeCloseTo(first.reduce((s, d) => s + Number(field(d, 'bytes')), 0) / first.length, 6);
    const bytes = docs.map((d) => Number(field(d, 'bytes')));
    expect(body.aggregations.total.value).toBe(bytes.reduce((a, b) => a + b, 0));
    expect(body.aggregations.biggest.value).toBe(Math.max(...bytes));
    expect(body.aggregations.smallest.value).toBe(Math.min(...bytes));
    expect(body.aggregations.with_bytes.value).toBe(docs.length);
    expect(body.aggregations.clients.value).toBe(new Set(docs.map((d) => field(d, 'clientip'))).size);
  });

  it('date_histogram and histogram bucket with empty buckets between, keys as Elasticsearch prints them', () => {
    const body = post('logs/_search', { size: 0, aggs: { per_sec: { date_histogram: { field: '@timestamp', fixed_interval: '1s' } }, per_min: { date_histogram: { field: '@timestamp', calendar_interval: 'minute' } }, sizes: { histogram: { field: 'bytes', interval: 10000 } } } });
    const perSec = body.aggregations.per_sec.buckets;
    expect(perSec[0]).toMatchObject({ key_as_string: '2026-01-01T00:00:00.000Z', key: EPOCH_MS });
    expect(perSec.reduce((n: number, b: Answer) => n + b.doc_count, 0)).toBe(docs.length);
    for (let i = 1; i < perSec.length; i++) expect(perSec[i].key - perSec[i - 1].key).toBe(1000);
    expect(body.aggregations.per_min.buckets).toEqual([{ key_as_string: '2026-01-01T00:00:00.000Z', key: EPOCH_MS, doc_count: docs.length }]);
    const sizes = body.aggregations.sizes.buckets;
    expect(sizes[0].key).toBe(0);
    expect(sizes.reduce((n: number, b: Answer) => n + b.doc_count, 0)).toBe(docs.length);
  });
});

describe('parameters', () => {
  it('missing gives documents without the field a value; parameters not modelled are refused by name, not ignored', () => {
    const body = post('logs/_search', { size: 0, aggs: { users: { terms: { field: 'nickname.keyword', missing: 'N/A' } }, n: { sum: { field: 'nope', missing: 2 } } } });
    expect(body.aggregations.users.buckets).toEqual([{ key: 'N/A', doc_count: docs.length }]);
    expect(body.aggregations.n.value).toBe(2 * docs.length);
    const fuzzy = post('logs/_search', { query: { match: { verb: { query: 'gte', fuzziness: 'AUTO' } } } });
    expect(fuzzy).toMatchObject({ status: 400, error: { type: 'illegal_argument_exception' } });
    expect(fuzzy.error.reason).toContain('[fuzziness]');
  });
});

describe("Elasticsearch's answers to bad requests", () => {
  it('unknown query: parsing_exception with its place in the body', () => {
    const body = post('logs/_search', { query: { foo: {} } });
    expect(body).toEqual({
      error: {
        root_cause: [{ type: 'parsing_exception', reason: 'unknown query [foo]', line: 1, col: 17 }],
        type: 'parsing_exception',
        reason: 'unknown query [foo]',
        line: 1,
        col: 17,
        caused_by: { type: 'named_object_not_found_exception', reason: '[1:17] unknown field [foo]' },
      },
      status: 400,
    });
  });

  it('broken JSON: x_content_parse_exception', () => {
    const out = runLine({ handle }, `curl localhost:9200/logs/_search ${JSON_HEADER} -d '{"query": {"match_all": {}}'`);
    const body = JSON.parse(out.text);
    expect(body.status).toBe(400);
    expect(body.error.type).toBe('x_content_parse_exception');
    expect(body.error.reason).toMatch(/^\[1:28\] Unexpected end-of-input: expected close marker for Object \(start marker at \[Source: \(request body\); line: 1, column: 1\]\)$/);
  });

  it('aggregating a text field is refused with the fielddata message; unknown keys and aggregation types too', () => {
    const body = post('logs/_search', { aggs: { verbs: { terms: { field: 'verb' } } } });
    expect(body.status).toBe(400);
    expect(body.error.type).toBe('search_phase_execution_exception');
    expect(body.error.root_cause[0].reason).toMatch(/^Text fields are not optimised for operations that require per-document field data/);
    expect(post('logs/_search', { querry: {} }).error.reason).toBe('Unknown key for a START_OBJECT in [querry].');
    expect(post('logs/_search', { aggs: { x: { termz: { field: 'verb' } } } }).error).toMatchObject({
      type: 'parsing_exception',
      reason: 'Unknown aggregation type [termz] did you mean [terms]?',
      caused_by: { type: 'named_object_not_found_exception', reason: '[1:23] unknown field [termz]' },
    });
    expect(post('logs/_search', { query: { bool: { mus: [] } } }).error.reason).toBe('[bool] query does not support [mus]');
  });

  it('a body sent without the JSON content type is refused with 406, as curl -d sends a form', () => {
    const out = runLine({ handle }, `curl localhost:9200/logs/_search -d '{"query":{"match_all":{}}}'`);
    expect(JSON.parse(out.text)).toEqual({ error: 'Content-Type header [application/x-www-form-urlencoded] is not supported', status: 406 });
  });
});

describe('index metadata', () => {
  it('_aliases answers with every index and its (empty) aliases; _mapping shows text with a keyword sub-field', () => {
    expect(JSON.parse(runLine({ handle }, 'curl localhost:9200/_aliases').text)).toEqual({ logs: { aliases: {} } });
    const mapping = JSON.parse(runLine({ handle }, 'curl localhost:9200/logs/_mapping').text);
    expect(mapping.logs.mappings.properties.bytes).toEqual({ type: 'long' });
    expect(mapping.logs.mappings.properties.verb).toEqual({ type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } });
    expect(mapping.logs.mappings.properties['@timestamp']).toEqual({ type: 'date' });
  });
});
