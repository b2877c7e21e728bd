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
