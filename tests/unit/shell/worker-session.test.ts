/**
 * The worker's session without the Worker: runs yield between slices so cancel gets through,
 * an event budget stops a run with `ended: budget`, and `trace` of a record that was not traced
 * replays the same spec and seed with tracing on.
 */
import { describe, it, expect } from 'vitest';
import { createSession } from '../../../workers/session.js';
import type { RunProgress } from '../../../workers/api.js';
import { kafkaPipeline } from './fixtures.js';

const session = () => createSession({ yieldToHost: () => new Promise((r) => setTimeout(r, 0)), wallClock: () => performance.now() });

const spec = (duration: string, rate: string, extra = '') => `
duration: ${duration}
drain: 10s
${extra}
workload: { generator: access-log, rate: ${rate}, files: 2, key: status }
nodes:
  filebeat: { type: beats, output: es }
  es: { type: elasticsearch }
`;

describe('worker session', () => {
  it('cancel stops a long run at the next slice, and the reply says so', async () => {
    const s = session();
    const seen: RunProgress[] = [];
    const reply = s.run({ files: { 'pipeline.yaml': spec('900s', '2000/s') }, seed: 1 }, (p) => {
      seen.push(p);
      if (seen.length === 2) void s.cancel();
    });
    const r = await reply;
    expect(r.kind).toBe('cancelled');
    // It stopped where it was asked to: no later progress than the cancelling one.
    expect(seen.at(-1)!.simulatedMs).toBeLessThan(900_000);
  });

  it('an exhausted event budget ends the run with `budget`', async () => {
    const r = await session().run({ files: { 'pipeline.yaml': spec('10s', '100/s', 'max-events: 5') }, seed: 1 });
    expect(r.kind === 'done' && r.result.ended).toBe('budget');
  });

  it('`sim run` runs the files the page passes, before any Run (and refuses without them)', async () => {
    const s = session();
    expect((await s.shell('sim run')).status).toBe(1);
    const reply = await s.shell('sim run', undefined, { files: { 'pipeline.yaml': spec('5s', '10/s') }, seed: 2 });
    expect(reply.status).toBe(0);
    expect(reply.ran?.kind).toBe('done');
  });

  it('returns parse errors with line and hint instead of running', async () => {
    const r = await session().run({ files: { 'pipeline.yaml': spec('10s', '100/s').replace('duration', 'duratoin') }, seed: 1 });
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.errors[0]).toMatchObject({ line: 2, hint: expect.stringContaining('duration') });
  });

  it('traces an untraced record by replaying the run, through the shell', async () => {
    const s = session();
    // 6,000 records: above the trace-everything threshold, so hops are not recorded in the first run.
    await s.run({ files: { 'pipeline.yaml': spec('30s', '200/s') }, seed: 3 });
    const out = await s.shell('trace access-1.log:10');
    expect(out.status).toBe(0);
    expect(out.text).toMatch(/^record access-1\.log:10 \(rid 19\)/);
    expect(out.text).toContain('filebeat');
    expect(out.text).not.toContain('hops not recorded');
    const ledger = await s.ledger('es', 'lost', 5);
    expect(ledger.total).toBeGreaterThanOrEqual(0);
  });
});

describe('worker session: locked settings', () => {
  const exercise = `title: T\ngoal: G.\nlocked: [/nodes/logstash/pipeline.workers]\nchecks:\n  - outputs.es.lost == 0\nhints: [a, b]\n`;
  const pipe = (workers: number) => `duration: 2s\nworkload: { rate: 10/s }\nnodes:\n  filebeat: { type: beats, output: logstash }\n  logstash: { type: logstash, pipeline.workers: ${workers}, output: { elasticsearch: { node: es, index: logs } } }\n  es: { type: elasticsearch }\n`;

  it('validate marks a changed locked setting as an error, and run refuses it', async () => {
    const s = session();
    const loaded = await s.load('x', '01-a', { 'exercise.yaml': exercise, 'starter/pipeline.yaml': pipe(1), 'solution/pipeline.yaml': pipe(1) });
    expect(loaded.ok).toBe(true);
    const v = await s.validate(pipe(3), 'pipeline.yaml');
    expect(v.errors.map((e) => [e.line, e.message])).toEqual([[5, '`nodes.logstash.pipeline.workers` is locked in this exercise: it must stay 1 (you have 3)']]);
    const r = await s.run({ files: { 'pipeline.yaml': pipe(3) }, seed: 1 });
    expect(r.kind).toBe('invalid');
    expect((await s.validate(pipe(1), 'pipeline.yaml')).errors).toEqual([]);
  });

  it('validate tells the editor where each locked setting stands, changed or not', async () => {
    const s = session();
    await s.load('x', '01-a', { 'exercise.yaml': exercise, 'starter/pipeline.yaml': pipe(1), 'solution/pipeline.yaml': pipe(1) });
    const places = (await s.validate(pipe(1), 'pipeline.yaml')).locked;
    expect(places).toEqual([{ line: 5, column: 49, endLine: 5, endColumn: 50, path: 'nodes.logstash.pipeline.workers' }]);
    // A file that does not parse marks nothing; a file without the setting has nothing to mark.
    expect((await s.validate('nodes: [', 'pipeline.yaml')).locked).toEqual([]);
    expect((await s.validate(pipe(1).replace(', pipeline.workers: 1', ''), 'pipeline.yaml')).locked).toEqual([]);
  });
});

describe('worker session: the terminal remembers what its commands changed', () => {
  // The indexer stays down and leaves its group, so its offsets may be reset.
  const kafkaSpec = kafkaPipeline({ drain: '60s', faults: '[{ crash: indexer, at: 3s }]', consumer: 'session.timeout.ms: 10s' });
  it('an offset reset executed in one line is what --describe shows in the next, until the next run', async () => {
    const s = session();
    await s.run({ files: { 'pipeline.yaml': kafkaSpec }, seed: 1 });
    const reset = await s.shell('kafka-consumer-groups --group indexer --reset-offsets --to-earliest --all-topics --execute');
    expect(reset.status).toBe(0);
    const rows = (await s.shell('kafka-consumer-groups --describe --group indexer')).text.split('\n').filter((l) => l.startsWith('indexer '));
    expect(rows.map((r) => r.split(/\s+/)[3])).toEqual(['0', '0', '0']);
    await s.run({ files: { 'pipeline.yaml': kafkaSpec }, seed: 1 });
    const fresh = (await s.shell('kafka-consumer-groups --describe --group indexer')).text.split('\n').filter((l) => l.startsWith('indexer '));
    expect(fresh.map((r) => r.split(/\s+/)[3])).not.toEqual(['0', '0', '0']);
  });
});
