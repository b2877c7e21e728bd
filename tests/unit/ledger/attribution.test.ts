/**
 * A record lost at more than one place is reported, for each output, at the latest place on the
 * way to that output. Two Flink jobs reading one topic crash together: each index names its own
 * job, not whichever job noted the loss last; an index whose job was retired counts what it
 * never got at that job.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../simulator/ledger/ledger.js';
import { placesFeeding } from '../../../simulator/run/feeds.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runSync } from '../../../simulator/run/run.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';

function spec(path: string): PipelineSpec {
  const r = parseSpec(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.spec;
}

describe('placesFeeding', () => {
  const s = spec('examples/lambda-vs-kappa.yaml');

  it('follows the index to its writer and everything upstream, with the links both ways', () => {
    const realtime = placesFeeding(s, 'es/realtime');
    for (const p of ['es', 'speed', 'kafka', 'logstash', 'filebeat', 'speed->es', 'es->speed', 'kafka->speed', 'filebeat->logstash']) expect(realtime).toContain(p);
    for (const p of ['stream', 'batch', 's3', 'stream->es']) expect(realtime).not.toContain(p);
    expect(placesFeeding(s, 'es/counts')).toContain('stream');
    expect(placesFeeding(s, 'es/counts')).not.toContain('speed');
  });

  it('takes every writer of the node for a whole node, or for a target nobody names', () => {
    for (const out of ['es', 'es/counts-replay']) {
      const all = placesFeeding(s, out);
      expect(all).toContain('speed');
      expect(all).toContain('stream');
    }
    expect(placesFeeding(s, 's3')).toEqual(new Set(['s3', 'logstash', 'filebeat', 'logstash->s3', 's3->logstash', 'filebeat->logstash', 'logstash->filebeat']));
  });
});

describe('loss attribution per output', () => {
  it('names the latest noted place that feeds the output, and the latest of all without one', () => {
    const ledger = new Ledger();
    ledger.generated = 3;
    ledger.feedsOf = (output) => new Set(output === 'a' ? ['jobA'] : ['jobB']);
    ledger.noteLoss(0, 'jobA', 'crash of A');
    ledger.noteLoss(0, 'jobB', 'crash of B');
    ledger.noteLoss(1, 'jobB', 'only B');
    const none = new Uint32Array(3);
    none[2] = 1;
    expect(ledger.account(none, new Set(), undefined, 'a').lostAt).toEqual({ jobA: 1, jobB: 1 });
    expect(ledger.account(none, new Set(), undefined, 'b').lostAt).toEqual({ jobB: 2 });
    expect(ledger.account(none, new Set()).lostAt).toEqual({ jobB: 2 });
    expect(ledger.lossOf(0, 'a')).toEqual({ where: 'jobA', why: 'crash of A' });
    expect(ledger.fateOf(0, 0, new Set(), 'b')).toBe('lost at jobB: crash of B');
    // Older notes are kept too: a third place does not push out the first.
    ledger.noteLoss(0, 'kafka', 'retention');
    expect(ledger.lossOf(0, 'a')).toEqual({ where: 'jobA', why: 'crash of A' });
    expect(ledger.lossOf(0, 'b')).toEqual({ where: 'jobB', why: 'crash of B' });
    expect(ledger.lossOf(0)).toEqual({ where: 'kafka', why: 'retention' });
  });

  it('counts what misses a retired output at the place that retired it, not at "unknown"', () => {
    const ledger = new Ledger();
    ledger.generated = 2;
    ledger.noteRetired('es/old', 'stream', 'job v1 retired');
    ledger.noteLoss(1, 'kafka', 'deleted by retention');
    const none = new Uint32Array(2);
    expect(ledger.account(none, new Set(), undefined, 'es/old').lostAt).toEqual({ stream: 1, kafka: 1 });
    expect(ledger.account(none, new Set(), undefined, 'es/new').lostAt).toEqual({ unknown: 1, kafka: 1 });
    expect(ledger.fateOf(0, 0, new Set(), 'es/old')).toBe('lost at stream: job v1 retired');
  });

  it('in the Lambda-vs-Kappa example, the realtime index blames the speed layer and the Kappa index its own job', () => {
    const r = runSync(spec('examples/lambda-vs-kappa.yaml')).result;
    expect(Object.keys(r.outputs['es/realtime']!.lostAt)).toEqual(['speed']);
    // Including the records after the replay took over: the retired job never read them.
    expect(Object.keys(r.outputs['es/counts']!.lostAt)).toEqual(['stream']);
    expect(Object.keys(r.architectures!['kappa']!.outputs['es/counts']!.lostAt)).toEqual(['stream']);
    expect(Object.keys(r.architectures!['lambda']!.outputs['realtime-view']!.lostAt)).toEqual(['speed']);
  });
});
