/**
 * SEMANTICS-2 §2.1 through the Logstash s3 output (logstash-output-s3 4.4.1 [S3O1][S3O2]): rotation
 * by time from the temporary file's creation (checked every 15 s) and by size, a finite retry_count
 * that deletes the temporary file, and what `restore` brings back after a crash.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { S3Store } from '../../simulator/nodes/s3/store.js';
import { encodedBytes } from '../../simulator/nodes/logstash/s3-rotation.js';

const spec = (o: { duration: string; drain: string; rate: string; s3: string; faults?: string[] }) => `
duration: ${o.duration}
drain: ${o.drain}
workload: { generator: access-log, rate: ${o.rate}, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    output:
      s3: { node: lake, prefix: raw/${o.s3} }
  lake: { type: s3 }
faults:${o.faults ? o.faults.map((f) => `\n  - ${f}`).join('') : ' []'}
`;
const objects = (h: ReturnType<typeof runYaml>) => [...(h.components.get('lake') as S3Store).listObjects('raw/')].sort((a, b) => a.writtenAtMs - b.writtenAtMs);
const lines = (h: ReturnType<typeof runYaml>) => h.result.log.filter((l) => l.source === 'logstash').map((l) => l.text);

describe('time_file: the clock starts when the temporary file is created (scenario 1)', () => {
  it('time_file 15 (minutes), steady traffic: each part is uploaded 15:00–15:15 after the previous rotation', () => {
    const h = runYaml(spec({ duration: '50m', drain: '20m', rate: '1/s', s3: ', time_file: 15' }));
    const times = objects(h).map((o) => o.writtenAtMs);
    expect(times.length).toBe(4);
    let created = 0;
    for (const t of times) {
      expect(t - created).toBeGreaterThanOrEqual(15 * 60_000);
      expect(t - created).toBeLessThan(15 * 60_000 + 15_000 + 100);
      created = t - 50; // the upload is a few ms after the rotation that created the next file
    }
  });

  it('a file created at start-up with its first event a little later rotates at the 15 s tick after time_file, counted from creation', () => {
    // Events for 5 s, then none. From creation (0 s) time_file 60 s has passed at the 60 s check;
    // counted from the first event it would only have passed at the 75 s check.
    const h = runYaml(spec({ duration: '5s', drain: '120s', rate: '20/s', s3: ', time_file: 1' }));
    const objs = objects(h);
    expect(objs.length).toBe(1);
    expect(objs[0]!.writtenAtMs).toBeGreaterThanOrEqual(60_000);
    expect(objs[0]!.writtenAtMs).toBeLessThan(61_000);
    expect(h.result.outputs['lake']!.exactlyOnce).toBe(100);
  });
});

describe('size_file', () => {
  it('rotation_strategy size: a part closes once it holds size_file bytes (plus at most one batch); the last part waits in the temporary file', () => {
    const h = runYaml(spec({ duration: '20s', drain: '60s', rate: '50/s', s3: ', rotation_strategy: size, size_file: 20000' }));
    const objs = objects(h);
    expect(objs.length).toBeGreaterThan(2);
    for (const o of objs) {
      const bytes = [...o.records].reduce((n, r) => n + encodedBytes(r.fields['message']), 0);
      expect(bytes).toBeGreaterThanOrEqual(20_000);
      expect(bytes).toBeLessThan(20_000 + 125 * 400);
    }
    const lake = h.result.outputs['lake']!;
    // Never rotated by time: the rest is still on Logstash's disk when the run ends.
    expect(lake.inFlight).toBeGreaterThan(0);
    expect(lake.exactlyOnce + lake.inFlight).toBe(lake.generated);
  });
});

describe('upload failures (scenario 3)', () => {
  const down = ['{ crash: lake, at: 1s, restart-after: 300s }'];

  it('retry_count 3: a part that fails 4 times is deleted; its events are lost at logstash', () => {
    const h = runYaml(spec({ duration: '10s', drain: '400s', rate: '20/s', s3: ', time_file: 5s, retry_count: 3', faults: down }));
    const lake = h.result.outputs['lake']!;
    expect(lines(h).some((t) => t.includes('Failed to upload file') && t.includes('after 4 attempts'))).toBe(true);
    expect(lake.lost).toBeGreaterThan(0);
    expect(lake.lostAt).toEqual({ logstash: lake.lost });
    expect(lake.exactlyOnce + lake.lost).toBe(lake.generated);
  });

  it('retry_count unset (Infinity): uploads retry until the bucket works; nothing lost', () => {
    const h = runYaml(spec({ duration: '10s', drain: '400s', rate: '20/s', s3: ', time_file: 5s', faults: down }));
    const lake = h.result.outputs['lake']!;
    expect(lake.lost).toBe(0);
    expect(lake.inFlight).toBe(0);
    expect(lake.exactlyOnce).toBe(lake.generated);
  });
});

describe('a Logstash crash with a half-filled part (scenario 2)', () => {
  const crash = ['{ crash: logstash, at: 40s, restart-after: 5s }'];

  it('restore (default): the part left on disk is uploaded at startup as its own object; nothing lost', () => {
    const h = runYaml(spec({ duration: '60s', drain: '120s', rate: '10/s', s3: ', time_file: 1', faults: crash }));
    const lake = h.result.outputs['lake']!;
    expect(lines(h).some((t) => t.includes('restoring 1 temporary file'))).toBe(true);
    const first = objects(h)[0]!;
    // The restored part holds what was written before the crash, uploaded right after the restart.
    expect(first.writtenAtMs).toBeGreaterThanOrEqual(45_000);
    expect(first.writtenAtMs).toBeLessThan(46_000);
    expect(lake.lost).toBe(0);
    expect(lake.inFlight).toBe(0);
  });

  it('restore => false: the plugin never uploads the part a crash left behind', () => {
    const h = runYaml(spec({ duration: '60s', drain: '120s', rate: '10/s', s3: ', time_file: 1, restore: false', faults: crash }));
    const lake = h.result.outputs['lake']!;
    expect(lake.lost).toBeGreaterThan(0);
    expect(lake.lostAt).toEqual({ logstash: lake.lost });
    expect(lake.inFlight).toBe(0);
  });
});
