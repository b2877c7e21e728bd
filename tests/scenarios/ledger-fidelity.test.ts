/**
 * Issue #20, "Fidelity and the ledger": every record that leaves the pipeline does so at a place,
 * for a reason, with the fate it really had (dead-lettered and late side output are not losses).
 */
import { describe, it, expect } from 'vitest';
import { run } from '../unit/collectors/helpers.js';

/** 5% garbled lines get `bytes: "n/a"`, which the `bytes: long` mapping rejects with 400. */
const rejected = (dlq: boolean) => `duration: 5s
drain: 60s
workload: { rate: 100/s, files: 1, malformed: 0.05 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    dead_letter_queue.enable: ${dlq}
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
      - mutate: { add_field: { bytes: "n/a" }, if: '"_grokparsefailure" in [tags]' }
    output:
      elasticsearch: { node: es, index: logs }
  es:
    type: elasticsearch
    mappings: { logs: { bytes: long } }
faults: []
`;

describe('Logstash elasticsearch output, documents rejected with 400', () => {
  it('without a DLQ each rejected document is logged as the plugin does ("Could not index event to Elasticsearch.")', () => {
    const h = run(rejected(false));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    const lines = h.result.log.filter((l) => l.source === 'logstash' && l.text.startsWith('Could not index event to Elasticsearch.'));
    // One warning per rejected document (logstash-output-elasticsearch, handle_dlq_response without a DLQ writer).
    expect(lines.length).toBe(es.lost);
    expect(lines.every((l) => l.level === 'warn')).toBe(true);
    expect(lines[0]!.text).toMatch(/:status=>400, :action=>\["index", \{:_id=>nil, :_index=>"logs", :routing=>nil\}.*:response=>\{"index"=>\{.*"status"=>400, "error"=>\{"type"=>"mapper_parsing_exception", "reason"=>"failed to parse field \[bytes\]/);
  });

  it('with the DLQ on, the event goes to the DLQ with that reason and nothing is logged per document', () => {
    const h = run(rejected(true));
    expect(h.result.log.filter((l) => l.text.startsWith('Could not index event'))).toEqual([]);
  });
});
