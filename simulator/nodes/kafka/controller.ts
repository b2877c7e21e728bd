/**
 * The controller (KRaft's active controller, modelled simply but deterministically): the one
 * authority on partition leaders, leader epochs and ISRs (SEMANTICS §3).
 *
 * - Liveness: brokers heartbeat to it; one it has not heard from for `broker.session.timeout.ms`
 *   (9 s) — crashed, or cut off by a partition — is fenced: removed from every ISR it is in
 *   (unless it is the last member) and replaced as leader.
 * - Election: the new leader is the first live replica (in replica order) that is in the ISR.
 *   With none, the partition goes offline until an ISR member returns — unless
 *   `unclean.leader.election.enable` lets an out-of-sync replica lead, whose log then wins and
 *   acknowledged records beyond it are truncated away (lost).
 * - ISR changes requested by a leader (AlterPartition) are accepted only from the current leader
 *   epoch and only if the leader can reach the controller: a cut-off ("zombie") leader cannot
 *   shrink its ISR, so its acks=all writes stall instead of succeeding alone.
 * - Metadata reaches each broker when it is reachable; a partitioned broker keeps its stale view.
 */
import type { Simulation } from '../../core/simulation.js';

export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly replicas: readonly number[];
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
}

export interface MetadataListener {
  readonly brokerId: number;
  readonly address: string;
  /** Applies the controller's view of one partition (only called while the broker is up and reachable). */
  applyPartition(state: Readonly<PartitionState>): void;
}

const HEARTBEAT_INTERVAL_MS = 2000;
const SESSION_TIMEOUT_MS = 9000;

export class Controller {
  readonly partitions = new Map<string, PartitionState>();
  readonly fenced = new Set<number>();
  private readonly lastSeen = new Map<number, number>();
  private readonly applied = new Map<number, number>();
  private readonly needsRegistration = new Set<number>();
  private version = 0;
  readonly listeners = new Map<number, MetadataListener>();
  /** Incremented on every change, for the `metrics()` counters. */
  elections = 0;
  uncleanElections = 0;
  /** Called after an unclean election made `leader` lead `topic`-`partition` (the cluster notes what is lost). */
  onUncleanElection: ((topic: string, partition: number, leader: number) => void) | null = null;

  constructor(
    private readonly sim: Simulation,
    readonly address: string,
    private readonly unclean: boolean,
    private readonly log: (text: string) => void,
  ) {}

  start(): void {
    for (const id of this.listeners.keys()) this.lastSeen.set(id, 0);
    const tick = () => {
      this.tick();
      this.sim.after(HEARTBEAT_INTERVAL_MS, tick);
    };
    this.sim.after(HEARTBEAT_INTERVAL_MS, tick);
  }

  /** Whether a broker's heartbeat (and requests to the controller) get through now. */
  reachable(brokerId: number): boolean {
    const l = this.listeners.get(brokerId);
    return !!l && this.sim.isUp(l.address) && !this.sim.faults.cut(l.address, this.address, this.sim.now);
  }

  /** A restarted broker re-registers: it lost its in-memory state, so it is treated as newly returned. */
  register(brokerId: number): void {
    this.needsRegistration.add(brokerId);
    if (this.reachable(brokerId)) this.tick();
  }

  private tick(): void {
    const now = this.sim.now;
    for (const id of this.listeners.keys()) {
      if (this.reachable(id)) {
        this.lastSeen.set(id, now);
        if (this.needsRegistration.delete(id) && !this.fenced.has(id)) {
          // A fast restart within the session timeout: the old incarnation's leadership is moved.
          this.fence(id);
        }
        if (this.fenced.has(id)) this.unfence(id);
      } else if (!this.fenced.has(id) && now - (this.lastSeen.get(id) ?? 0) >= SESSION_TIMEOUT_MS) {
        this.fence(id);
      }
    }
    this.publish();
  }

  private fence(id: number): void {
    this.fenced.add(id);
    this.log(`broker ${id} fenced: no heartbeat for broker.session.timeout.ms`);
    for (const p of this.partitions.values()) {
      if (p.isr.includes(id) && p.isr.length > 1) p.isr = p.isr.filter((b) => b !== id);
      if (p.leader === id) this.elect(p);
    }
    this.version++;
  }

  private unfence(id: number): void {
    this.fenced.delete(id);
    this.log(`broker ${id} registered and unfenced`);
    for (const p of this.partitions.values()) if (p.leader === null && p.replicas.includes(id)) this.elect(p);
    this.version++;
  }

  private live(id: number): boolean {
    return !this.fenced.has(id) && this.listeners.has(id);
  }

  private elect(p: PartitionState): void {
    const clean = p.replicas.find((r) => p.isr.includes(r) && this.live(r));
    const before = p.leader;
    if (clean !== undefined) {
      p.leader = clean;
      if (before !== null && before !== clean && p.isr.length > 1) p.isr = p.isr.filter((b) => b !== before);
    } else if (this.unclean) {
      const any = p.replicas.find((r) => this.live(r));
      if (any === undefined) p.leader = null;
      else {
        p.leader = any;
        p.isr = [any];
        this.uncleanElections++;
        this.log(`${p.topic}-${p.partition}: unclean leader election of out-of-sync broker ${any}: records it lacks are gone`);
        this.onUncleanElection?.(p.topic, p.partition, any);
      }
    } else {
      p.leader = null;
    }
    if (p.leader !== before || p.leader !== null) {
      p.leaderEpoch++;
      this.elections++;
    }
    if (p.leader === null) this.log(`${p.topic}-${p.partition} offline: no in-sync replica is alive (unclean.leader.election.enable=false)`);
    else if (p.leader !== before) this.log(`${p.topic}-${p.partition}: broker ${p.leader} elected leader (epoch ${p.leaderEpoch})`);
  }

  /** AlterPartition from a leader: accepted only from the current leader epoch over a working connection. */
  alterIsr(brokerId: number, topic: string, partition: number, leaderEpoch: number, isr: number[]): boolean {
    const p = this.partitions.get(`${topic}-${partition}`);
    if (!p || p.leader !== brokerId || p.leaderEpoch !== leaderEpoch || !this.reachable(brokerId)) return false;
    if (!isr.includes(brokerId)) return false;
    p.isr = [...isr].sort((a, b) => p.replicas.indexOf(a) - p.replicas.indexOf(b));
    this.version++;
    this.publish();
    return true;
  }

  /** Sends the current view to every reachable broker that has not seen it. */
  publish(): void {
    for (const [id, l] of this.listeners) {
      if ((this.applied.get(id) ?? -1) === this.version || !this.reachable(id)) continue;
      this.applied.set(id, this.version);
      for (const p of this.partitions.values()) if (p.replicas.includes(id)) l.applyPartition(p);
    }
  }

  /** A broker that restarted has an empty view until the controller sends it again. */
  forget(brokerId: number): void {
    this.applied.delete(brokerId);
  }

  changed(): void {
    this.version++;
    this.publish();
  }
}
