import { describe, it, expect } from 'vitest';
import { Simulation } from '../../../simulator/core/simulation.js';
import { NetworkFaults } from '../../../simulator/core/network.js';
import type { LinkFaultSpec, PartitionFaultSpec } from '../../../simulator/spec/schema/faults.js';
import { Recorder } from '../../support/test-nodes.js';

const N = 100_000;

function linkFault(over: Partial<LinkFaultSpec>): LinkFaultSpec {
  return { link: 'a->b', loss: 0, duplicate: 0, reorder: 0, 'reorder-delay': 50, delay: 1, jitter: 0, from: 0, ...over };
}

/** Sends N numbered messages a→b, one per ms, and returns what b received. */
function blast(faults: LinkFaultSpec[], partitions: PartitionFaultSpec[] = [], seed = 1) {
  const sim = new Simulation(seed, new NetworkFaults(faults, partitions));
  const a = new Recorder('a');
  const b = new Recorder('b');
  sim.addNode(a);
  sim.addNode(b);
  sim.start();
  for (let i = 0; i < N; i++) sim.at(i, () => sim.send('a', 'b', { kind: 'n', n: i } as never));
  sim.runUntil(Infinity, Infinity);
  return { sim, got: b.received.map((r) => (r.msg as unknown as { n: number }).n), times: b.received.map((r) => r.timeMs) };
}

/** Binomial tolerance: 5 standard deviations. */
function tolerance(p: number): number {
  return 5 * Math.sqrt((p * (1 - p)) / N);
}

describe('links over 100k messages', () => {
  it('lose close to the configured share', () => {
    const { got } = blast([linkFault({ loss: 0.1 })]);
    const lossRate = 1 - got.length / N;
    expect(Math.abs(lossRate - 0.1)).toBeLessThan(tolerance(0.1));
  });

  it('duplicate close to the configured share', () => {
    const { got } = blast([linkFault({ duplicate: 0.05 })]);
    const dupRate = got.length / N - 1;
    expect(Math.abs(dupRate - 0.05)).toBeLessThan(tolerance(0.05));
    expect(new Set(got).size).toBe(N);
  });

  it('reorder about the configured share of messages, and only those', () => {
    const { got } = blast([linkFault({ reorder: 0.2, 'reorder-delay': 20 })]);
    expect(got.length).toBe(N);
    // A held-back message arrives after later ones: count messages that arrive after a higher number.
    let max = -1;
    let overtaken = 0;
    for (const n of got) {
      if (n < max) overtaken++;
      else max = n;
    }
    // Messages are sent 1 ms apart and held back 1–20 ms, so almost every held-back one is overtaken.
    expect(overtaken / N).toBeGreaterThan(0.17);
    expect(overtaken / N).toBeLessThan(0.2 + tolerance(0.2));
  });

  it('keep FIFO order with no reordering and no jitter', () => {
    const { got } = blast([linkFault({ delay: 7 })]);
    expect(got).toEqual([...Array(N).keys()]);
  });

  it('apply delay plus jitter within bounds', () => {
    const { times, got } = blast([linkFault({ delay: 5, jitter: 10 })]);
    const lat = times.map((t, i) => t - got[i]!);
    expect(Math.min(...lat)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lat)).toBeLessThanOrEqual(15);
    const mean = lat.reduce((s, x) => s + x, 0) / lat.length;
    expect(Math.abs(mean - 10)).toBeLessThan(0.1);
  });

  it('act only inside their time window', () => {
    const { got } = blast([linkFault({ loss: 1, from: 1000, to: 2000 })]);
    expect(got.length).toBe(N - 1000);
    expect(got.filter((n) => n >= 1000 && n < 2000)).toEqual([]);
  });

  it('apply to both directions (ACKs travel the same link)', () => {
    const sim = new Simulation(1, new NetworkFaults([linkFault({ loss: 1 })], []));
    const a = new Recorder('a');
    const b = new Recorder('b');
    sim.addNode(a);
    sim.addNode(b);
    sim.start();
    sim.send('b', 'a', { kind: 'ack' });
    sim.runUntil(100, 100);
    expect(a.received).toEqual([]);
  });

  it('give the same fate to the same messages for the same seed, and other fates for another seed', () => {
    const one = blast([linkFault({ loss: 0.3 })], [], 5).got.slice(0, 200);
    const two = blast([linkFault({ loss: 0.3 })], [], 5).got.slice(0, 200);
    const three = blast([linkFault({ loss: 0.3 })], [], 6).got.slice(0, 200);
    expect(one).toEqual(two);
    expect(one).not.toEqual(three);
  });
});

describe('partitions', () => {
  it('deliver nothing across the cut inside the window and everything after it (a retrying sender gets through)', () => {
    const sim = new Simulation(1, new NetworkFaults([], [{ partition: ['b'], from: 100, to: 200 }]));
    const a = new Recorder('a');
    const b = new Recorder('b');
    sim.addNode(a);
    sim.addNode(b);
    sim.start();
    // A sender that retries every 10 ms until it hears an ACK, as Filebeat does.
    let acked = false;
    const attempt = () => {
      if (acked) return;
      sim.send('a', 'b', { kind: 'data' });
      sim.after(10, attempt);
    };
    b.receive = (msg) => {
      b.received.push({ timeMs: sim.now, msg, from: 'a' });
      acked = true;
    };
    sim.at(150, attempt);
    sim.runUntil(1000, 10_000);
    expect(b.received.length).toBe(1);
    expect(b.received[0]!.timeMs).toBeGreaterThanOrEqual(200);
    expect(sim.linkStats.get('a->b')!.cut).toBeGreaterThan(0);
  });

  it('let members of the same side talk to each other', () => {
    const sim = new Simulation(1, new NetworkFaults([], [{ partition: ['b', 'c'], from: 0 }]));
    const [a, b, c] = ['a', 'b', 'c'].map((x) => new Recorder(x)) as [Recorder, Recorder, Recorder];
    [a, b, c].forEach((n) => sim.addNode(n));
    sim.start();
    sim.send('b', 'c', { kind: 'x' });
    sim.send('a', 'c', { kind: 'x' });
    sim.runUntil(100, 100);
    expect(c.received.map((r) => r.from)).toEqual(['b']);
  });

  it('match a broker address through its cluster id', () => {
    const sim = new Simulation(1, new NetworkFaults([], [{ partition: ['kafka'], from: 0 }]));
    const a = new Recorder('logstash');
    const b = new Recorder('kafka/broker-1');
    sim.addNode(a);
    sim.addNode(b);
    sim.start();
    sim.send('logstash', 'kafka/broker-1', { kind: 'produce' });
    sim.runUntil(100, 100);
    expect(b.received).toEqual([]);
  });
});
