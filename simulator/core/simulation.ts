/**
 * The simulation: one virtual clock, one event queue, the nodes, the network between them.
 *
 * Nothing here reads the wall clock or an unseeded random source: time is an integer count of virtual
 * milliseconds that jumps from event to event, and randomness comes from named streams
 * of the run seed. Same spec + same seed → same events in the same order, everywhere.
 */
import { EventQueue, type Task } from './event-queue.js';
import { RngStreams } from './prng.js';
import { deliveryDelays, HEALTHY_LINK } from './link.js';
import { NetworkFaults, groupOf, linkId } from './network.js';
import type { Message, NodeContext, SimNode, LogLevel } from './node.js';
import { Ledger } from '../ledger/ledger.js';
import type { LogLine } from '../run/result.js';
import { forEachRid, type RecordColumn } from './record.js';
import { messageBytes } from '../cost/wire-bytes.js';
import type { Rng } from './prng.js';

interface Route {
  id: string;
  stats: LinkStats;
  rng: Rng;
}

interface Endpoint {
  node: SimNode;
  up: boolean;
  /** Bumped on every crash and restart; timers from an older epoch never fire. */
  epoch: number;
  ctx: NodeContext;
}

/** Per-link counters, for the diagram and the per-stage charts. */
export interface LinkStats {
  sent: number;
  dropped: number;
  duplicated: number;
  cut: number;
  /** Records carried by the messages sent (each copy of a message counts once, at send). */
  records: number;
  /** Payload bytes those records took on the wire, every copy the link carried (cost/wire-bytes.ts). */
  bytes: number;
}

export class Simulation {
  now = 0;
  events = 0;
  /** Record copies put on any link so far (each copy a node may keep crossed one): the run's memory budget counts these. */
  recordCopies = 0;
  readonly queue = new EventQueue();
  readonly rng: RngStreams;
  readonly ledger = new Ledger();
  readonly log: LogLine[] = [];
  readonly linkStats = new Map<string, LinkStats>();
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly onWire = new Map<number, RecordColumn>();
  private readonly routes = new Map<string, Map<string, Route>>();
  private wireSeq = 0;
  private readonly maxLogLines = 5000;

  constructor(
    seed: number,
    readonly faults: NetworkFaults = new NetworkFaults([], []),
  ) {
    this.rng = new RngStreams(seed);
    this.ledger.clock = () => this.now;
  }

  /** Schedules `task` at absolute virtual time `timeMs` (never in the past). */
  at(timeMs: number, task: Task): void {
    this.queue.push(Math.max(timeMs, this.now), task);
  }

  after(delayMs: number, task: Task): void {
    this.queue.push(this.now + Math.max(0, delayMs), task);
  }

  addNode(node: SimNode): void {
    if (this.endpoints.has(node.address)) throw new Error(`duplicate endpoint ${node.address}`);
    const endpoint: Endpoint = { node, up: true, epoch: 0, ctx: undefined as unknown as NodeContext };
    endpoint.ctx = {
      address: node.address,
      group: groupOf(node.address),
      rng: this.rng.stream(`node:${node.address}`),
      ledger: this.ledger,
      now: () => this.now,
      send: (to, msg) => this.send(node.address, to, msg),
      timer: (delayMs, fn) => {
        const epoch = endpoint.epoch;
        this.after(delayMs, () => {
          if (endpoint.up && endpoint.epoch === epoch) fn();
        });
      },
      isUp: (address) => this.isUp(address),
      log: (level, text) => this.addLog(level, node.address, text),
    };
    this.endpoints.set(node.address, endpoint);
  }

  node(address: string): SimNode | undefined {
    return this.endpoints.get(address)?.node;
  }

  nodes(): SimNode[] {
    return [...this.endpoints.values()].map((e) => e.node);
  }

  /** Endpoint addresses belonging to a spec id (`kafka` → its brokers) or the address itself. */
  addressesOf(name: string): string[] {
    if (this.endpoints.has(name)) return [name];
    return [...this.endpoints.keys()].filter((a) => groupOf(a) === name);
  }

  isUp(address: string): boolean {
    return this.endpoints.get(address)?.up ?? false;
  }

  start(): void {
    for (const e of this.endpoints.values()) e.node.start(e.ctx);
  }

  crash(address: string): void {
    const e = this.endpoints.get(address);
    if (!e || !e.up) return;
    e.up = false;
    e.epoch++;
    this.addLog('error', address, 'process crashed: volatile state lost');
    e.node.crash();
    this.announceDown(address);
  }

  /** Tells the processes that care (see SimNode.peerDown) that `address` died, one hop later, unless a partition is in the way. */
  private announceDown(address: string): void {
    for (const p of this.endpoints.values()) {
      if (p.node.address === address || !p.node.peerDown) continue;
      const to = p.node.address;
      if (this.faults.hasPartitions && this.faults.cut(address, to, this.now)) continue;
      const link = this.faults.hasLinkFaults ? this.faults.settings(address, to, this.now) : HEALTHY_LINK;
      this.queue.push(this.now + link.delayMs, () => {
        if (p.up) p.node.peerDown?.(address);
      });
    }
  }

  restart(address: string): void {
    const e = this.endpoints.get(address);
    if (!e || e.up) return;
    e.up = true;
    e.epoch++;
    this.addLog('info', address, 'process restarted from durable state');
    e.node.restart();
  }

  addLog(level: LogLevel, source: string, text: string): void {
    if (this.log.length < this.maxLogLines) this.log.push({ timeMs: this.now, level, source, text });
  }

  /**
   * The route from → to: its spec-level link id, counters and random stream, built once per
   * pair so the hot path does no string building or hashing.
   */
  private route(from: string, to: string): Route {
    let byTo = this.routes.get(from);
    if (!byTo) this.routes.set(from, (byTo = new Map()));
    let route = byTo.get(to);
    if (!route) {
      const id = linkId(from, to);
      let stats = this.linkStats.get(id);
      if (!stats) this.linkStats.set(id, (stats = { sent: 0, dropped: 0, duplicated: 0, cut: 0, records: 0, bytes: 0 }));
      route = { id, stats, rng: this.rng.stream(`link:${from}->${to}`) };
      byTo.set(to, route);
    }
    return route;
  }

  /** Sends over the link from → to: partitions, loss, duplication, delay and reordering apply. */
  send(from: string, to: string, msg: Message): void {
    const route = this.route(from, to);
    const stats = route.stats;
    stats.sent++;
    const records = msg.records;
    if (records) {
      stats.records += records.length;
      this.recordCopies += records.length;
    }
    if (this.faults.hasPartitions && this.faults.cut(from, to, this.now)) {
      stats.cut++;
      if (records) this.noteLossOf(records, route.id, 'network partition');
      return;
    }
    // A cut link carries nothing (the connection fails); a message lost on the way did travel.
    const bytes = messageBytes(msg);
    stats.bytes += bytes;
    const link = this.faults.hasLinkFaults ? this.faults.settings(from, to, this.now) : HEALTHY_LINK;
    if (link === HEALTHY_LINK) {
      // No fault on this link: one copy after the default latency, no random draws.
      this.deliver(from, to, msg, link.delayMs);
      return;
    }
    const delays = deliveryDelays(link, route.rng);
    if (delays.length === 0) {
      stats.dropped++;
      if (records) this.noteLossOf(records, route.id, 'message lost on the link');
      return;
    }
    if (delays.length > 1) {
      stats.duplicated++;
      stats.bytes += bytes;
      if (records) forEachRid(records, (rid) => this.ledger.noteDuplicate(rid, route.id, 'link delivered the message twice'));
    }
    for (const delay of delays) this.deliver(from, to, msg, delay);
  }

  private noteLossOf(records: RecordColumn, where: string, why: string): void {
    forEachRid(records, (rid) => this.ledger.noteLoss(rid, where, why));
  }

  private deliver(from: string, to: string, msg: Message, delayMs: number): void {
    const records = msg.records;
    const wire = records && records.length > 0 ? this.putOnWire(records) : -1;
    this.queue.push(this.now + delayMs, () => {
      if (wire >= 0) this.onWire.delete(wire);
      const target = this.endpoints.get(to);
      if (!target) return;
      if (!target.up) {
        if (records) this.noteLossOf(records, to, 'arrived while the process was down');
        return;
      }
      target.node.receive(msg, from);
    });
  }

  private putOnWire(records: RecordColumn): number {
    const key = this.wireSeq++;
    this.onWire.set(key, records);
    return key;
  }

  /** rids some node holds or the network carries: the ledger's "in flight". */
  heldRecords(): Set<number> {
    const held = new Set<number>();
    const visit = (rid: number) => held.add(rid);
    for (const e of this.endpoints.values()) e.node.heldRecords?.(visit);
    for (const records of this.onWire.values()) forEachRid(records, visit);
    return held;
  }

  /**
   * Whether anything is still in flight: heldRecords().size > 0, without building the set. The
   * first visited record ends the walk (heldRecords only reads node state, so stopping early is safe).
   */
  holdsAnyRecord(): boolean {
    const found = new Error('held record found');
    const stop = () => {
      throw found;
    };
    try {
      for (const records of this.onWire.values()) forEachRid(records, stop);
      for (const e of this.endpoints.values()) e.node.heldRecords?.(stop);
    } catch (error) {
      if (error === found) return true;
      throw error;
    }
    return false;
  }

  /**
   * Runs events up to and including `untilMs`, at most `maxEvents` of them.
   * Returns true when the queue holds nothing more before `untilMs`.
   */
  runUntil(untilMs: number, maxEvents: number): boolean {
    const queue = this.queue;
    let budget = maxEvents;
    while (budget > 0) {
      const t = queue.peekTime();
      if (t > untilMs || queue.size === 0) {
        if (untilMs !== Infinity) this.now = Math.max(this.now, untilMs);
        return true;
      }
      this.now = t;
      const task = queue.pop()!;
      task();
      this.events++;
      budget--;
    }
    return false;
  }
}

