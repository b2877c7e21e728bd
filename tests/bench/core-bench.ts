/**
 * Core throughput: a chain of relay nodes passing messages over links through the full
 * Simulation (network, link settings, timers), against a bare heap loop with trivial handlers
 * doing the same number of events in the same process.
 */
import { EventQueue } from '../../simulator/core/event-queue.js';
import { Simulation } from '../../simulator/core/simulation.js';
import type { Message, NodeContext, SimNode } from '../../simulator/core/node.js';

class Relay implements SimNode {
  private ctx!: NodeContext;
  constructor(
    readonly address: string,
    private readonly next: string | null,
  ) {}
  start(ctx: NodeContext): void {
    this.ctx = ctx;
  }
  receive(msg: Message): void {
    if (this.next) this.ctx.send(this.next, msg);
  }
  crash(): void {}
  restart(): void {}
}

export interface Timing {
  events: number;
  ms: number;
  perSecond: number;
}

function time(fn: () => number): Timing {
  const t0 = process.hrtime.bigint();
  const events = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { events, ms, perSecond: events / (ms / 1000) };
}

export function bareHeapLoop(events: number): Timing {
  return time(() => {
    const q = new EventQueue();
    let count = 0;
    // Keep ~the same heap size as the pipeline run: a window of pending events.
    const task = () => {
      count++;
    };
    let t = 0;
    for (let i = 0; i < 64; i++) q.push(t++, task);
    let done = 0;
    while (q.size > 0) {
      q.pop()!();
      done++;
      if (t < events) q.push(t++, task);
    }
    return done + count * 0;
  });
}

export function pipelineLoop(nodes: number, messages: number): Timing {
  return time(() => {
    const sim = new Simulation(1);
    for (let i = 0; i < nodes; i++) sim.addNode(new Relay(`n${i}`, i + 1 < nodes ? `n${i + 1}` : null));
    sim.start();
    const msg: Message = { kind: 'data' };
    // A source injecting one message per ms at the head of the chain.
    let sent = 0;
    const inject = () => {
      sim.send('n0', 'n1', msg);
      if (++sent < messages) sim.after(1, inject);
    };
    sim.at(0, inject);
    sim.runUntil(Infinity, Infinity);
    return sim.events;
  });
}
