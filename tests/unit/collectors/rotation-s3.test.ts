/** Log rotation losses in Filebeat (SEMANTICS §1) and the Logstash s3 output into the object store. */
import { describe, it, expect } from 'vitest';
import { run, beatsLogstashEs } from './helpers.js';
import type { S3Store } from '../../../simulator/nodes/s3/store.js';

describe('rotation', () => {
  // Rotation every 2 s; a new file is found by the next scan (scan_frequency).
  const rotated = (faults: string[], keep: number, scan: string) =>
    beatsLogstashEs({ files: 1, faults, filebeat: `    scan_frequency: ${scan}` }).replace('malformed: 0 }', `malformed: 0, rotate: { every: 2s, keep: ${keep} } }`);

  it('with Filebeat running, rotated files are read to the end: nothing lost', () => {
    const es = run(rotated([], 1, '1s')).result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.exactlyOnce).toBe(1000);
  });

  it('a new file deleted before the next scan finds it is never read (scan_frequency 10s, keep 0)', () => {
    const es = run(rotated([], 0, '10s')).result.outputs['es']!;
    // Files created at 2, 4, 6, 8 s live 2 s each; only the first file and those alive at a scan (10 s) are read.
    expect(es.lost).toBe(800);
    expect(es.lostAt).toEqual({ filebeat: 800 });
  });

  it('files deleted while Filebeat is down lose their unread lines, noted at filebeat', () => {
    const h = run(rotated(['{ crash: filebeat, at: 3s, restart-after: 4s }'], 0, '1s'));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    expect(es.lostAt).toEqual({ filebeat: es.lost });
    expect(es.inFlight).toBe(0);
    // The files of [2 s, 4 s) and [4 s, 6 s) are deleted at 4 s and 6 s while Filebeat is down:
    // their lines after the flushed registry offset are gone. The registry flushed at 3 s covers lines
    // 0–200 (the 2 s read, ACKed at 2.002 s); the 3 s read was not ACKed yet. Lost: lines 201–599.
    expect(es.lost).toBe(399);
    expect(h.sim.ledger.fateOf(450, 0, new Set())).toMatch(/rotated away before read/);
    // Each file copy is counted lost once: when its file was deleted, not again when the restarted harvester
    // skips it: 399 lines lost for good, plus 100 lines delivered before the crash whose file the restarted
    // harvester (back at its flushed registry offset) went back for and found deleted.
    expect(h.sim.ledger.notesAt.get('filebeat')?.lost).toBe(399 + 100);
  });
});

describe('Logstash s3 output', () => {
  it('uploads one object per time_file with every event; a Logstash crash loses nothing (temporary files on disk)', () => {
    const yaml = `duration: 10s
drain: 120s
workload: { rate: 100/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    output:
      s3: { node: lake, prefix: raw/, time_file: 2s }
  lake: { type: s3 }
faults:
  - { crash: logstash, at: 5s, restart-after: 1s }
`;
    const h = run(yaml);
    const lake = h.result.outputs['lake']!;
    expect(lake.lost).toBe(0);
    expect(lake.inFlight).toBe(0);
    const store = h.components.get('lake') as S3Store;
    expect(store.objectCount()).toBeGreaterThanOrEqual(4);
    expect(store.listObjects('raw/').length).toBe(store.objectCount());
    expect(store.listObjects('other/')).toEqual([]);
  });
});
