/**
 * The consumer's group membership (SEMANTICS §3): join/rejoin, heartbeats, the poll-interval
 * check, auto-commit, and commits carrying the member id and generation so a member that was
 * removed cannot commit over the new owner (CommitFailedException).
 */
import type { KafkaConsumer } from './consumer.js';

const RETRY_MS = 100;

export class ConsumerGroupMembership {
  memberId: string | null = null;
  generation = -1;
  private needsJoin = false;
  private joining = false;
  private lastPollMs = 0;
  private lastAutoCommitMs = 0;
  private heartbeating = false;
  private onAssigned: ((partitions: number[]) => void) | undefined;
  private onRevoked: ((partitions: number[]) => void) | undefined;
  /**
   * The partition count the group leader assigned from (its metadata then); null on other members.
   * Only the leader compares it with its metadata at each poll (ConsumerCoordinator's
   * assignmentSnapshot): partitions added to the topic start a rebalance once its metadata shows them.
   */
  private assignedFrom: number | null = null;

  constructor(private readonly c: KafkaConsumer) {}

  subscribe(onAssigned?: (partitions: number[]) => void, onRevoked?: (partitions: number[]) => void): void {
    this.onAssigned = onAssigned;
    this.onRevoked = onRevoked;
    this.needsJoin = true;
    this.lastPollMs = this.c.host.now();
    this.lastAutoCommitMs = this.c.host.now();
    if (!this.heartbeating) {
      this.heartbeating = true;
      this.heartbeatLoop();
    }
  }

  /** Called at the start of every poll(): auto-commit, and (re)join when needed. */
  polled(): void {
    const now = this.c.host.now();
    this.lastPollMs = now;
    const cfg = this.c.config;
    if (cfg['enable.auto.commit'] && cfg['group.id'] !== undefined && now - this.lastAutoCommitMs >= cfg['auto.commit.interval.ms']) {
      this.lastAutoCommitMs = now;
      this.autoCommit();
    }
    if (this.c.mode === 'subscribe' && this.assignedFrom !== null && !this.needsJoin && !this.joining) {
      const now = this.c.metadata.partitionsFor(this.c.topic);
      if (now !== this.assignedFrom) {
        this.c.host.log('info', `kafka consumer: cached metadata has changed (${this.c.topic} has ${now} partitions, assigned from ${this.assignedFrom}); rejoining the group`);
        this.needsJoin = true;
      }
    }
    if (this.c.mode === 'subscribe' && this.needsJoin && !this.joining) this.join();
  }

  /** Commits the positions poll() has returned so far (enable.auto.commit). */
  private autoCommit(): void {
    if (this.c.positions.size === 0) return;
    if (this.c.mode === 'subscribe' && this.memberId === null) return;
    this.c.commit(new Map(this.c.positions));
  }

  private join(): void {
    this.joining = true;
    this.c.stats.rebalances++;
    // Eager rebalance: auto-commit what was consumed, then give up every partition.
    if (this.c.config['enable.auto.commit'] && this.memberId !== null) this.autoCommit();
    const revoked = this.c.assignment();
    this.c.clearAssignment();
    if (revoked.length > 0) this.onRevoked?.(revoked);
    const cfg = this.c.config;
    this.c.rpc(
      'kafka.group.join',
      {
        memberId: this.memberId,
        sessionTimeoutMs: cfg['session.timeout.ms'],
        rebalanceTimeoutMs: cfg['max.poll.interval.ms'],
        strategy: cfg['partition.assignment.strategy'] ?? 'range',
        partitions: this.c.metadata.partitionsFor(this.c.topic),
      },
      cfg['max.poll.interval.ms'] + 5000,
      (res) => {
        this.joining = false;
        if (this.c.closed) return;
        if (res.error !== undefined) {
          this.needsJoin = true;
          this.c.host.timer(RETRY_MS, () => {
            if (this.needsJoin && !this.joining) this.join();
          });
          return;
        }
        this.memberId = res.memberId as string;
        this.generation = res.generation as number;
        this.needsJoin = false;
        this.assignedFrom = res.leader === this.memberId ? (res.assignedFrom as number) : null;
        // [partition, committed offset, since when records written below it are news to the group]
        const resume = new Map((res.committed as [number, number, number][]).map(([p, offset, sinceMs]) => [p, { offset, sinceMs }]));
        const partitions = res.assignment as number[];
        this.c.assigned = [...partitions];
        for (const p of partitions) {
          const at = resume.get(p);
          if (at) this.c.resumeAt(p, at.offset, at.sinceMs);
          else this.c.startAt(p, this.c.resetOffset());
        }
        this.onAssigned?.(partitions);
        this.c.sendFetches();
      },
    );
  }

  private heartbeatLoop(): void {
    const cfg = this.c.config;
    const interval = Math.max(100, Math.min(3000, Math.floor(cfg['session.timeout.ms'] / 3)));
    this.c.host.timer(interval, () => {
      if (this.c.closed) return;
      const now = this.c.host.now();
      if (this.memberId !== null && !this.joining && now - this.lastPollMs > cfg['max.poll.interval.ms']) {
        this.c.host.log('warn', `kafka consumer: poll() not called within max.poll.interval.ms (${cfg['max.poll.interval.ms']} ms); leaving the group`);
        this.leave();
        this.lost();
      } else if (this.memberId !== null && !this.joining) {
        this.c.rpc('kafka.group.heartbeat', { memberId: this.memberId, generation: this.generation }, cfg['session.timeout.ms'], (res) => {
          const error = res.error as string | undefined;
          if (error === 'REBALANCE_IN_PROGRESS') this.needsJoin = true;
          else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
            if (error === 'UNKNOWN_MEMBER_ID') this.memberId = null;
            this.lost();
          }
        });
      }
      this.heartbeatLoop();
    });
  }

  /** Partitions taken away without a clean revoke (removed from the group). */
  private lost(): void {
    this.needsJoin = true;
    const gone = this.c.assignment();
    this.c.clearAssignment();
    if (gone.length > 0) this.onRevoked?.(gone);
  }

  leave(): void {
    if (this.memberId === null || this.c.mode !== 'subscribe') return;
    this.c.rpc('kafka.group.leave', { memberId: this.memberId }, 1000, () => {});
    this.memberId = null;
    this.generation = -1;
  }

  commit(offsets: ReadonlyMap<number, number>, done: (ok: boolean, error?: string) => void): void {
    if (this.c.mode === 'subscribe' && this.memberId === null) {
      done(false, 'CommitFailedException: not a member of the group (it was removed or is rejoining)');
      return;
    }
    const body = { memberId: this.c.mode === 'subscribe' ? this.memberId : null, generation: this.generation, offsets: [...offsets] };
    const attempt = (tries: number) =>
      this.c.rpc('kafka.offset.commit', body, 30_000, (res) => {
        const error = res.error as string | undefined;
        if (error === undefined) return done(true);
        if ((error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE') && tries < 5) return void this.c.host.timer(RETRY_MS, () => attempt(tries + 1));
        if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION' || error === 'REBALANCE_IN_PROGRESS') {
          return done(false, `CommitFailedException: ${error} (the group rebalanced; partitions may have moved)`);
        }
        done(false, error);
      });
    attempt(0);
  }
}
