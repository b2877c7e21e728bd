import { describe, it, expect } from 'vitest';
import { Simulation } from '../../../simulator/core/simulation.js';
import { CheckpointingCounter, Recorder } from '../../support/test-nodes.js';

describe('crash and restart', () => {
  it('loses volatile state, keeps durable state, and resumes from it', () => {
    const sim = new Simulation(1);
    const node = new CheckpointingCounter('counter', 5);
    sim.addNode(node);
    sim.start();
    sim.runUntil(125, 1e6); // 12 ticks: volatile 12, durable 10
    expect(node.volatile).toBe(12);
    expect(node.durable).toBe(10);
    sim.crash('counter');
    expect(Number.isNaN(node.volatile)).toBe(true);
    expect(node.durable).toBe(10);
    sim.restart('counter');
    expect(node.volatile).toBe(10);
  });

  it('never fires timers set before the crash, even after a restart', () => {
    const sim = new Simulation(1);
    const node = new CheckpointingCounter('counter', 1000);
    sim.addNode(node);
    sim.start();
    sim.runUntil(5, 1e6);
    sim.crash('counter');
    sim.runUntil(100, 1e6);
    expect(node.ticks).toBe(0);
    sim.restart('counter');
    sim.runUntil(200, 1e6);
    // Only the restarted timer chain runs: one tick per 10 ms from t=100.
    expect(node.ticks).toBe(10);
  });

  it('drops messages that arrive while the process is down, and records why', () => {
    const sim = new Simulation(1);
    const a = new Recorder('a');
    const b = new Recorder('b');
    sim.addNode(a);
    sim.addNode(b);
    sim.start();
    sim.ledger.generated = 1;
    sim.crash('b');
    sim.send('a', 'b', { kind: 'data', records: [{ rid: 0, id: 'r0', eventTimeMs: 0, fields: {} }] });
    sim.runUntil(10, 10);
    expect(b.received).toEqual([]);
    expect(sim.ledger.lossOf(0)).toEqual({ where: 'b', why: 'arrived while the process was down' });
  });

  it('keeps records on the wire in flight until they land', () => {
    const sim = new Simulation(1);
    sim.addNode(new Recorder('a'));
    sim.addNode(new Recorder('b'));
    sim.start();
    sim.send('a', 'b', { kind: 'data', records: [{ rid: 3, id: 'r3', eventTimeMs: 0, fields: {} }] });
    expect([...sim.heldRecords()]).toEqual([3]);
    sim.runUntil(10, 10);
    expect([...sim.heldRecords()]).toEqual([]);
  });
});

import { Ledger } from '../../../simulator/ledger/ledger.js';

describe('the ledger', () => {
  it('counts reordering per key: an overtaken record of another key is not out of order', () => {
    const ledger = new Ledger();
    ledger.generated = 4;
    const counts = new Uint32Array([1, 1, 1, 1]);
    // rids 0 and 2 have key a, 1 and 3 key b: in 1, 0, 3, 2 each record only overtakes the other key.
    ledger.keyOf = (rid) => (rid % 2 === 0 ? 'a' : 'b');
    expect(ledger.account(counts, new Set(), [1, 0, 3, 2]).reordered).toBe(0);
    expect(ledger.account(counts, new Set(), [2, 0, 1, 3]).reordered).toBe(1);
    ledger.keyOf = null;
    expect(ledger.account(counts, new Set(), [1, 0, 3, 2]).reordered).toBe(2);
  });

  it('reads each fate off the counts: once, duplicated, in flight, filtered, late, lost with its place', () => {
    const ledger = new Ledger();
    ledger.generated = 6;
    ledger.noteDuplicate(1, 'filebeat', 'resent');
    ledger.noteFiltered(3, 'logstash');
    ledger.noteLate(4, 'flink');
    ledger.noteLoss(5, 'filebeat->logstash', 'message lost on the link');
    const out = ledger.account(new Uint32Array([1, 3, 0, 0, 0, 0]), new Set([2]));
    expect(out).toMatchObject({ exactlyOnce: 1, duplicated: 1, extraCopies: 2, inFlight: 1, filtered: 1, late: 1, lost: 1 });
    expect(out.duplicatedAt).toEqual({ filebeat: 1 });
    expect(out.lostAt).toEqual({ 'filebeat->logstash': 1 });
    expect(ledger.fateOf(5, 0, new Set())).toBe('lost at filebeat->logstash: message lost on the link');
  });
});
