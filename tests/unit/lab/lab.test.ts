import { describe, it, expect } from 'vitest';
import { runSync } from '../../../simulator/run/run.js';
import { sweepSync, parseValues, pointSpec } from '../../../simulator/lab/sweep.js';
import { metricsOf } from '../../../simulator/lab/metrics.js';
import { sweepToCsv, sweepFromCsv, sweepToJson, sweepFromJson } from '../../../simulator/lab/export.js';
import { counterfactual } from '../../../simulator/lab/counterfactual.js';
import { findCounterexample } from '../../../simulator/lab/counterexample.js';
import { setAt, readAt } from '../../../simulator/lab/spec-edit.js';
import { specOf, beatsLogstashEs } from '../../support/specs.js';

const lossy = beatsLogstashEs({ faults: '  - { link: filebeat->logstash, loss: 0.1, from: 0s, to: 10s }' });

describe('spec edits by JSON Pointer', () => {
  it('sets and reads nested values, including keys with dots, and keeps comments', () => {
    const text = `# a comment\n${lossy}`;
    const edited = setAt(text, '/nodes/logstash/queue.type', 'memory');
    expect(typeof edited).toBe('string');
    expect(readAt(edited as string, '/nodes/logstash/queue.type')).toBe('memory');
    expect(edited as string).toContain('# a comment');
    expect(setAt(text, 'nodes/logstash', 1)).toEqual({ error: expect.stringContaining('JSON Pointer') });
    expect(setAt(text, '/name/deeper', 1)).toEqual({ error: expect.stringContaining('is a value') });
  });
});

describe('sweeps', () => {
  it('parse lists and ranges of values', () => {
    expect(parseValues('0..0.3 step 0.1')).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parseValues('1s, 5s,10s')).toEqual(['1s', '5s', '10s']);
    // Quoted as in YAML: the string inside, as the Lab suggests `"0","1",all` for acks.
    expect(parseValues('true,false,"1"')).toEqual([true, false, '1']);
    expect(parseValues(`"0",'1',all`)).toEqual(['0', '1', 'all']);
    expect(typeof parseValues('3..1 step 1')).toBe('string');
  });

  it('give, at every point, exactly the result of an individual run of the same settings', () => {
    const req = { spec: lossy, param: '/faults/0/loss', values: [0, 0.3], seeds: [1, 2] };
    const result = sweepSync(req);
    expect(result.points).toHaveLength(4);
    for (const p of result.points) {
      const text = pointSpec(req, p.value) as string;
      const single = runSync(specOf(text), { seed: p.seed }).result;
      expect(p.metrics).toEqual(metricsOf(single));
    }
    // The swept setting must show: no message dropped without loss, some dropped with it.
    for (const p of result.points) {
      const dropped = p.metrics['link.filebeat->logstash.dropped']!;
      if (p.value === 0) expect(dropped).toBe(0);
      else expect(dropped).toBeGreaterThan(0);
    }
  });

  it('round-trips through CSV and JSON', () => {
    const result = sweepSync({ spec: lossy, param: '/faults/0/loss', values: [0, 0.2], seeds: [3] });
    expect(sweepFromJson(sweepToJson(result))).toEqual(result);
    const back = sweepFromCsv(sweepToCsv(result));
    expect(back.points).toEqual(result.points);
    expect(back.param).toBe(result.param);
    expect(back.values).toEqual(result.values);
  });
});

describe('counterfactuals', () => {
  it('show which records changed fate when only one setting changes', () => {
    // Logstash busy 8 ms per event, so its memory queue holds events when it dies at 4.5 s.
    const crashy = beatsLogstashEs({ queue: 'memory', faults: '  - { crash: logstash, at: 4500ms, restart-after: 2s }' }).replace(
      'queue.checkpoint.writes: 1',
      'queue.checkpoint.writes: 1\n    processing-time: 8ms',
    );
    const cf = counterfactual(crashy, '/nodes/logstash/queue.type', 'persisted', 1);
    expect(cf.before.value).toBe('memory');
    expect(cf.before.metrics['es.lost']).toBeGreaterThan(0);
    expect(cf.after.metrics['es.lost']).toBe(0);
    expect(cf.transitions['es']?.['lost→exactlyOnce'] ?? 0).toBeGreaterThan(0);
    expect(cf.changes[0]?.before.where).toBe('logstash');
  });
});

describe('counterexample search', () => {
  it('finds a loss for an at-most-once pipeline, shrinks it, and the shrunk schedule still loses', () => {
    const atMostOnce = beatsLogstashEs({ queue: 'memory' });
    const ce = findCounterexample({ spec: atMostOnce, claim: 'outputs.es.lost == 0', budget: 20, searchSeed: 3 });
    expect(ce.found).toBe(true);
    expect(ce.faults!.length).toBeGreaterThan(0);
    expect(ce.faults!.length).toBeLessThanOrEqual(ce.unshrunk!.length);
    const replay = runSync(specOf(ce.spec!), { seed: ce.seed! }).result;
    expect(replay.outputs['es']!.lost).toBeGreaterThan(0);
    // The runs split into search (within the budget), shrinking (its own budget) and one confirming run.
    expect(ce.searchRuns).toBeGreaterThan(0);
    expect(ce.searchRuns).toBeLessThanOrEqual(20);
    expect(ce.runs - ce.searchRuns! - 1).toBeGreaterThanOrEqual(0);
    expect(ce.runs - ce.searchRuns! - 1).toBeLessThanOrEqual(20);
  });

  it('finds none for an effectively-once pipeline (fingerprint + persisted queue + document_id) within its budget', () => {
    const effectivelyOnce = beatsLogstashEs({ queue: 'persisted', addId: true }).replace('processors: [add_id]', 'processors: [fingerprint]');
    const ce = findCounterexample({ spec: effectivelyOnce, claim: 'outputs.es.lost + outputs.es.duplicated == 0', budget: 8, searchSeed: 3 });
    expect(ce.found).toBe(false);
    expect(ce.runs).toBe(8);
  });

  it('with add_id instead it finds a Filebeat restart: the re-read lines get new ids (SEMANTICS-2 §3)', () => {
    const ce = findCounterexample({ spec: beatsLogstashEs({ queue: 'persisted', addId: true }), claim: 'outputs.es.lost + outputs.es.duplicated == 0', budget: 8, searchSeed: 3 });
    expect(ce.found).toBe(true);
    expect(ce.faults).toEqual([{ crash: 'filebeat', at: '3508ms', 'restart-after': '4s' }]);
  });
});
