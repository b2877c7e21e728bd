/** Elasticsearch documents and the Logstash elasticsearch output's retry rules (SEMANTICS §2, §5). */
import { describe, it, expect } from 'vitest';
import { IndexDocuments } from '../../../simulator/nodes/elasticsearch/documents.js';
import type { Rec } from '../../../simulator/core/record.js';
import { run, esStore, beatsLogstashEs } from './helpers.js';

const rec = (rid: number, fields: Rec['fields'] = { message: `line ${rid}` }): Rec => ({ rid, id: `r${rid}`, eventTimeMs: rid, fields });

describe('index documents', () => {
  it('explicit ids overwrite (version + 1); auto ids always add', () => {
    const idx = new IndexDocuments('logs', {}, 'logs-');
    expect(idx.write('index', 'a', rec(1), 0)).toMatchObject({ status: 201, version: 1 });
    expect(idx.write('index', 'a', rec(1), 1)).toMatchObject({ status: 200, version: 2 });
    idx.write('index', undefined, rec(2), 2);
    idx.write('index', undefined, rec(2), 3);
    expect(idx.size).toBe(3);
    expect(idx.versionsAbove1()).toBe(1);
  });

  it('create on an existing id is a 409 and changes nothing', () => {
    const idx = new IndexDocuments('logs', {}, 'logs-');
    idx.write('create', 'a', rec(1), 0);
    expect(idx.write('create', 'a', rec(9), 1)).toMatchObject({ status: 409 });
    expect(idx.get('a')?.record.rid).toBe(1);
    expect(idx.get('a')?.version).toBe(1);
  });

  it('a value that does not fit the mapping is a 400; numeric strings are coerced', () => {
    const idx = new IndexDocuments('logs', { bytes: 'long' }, 'logs-');
    expect(idx.write('index', undefined, rec(1, { bytes: '512' }), 0).status).toBe(201);
    expect(idx.write('index', undefined, rec(2, { bytes: '-' }), 0)).toMatchObject({ status: 400, error: expect.stringMatching(/mapper_parsing_exception/) });
    expect(idx.size).toBe(1);
  });
});

describe('Logstash elasticsearch output', () => {
  const esNode = (extra: string) => `  es:\n    type: elasticsearch\n${extra}`;
  const withEs = (yaml: string, extra: string) => yaml.replace('  es: { type: elasticsearch }', esNode(extra));

  it('429 rejections are retried until indexed: nothing lost', () => {
    const h = run(withEs(beatsLogstashEs({ ids: true }), '    rejections: { 429: 0.3 }'));
    const es = h.result.outputs['es']!;
    expect((h.result.state['es'] as { rejected429: number }).rejected429).toBeGreaterThan(0);
    expect(es.lost).toBe(0);
    expect(es.exactlyOnce).toBe(1000);
  });

  const mapped = (dlq: boolean) =>
    withEs(
      beatsLogstashEs({ logstash: `    dead_letter_queue.enable: ${dlq}`, malformed: 0.1, filter: '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }' }),
      '    mappings: { logs: { bytes: long } }',
    );

  // Malformed lines get bytes: "n/a", which the long mapping rejects with 400.
  it('400 (mapping conflict) goes to the dead letter queue when enabled', () => {
    const yaml = mapped(true).replace('      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }', '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }\n      - mutate: { add_field: { bytes: "n/a" }, if: \'"_grokparsefailure" in [tags]\' }');
    const h = run(yaml);
    const es = h.result.outputs['es']!;
    const ls = h.result.state['logstash'] as { deadLetterQueue: { entries: number; recent: { id: string }[] } };
    let malformed = 0;
    const malformedIds: string[] = [];
    for (let rid = 0; rid < 1000; rid++) {
      if (!h.workload.isMalformed(rid)) continue;
      malformed++;
      malformedIds.push(h.workload.displayId(rid));
    }
    expect(ls.deadLetterQueue.entries).toBe(malformed);
    // The inspector names the latest dead letters the way people name lines: file:line.
    for (const e of ls.deadLetterQueue.recent) expect(malformedIds).toContain(e.id);
    expect(ls.deadLetterQueue.recent.map((e) => e.id)).toHaveLength(5);
    // Kept in the DLQ for a resend: their own fate, not a loss.
    expect(es.deadLettered).toBe(malformed);
    expect(es.lost).toBe(0);
    expect(es.lostAt).toEqual({});
    expect(esStore(h).documentCount('logs')).toBe(1000 - malformed);
  });

  it('without a DLQ the rejected events are dropped (lost at logstash)', () => {
    const yaml = mapped(false).replace('      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }', '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }\n      - mutate: { add_field: { bytes: "n/a" }, if: \'"_grokparsefailure" in [tags]\' }');
    const h = run(yaml);
    expect((h.result.state['logstash'] as { deadLetterQueue: unknown }).deadLetterQueue).toBeNull();
    expect(h.result.outputs['es']!.lost).toBeGreaterThan(50);
  });

  it('action create with document_id: a resent event hits 409 and is dropped with a warning, the first copy stands', () => {
    // The copies come from a Filebeat restart: only fingerprint gives a re-read line its old id (SEMANTICS-2 §3).
    const yaml = beatsLogstashEs({ ids: true, files: 1, faults: ['{ link: filebeat->logstash, delay: 200ms }', '{ crash: filebeat, at: 5100ms, restart-after: 900ms }'] })
      .replace('processors: [add_id]', 'processors: [fingerprint]')
      .replace('document_id: "%{[@metadata][_id]}"', 'document_id: "%{[@metadata][_id]}", action: create');
    const h = run(yaml);
    const es = h.result.outputs['es']!;
    expect(es.exactlyOnce).toBe(1000);
    expect(es['versionsAbove1']).toBe(0);
    expect((h.result.state['es'] as { conflicts409: number }).conflicts409).toBe(100);
    expect(h.result.log.some((l) => l.level === 'warn' && /409 conflict/.test(l.text))).toBe(true);
  });
});
