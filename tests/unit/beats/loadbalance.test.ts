/**
 * Filebeat's Logstash output with two hosts (SEMANTICS-2 §3, [FB6] "Configure the Logstash output":
 * `hosts`, `loadbalance`, `worker`; "Load balance the output hosts": hosts × worker connections).
 * loadbalance: false → every batch to one host, another one only after a connection error;
 * loadbalance: true → batches spread over all hosts, and a failed batch may be resent through any
 * of them — a duplicate when the first Logstash had it already, unless the document id is the
 * event's own (add_id + document_id, [FB5]).
 */
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { run } from '../collectors/helpers.js';
import type { RunHandle } from '../../../simulator/run/run.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { specToWorkspace } from '../../../simulator/export/spec-to-workspace.js';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { checkLessonsStatic } from '../../../simulator/authoring/check-lessons.js';
import { gradeExercise } from '../../../simulator/exercise/grade.js';

const spec = (o: { loadbalance?: boolean; worker?: number; ids?: boolean; faults?: string[]; rate?: string; processing?: string; output?: string }) => `duration: 10s
drain: 90s
workload: { rate: ${o.rate ?? '100/s'}, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: ${o.output ?? '[ls1, ls2]'}${o.loadbalance === undefined ? '' : `, loadbalance: ${o.loadbalance}`}${o.worker ? `, worker: ${o.worker}` : ''}${o.ids ? ', processors: [add_id]' : ''} }
${['ls1', 'ls2'].map((id) => `  ${id}:
    type: logstash
    pipeline.workers: 1
    processing-time: ${o.processing ?? '0ms'}
    output:
      elasticsearch: { node: es, index: logs${o.ids ? ', document_id: "%{[@metadata][_id]}"' : ''} }`).join('\n')}
  es: { type: elasticsearch }
${o.faults ? `faults:\n${o.faults.map((f) => `  - ${f}`).join('\n')}` : ''}
`;

const last = (h: RunHandle, node: string, metric: string) => h.result.samples.at(-1)!.stages[node]?.[metric] ?? Number.NaN;

/** Logstash needs 3 ms an event: one instance falls behind 500 lines/s, two keep up. */
const busy = { rate: '500/s', processing: '3ms' };

describe('two Logstash hosts behind one Filebeat', () => {
  it('loadbalance: false sends every batch to one host, in file order', () => {
    const h = run(spec({ loadbalance: false, ...busy }));
    const es = h.result.outputs['es']!;
    expect(es.exactlyOnce).toBe(5000);
    expect(es.reordered).toBe(0);
    // The host is drawn from the run's seed (the real Filebeat picks it at random).
    expect([last(h, 'ls1', 'eventsIn'), last(h, 'ls2', 'eventsIn')].sort()).toEqual([0, 5000]);
    expect(h.result.simulatedMs).toBeGreaterThan(16_000);
  });

  it('loadbalance: true spreads batches over both: done sooner, but per-key order is no longer file order', () => {
    const h = run(spec({ loadbalance: true, ...busy }));
    const es = h.result.outputs['es']!;
    expect(es.exactlyOnce).toBe(5000);
    expect(es.duplicated).toBe(0);
    expect(last(h, 'ls1', 'eventsIn')).toBeGreaterThan(0);
    expect(last(h, 'ls2', 'eventsIn')).toBeGreaterThan(0);
    expect(last(h, 'ls1', 'eventsIn') + last(h, 'ls2', 'eventsIn')).toBe(5000);
    // Consecutive batches are processed at the same time by the two instances: their events interleave.
    expect(es.reordered).toBe(1119);
    expect(h.result.simulatedMs).toBeLessThan(13_000);
  });

  it('worker: 2 opens two connections per host, each with its own pipelining window', () => {
    const h = run(spec({ loadbalance: true, worker: 2, ...busy }));
    expect(h.result.outputs['es']!.exactlyOnce).toBe(5000);
    expect(last(h, 'ls1', 'eventsIn')).toBeGreaterThan(0);
    expect(last(h, 'ls2', 'eventsIn')).toBeGreaterThan(0);
  });

  // ls1's network stalls for a second: what is sent then arrives 40 s later, after Filebeat's 30 s timeout.
  const stall = ['{ link: filebeat->ls1, delay: 40s, from: 4s, to: 5s }'];

  it('a batch whose ACK comes too late is resent through the other host, and both instances index it', () => {
    const es = run(spec({ loadbalance: true, faults: stall })).result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(100);
    expect(es.duplicatedAt).toEqual({ filebeat: 100 });
    // The resent batch arrives long after the lines read after it.
    expect(es.reordered).toBe(100);
  });

  it('add_id and document_id on both instances absorb that copy: the resend carries the same ids', () => {
    const es = run(spec({ loadbalance: true, faults: stall, ids: true })).result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(0);
    expect(es.exactlyOnce).toBe(1000);
  });

  it('loadbalance: false moves to the other host when its connection fails; nothing is lost', () => {
    // Crash whichever host the seed picked; the other one takes over after the reset.
    const first = last(run(spec({ loadbalance: false })), 'ls1', 'eventsIn') > 0 ? 'ls1' : 'ls2';
    const other = first === 'ls1' ? 'ls2' : 'ls1';
    const h = run(spec({ loadbalance: false, faults: [`{ crash: ${first}, at: 3500ms }`] }));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    expect(last(h, other, 'eventsIn')).toBeGreaterThan(0);
    expect(last(h, 'filebeat', 'connectionFailures')).toBeGreaterThan(0);
  });

  it('one host in a list behaves as a plain output', () => {
    const one = run(spec({ output: '[ls1]', ...busy })).result;
    const plain = run(spec({ output: 'ls1', ...busy })).result;
    expect(one.outputs).toEqual(plain.outputs);
  });

  it('a list names Logstash nodes only', () => {
    const r = parseSpec(spec({ output: '[ls1, es]' }), 'test.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toContain('nodes.filebeat.output.1: `es` is a elasticsearch node; this needs a logstash node');
  });
});

describe('filebeat.yml naming two Logstash hosts', () => {
  const dir = join(import.meta.dirname, '../../../lessons/02-beats-and-logstash/exercises/a-second-logstash');
  const files = new Map([...readWorkspaceFolder(join(dir, 'starter')), ...readWorkspaceFolder(join(dir, 'solution'))]);

  it('compiles to a list output with loadbalance, and the export writes the list back', () => {
    const r = compileWorkspace(files);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.spec.nodes['filebeat']).toMatchObject({ type: 'beats', output: ['logstash1', 'logstash2'], loadbalance: true, processors: ['add_id'] });
    const back = specToWorkspace(r.spec);
    if (!back.ok) throw new Error(back.refusals.map((x) => x.en).join('\n'));
    const yml = back.value.get('web1/filebeat.yml')!;
    expect(yml).toContain('hosts: ["logstash1:5044", "logstash2:5044"]');
    expect(yml).toContain('loadbalance: true');
    const again = compileWorkspace(new Map([...back.value, ['world.yaml', files.get('world.yaml')!]]));
    if (!again.ok) throw new Error(again.errors.map((e) => e.message).join('\n'));
    expect(again.spec.nodes['filebeat']).toEqual(r.spec.nodes['filebeat']);
  });
});

describe('exercise a-second-logstash: the first fixes that do not work', () => {
  const ex = checkLessonsStatic(readTree(process.cwd(), 'lessons')).exercises.find((e) => e.slug === 'a-second-logstash')!;
  const fb = 'web1/filebeat.yml';
  const failed = (from: string, to: string) => {
    const text = ex.starter[fb]!;
    if (!text.includes(from)) throw new Error(`${fb} has no ${from}`);
    const report = gradeExercise(ex, { ...ex.starter, [fb]: text.replace(from, to) });
    if ('errors' in report) throw new Error(report.errors[0]!.message);
    return report.passed ? [] : (report.failing?.failed ?? []).map((c) => c.name);
  };

  it('loadbalance: false still indexes the late batch twice: the failover resend goes to the other host', () => {
    expect(failed('loadbalance: true', 'loadbalance: false')).toContain('No line is indexed twice');
  });

  it('dropping logstash2 still indexes it twice: the resend goes to logstash1 again', () => {
    expect(failed('"logstash1:5044", "logstash2:5044"', '"logstash1:5044"')).toContain('No line is indexed twice');
  });

  it('a longer timeout hides this stall but makes no resend harmless', () => {
    expect(failed('loadbalance: true ', 'timeout: 60s\n  loadbalance: true ')).toEqual(['The second copy overwrites the first']);
  });

  it('the solution passes', () => {
    expect(gradeExercise(ex, ex.solution)).toMatchObject({ passed: true });
  });
});
