/**
 * The group coordinator (SEMANTICS §3, KafkaConsumer javadoc). Committed offsets live in the
 * replicated `__consumer_offsets` topic, so they are cluster-wide here and survive broker crashes.
 *
 * Membership follows the classic (eager) protocol: a join, a leave, a member whose heartbeats stop
 * for session.timeout.ms, or one that left because it did not poll within max.poll.interval.ms,
 * starts a rebalance. Every member must rejoin (each does so on its next poll); members that do
 * not rejoin within the rebalance timeout are dropped. Then the generation increases and the
 * partitions are assigned (range or round robin, deterministic by member id). A commit from a
 * member that is no longer in the group, or from an older generation, fails — the client's
 * CommitFailedException — and the partition's new owner starts at the last committed offset.
 */
import type { Message } from '../../core/node.js';
import type { Broker } from './broker.js';
import type { KafkaCluster } from './cluster.js';
import type { GroupDescription } from './client-api.js';

interface Member {
  memberId: string;
  host: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  lastHeardMs: number;
  joined: boolean;
  pendingJoin: { broker: Broker; from: string; requestId: number } | null;
  assignment: number[];
  /** The topic's partition count in this member's metadata when it last joined. */
  knownPartitions: number;
}

interface Group {
  id: string;
  topic: string;
  strategy: 'range' | 'roundrobin';
  state: 'Empty' | 'PreparingRebalance' | 'Stable';
  generation: number;
  members: Map<string, Member>;
  rebalanceDeadlineMs: number;
  committed: Map<number, number>;
  /** When each partition's offset was committed, and when a member last resumed there (see resumePoints). */
  committedAtMs: Map<number, number>;
  resumedAtMs: Map<number, number>;
  coordinator: number | null;
  /** Whether that coordinator's process was up at the last tick: one coming back loads the group again. */
  coordinatorUp: boolean;
  /** group.initial.rebalance.delay.ms: the first rebalance of an empty group waits for more members. */
  initialDelayUntil?: number;
  /** When the group last became empty, and when it last committed (offsets.retention.minutes counts from the later). */
  emptySinceMs: number;
  lastCommitMs: number;
}

interface GroupRequest extends Message {
  requestId: number;
  group: string;
  topic: string;
  memberId?: string | null;
  generation?: number;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  strategy?: 'range' | 'roundrobin';
  offsets?: [number, number][];
  /** JoinGroup: the partition count the member's metadata shows (the leader assigns from its own). */
  partitions?: number;
}

const TICK_MS = 500;

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private memberSeq = 0;

  constructor(private readonly cluster: KafkaCluster) {}

  start(): void {
    const tick = () => {
      this.tick();
      this.cluster.sim.after(TICK_MS, tick);
    };
    this.cluster.sim.after(TICK_MS, tick);
  }

  private group(id: string, topic: string): Group {
    let g = this.groups.get(id);
    if (!g) {
      const now = this.cluster.sim.now;
      g = { id, topic, strategy: 'range', state: 'Empty', generation: 0, members: new Map(), rebalanceDeadlineMs: 0, committed: new Map(), committedAtMs: new Map(), resumedAtMs: new Map(), coordinator: null, coordinatorUp: false, emptySinceMs: now, lastCommitMs: now };
      this.groups.set(id, g);
    }
    return g;
  }

  committedOffsets(group: string, _topic: string): ReadonlyMap<number, number> {
    return this.groups.get(group)?.committed ?? new Map();
  }

  commitFromTransaction(group: string, topic: string, offsets: [number, number][]): void {
    this.commit(this.group(group, topic), offsets);
  }

  /**
   * `kafka-consumer-groups.sh --reset-offsets --execute` (AdminClient.alterConsumerGroupOffsets):
   * the caller has checked the group has no members, as the broker does.
   */
  alterOffsets(group: string, topic: string, offsets: readonly [number, number][]): void {
    this.commit(this.group(group, topic), offsets);
  }

  private commit(g: Group, offsets: readonly [number, number][]): void {
    const now = this.cluster.sim.now;
    for (const [p, o] of offsets) {
      g.committed.set(p, o);
      g.committedAtMs.set(p, now);
    }
    g.lastCommitMs = now;
  }

  /**
   * Where a member resumes each of `partitions`: the committed offset, and the time since which
   * records written below it are news to the group — the later of the commit and the group's last
   * resume there. A log writes below an offset a reader committed only after a truncation under it
   * (an unclean leader election): those offsets now hold other records, which the group skips.
   * The time moves on with each resume, so the consumer reports each skipped record once.
   */
  private resumePoints(g: Group, partitions: readonly number[]): [number, number, number][] {
    const now = this.cluster.sim.now;
    const points: [number, number, number][] = [];
    for (const p of partitions) {
      const offset = g.committed.get(p);
      if (offset === undefined) continue;
      points.push([p, offset, Math.max(g.committedAtMs.get(p) ?? 0, g.resumedAtMs.get(p) ?? -1)]);
      g.resumedAtMs.set(p, now);
    }
    return points;
  }

  handle(broker: Broker, msg: Message, from: string): void {
    const req = msg as GroupRequest;
    const reply = (body: Record<string, unknown>) => broker.ctx.send(from, { kind: `${msg.kind}.response`, requestId: req.requestId, ...body } as Message);
    if (this.cluster.coordinatorFor(req.group) !== broker.brokerId) return reply({ error: 'NOT_COORDINATOR' });
    const g = this.group(req.group, req.topic);
    const now = this.cluster.sim.now;
    const member = req.memberId ? g.members.get(req.memberId) : undefined;
    if (member) member.lastHeardMs = now;
    switch (msg.kind) {
      case 'kafka.group.join': {
        let m = member;
        if (!m) {
          m = {
            memberId: `${from}-${++this.memberSeq}`,
            host: from,
            sessionTimeoutMs: req.sessionTimeoutMs ?? 45_000,
            rebalanceTimeoutMs: req.rebalanceTimeoutMs ?? 300_000,
            lastHeardMs: now,
            joined: false,
            pendingJoin: null,
            assignment: [],
            knownPartitions: 0,
          };
          g.members.set(m.memberId, m);
          if (req.strategy) g.strategy = req.strategy;
        }
        m.joined = true;
        m.knownPartitions = req.partitions ?? this.cluster.partitionsFor(g.topic);
        m.pendingJoin = { broker, from, requestId: req.requestId };
        if (g.state !== 'PreparingRebalance') this.prepareRebalance(g, g.state === 'Empty' ? this.cluster.initialRebalanceDelayMs : 0);
        this.maybeComplete(g);
        return;
      }
      case 'kafka.group.heartbeat':
        if (!member) return reply({ error: 'UNKNOWN_MEMBER_ID' });
        if (g.state === 'PreparingRebalance') return reply({ error: 'REBALANCE_IN_PROGRESS' });
        if (req.generation !== g.generation) return reply({ error: 'ILLEGAL_GENERATION' });
        return reply({});
      case 'kafka.group.leave':
        if (member) this.remove(g, member, 'left the group');
        return;
      case 'kafka.offset.commit': {
        // Manual assignment (memberId null) commits without membership, as the simple consumer API allows.
        if (req.memberId) {
          if (!member) return reply({ error: 'UNKNOWN_MEMBER_ID' });
          if (req.generation !== g.generation) return reply({ error: 'ILLEGAL_GENERATION' });
        }
        this.commit(g, req.offsets ?? []);
        return reply({});
      }
      case 'kafka.offset.fetch':
        return reply({ committed: [...g.committed] });
    }
  }

  private prepareRebalance(g: Group, delayMs: number): void {
    g.state = 'PreparingRebalance';
    let timeout = 0;
    for (const m of g.members.values()) timeout = Math.max(timeout, m.rebalanceTimeoutMs);
    g.rebalanceDeadlineMs = this.cluster.sim.now + Math.max(delayMs, timeout);
    g.initialDelayUntil = this.cluster.sim.now + delayMs;
    for (const m of g.members.values()) if (!m.pendingJoin) m.joined = false;
  }

  private maybeComplete(g: Group): void {
    if (g.state !== 'PreparingRebalance') return;
    const now = this.cluster.sim.now;
    if (now < (g.initialDelayUntil ?? 0)) return;
    const all = [...g.members.values()].every((m) => m.joined);
    if (!all && now < g.rebalanceDeadlineMs) return;
    for (const m of [...g.members.values()]) if (!m.joined) g.members.delete(m.memberId);
    g.generation++;
    const ids = [...g.members.keys()].sort();
    // The leader (here the first member id) computes the assignment from the metadata it has.
    const leader = ids[0];
    const n = leader !== undefined ? g.members.get(leader)!.knownPartitions : this.cluster.partitionsFor(g.topic);
    const assignment = assign(g.strategy, ids, n);
    g.state = g.members.size === 0 ? 'Empty' : 'Stable';
    if (g.members.size === 0) g.emptySinceMs = now;
    if (ids.length > 0) this.cluster.sim.addLog('info', this.cluster.id, `group ${g.id} generation ${g.generation}: ${ids.map((id) => `${id}→[${(assignment.get(id) ?? []).join(',')}]`).join(' ')}`);
    for (const id of ids) {
      const m = g.members.get(id)!;
      m.assignment = assignment.get(id) ?? [];
      // The join answers the member: its session timer starts again from now (GroupCoordinator.onCompleteJoin,
      // completeAndScheduleNextHeartbeatExpiration), so a member whose join waited longer than its session
      // timeout is not dropped before its first heartbeat.
      m.lastHeardMs = now;
      const pending = m.pendingJoin;
      m.pendingJoin = null;
      if (pending && this.cluster.sim.isUp(pending.broker.address)) {
        pending.broker.ctx.send(pending.from, {
          kind: 'kafka.group.join.response',
          requestId: pending.requestId,
          memberId: id,
          generation: g.generation,
          assignment: m.assignment,
          leader,
          assignedFrom: n,
          committed: this.resumePoints(g, m.assignment),
        } as Message);
      }
    }
  }

  private remove(g: Group, m: Member, why: string): void {
    g.members.delete(m.memberId);
    this.cluster.sim.addLog('warn', this.cluster.id, `group ${g.id}: member ${m.memberId} ${why}; rebalancing`);
    if (g.members.size === 0) {
      g.state = 'Empty';
      g.generation++;
      g.emptySinceMs = this.cluster.sim.now;
      return;
    }
    if (g.state !== 'PreparingRebalance') this.prepareRebalance(g, 0);
    this.maybeComplete(g);
  }

  private tick(): void {
    const now = this.cluster.sim.now;
    for (const g of this.groups.values()) {
      // A coordinator that takes the group over (its broker fenced, or the same broker back from a crash)
      // loads it from __consumer_offsets and starts every member's session timer again
      // (GroupCoordinator.onGroupLoaded): members that could not reach a dead coordinator are not dropped for it.
      const coordinator = this.cluster.coordinatorFor(g.id);
      const up = coordinator !== null && this.cluster.sim.isUp(this.cluster.brokerAddress(coordinator));
      if (coordinator !== g.coordinator || (up && !g.coordinatorUp)) {
        for (const m of g.members.values()) m.lastHeardMs = now;
      }
      g.coordinator = coordinator;
      g.coordinatorUp = up;
      if (!up) continue;
      for (const m of [...g.members.values()]) {
        if (!m.pendingJoin && now - m.lastHeardMs > m.sessionTimeoutMs) this.remove(g, m, `sent no heartbeat within session.timeout.ms (${m.sessionTimeoutMs} ms)`);
      }
      this.maybeComplete(g);
      this.expireOffsets(g, now);
    }
  }

  /**
   * offsets.retention.minutes (KIP-211): the committed offsets of a group that has had no members
   * for that long (or, for commits without membership, since its last commit) are deleted. The
   * group's next consumer then has no committed offset and falls back to auto.offset.reset —
   * with `latest`, everything it did not read is skipped (MISCONCEPTIONS 5). The real broker
   * checks every offsets.retention.check.interval.ms (10 min); here at every coordinator tick.
   */
  private expireOffsets(g: Group, now: number): void {
    if (g.members.size > 0 || g.committed.size === 0) return;
    const retentionMs = this.cluster.spec['offsets.retention.minutes'] * 60_000;
    if (now - Math.max(g.emptySinceMs, g.lastCommitMs) < retentionMs) return;
    g.committed.clear();
    g.committedAtMs.clear();
    g.resumedAtMs.clear();
    this.cluster.sim.addLog('warn', this.cluster.id, `group ${g.id}: committed offsets expired (empty for offsets.retention.minutes = ${this.cluster.spec['offsets.retention.minutes']})`);
  }

  describe(): GroupDescription[] {
    return [...this.groups.values()].map((g) => {
      const ends = this.cluster.logEndOffsets(g.topic);
      return {
        group: g.id,
        topic: g.topic,
        generation: g.generation,
        members: [...g.members.values()].map((m) => ({ memberId: m.memberId, host: m.host, partitions: [...m.assignment] })),
        committed: ends.map((end, p) => {
          const c = g.committed.get(p);
          return { partition: p, offset: c ?? null, logEndOffset: end, lag: c === undefined ? end : Math.max(0, end - c) };
        }),
      };
    });
  }
}

/** Range: contiguous blocks, earlier members take one extra. Round robin: partition i to member i mod n. */
export function assign(strategy: 'range' | 'roundrobin', memberIds: readonly string[], partitions: number): Map<string, number[]> {
  const out = new Map<string, number[]>(memberIds.map((id) => [id, []]));
  const n = memberIds.length;
  if (n === 0) return out;
  for (let p = 0; p < partitions; p++) {
    let owner: number;
    if (strategy === 'roundrobin') owner = p % n;
    else {
      const per = Math.floor(partitions / n);
      const extra = partitions % n;
      const boundary = extra * (per + 1);
      owner = p < boundary ? Math.floor(p / (per + 1)) : extra + Math.floor((p - boundary) / Math.max(1, per));
    }
    out.get(memberIds[owner]!)!.push(p);
  }
  return out;
}
