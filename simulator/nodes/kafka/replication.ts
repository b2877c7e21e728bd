/**
 * Replication (SEMANTICS §3): followers fetch from the leader over the network, so link faults,
 * partitions and crashes act on replication exactly as on clients.
 *
 * Leader side: a follower's fetch offset tells the leader how far it has copied; the high
 * watermark is the smallest log end over the ISR (a record is committed once every ISR member
 * has it, and only committed records are visible to consumers). A follower that has not caught
 * up for `replica.lag.time.max.ms` is dropped from the ISR (through the controller); one that
 * catches up to the HW is added back.
 *
 * Follower side: one fetch session per leader broker, long-polled (replica.fetch.wait.max.ms).
 * Each fetch names the epoch of the follower's last record; if the leader's log diverges there
 * (a new leader was elected that lacks the follower's tail), the leader answers with its end
 * offset for that epoch and the follower truncates to it (KIP-101/KIP-320). Those truncated
 * records are gone from this replica — acks=1 writes the old leader took alone vanish this way.
 */
import type { Message } from '../../core/node.js';
import type { Broker } from './broker.js';
import type { Replica } from './replica.js';
import { ridAt, type LogBatch } from './partition-log.js';
import { tpKey } from './tp-key.js';

const REPLICA_FETCH_WAIT_MS = 500;
const REPLICA_FETCH_MAX_RECORDS = 50_000;
const REPLICA_FETCH_BACKOFF_MS = 1000;
const REPLICA_SOCKET_TIMEOUT_MS = 30_000;

interface ReplicaFetchPartition {
  topic: string;
  partition: number;
  fetchOffset: number;
  lastFetchedEpoch: number;
  leaderEpoch: number;
}

interface ReplicaFetchRequest extends Message {
  requestId: number;
  replicaId: number;
  partitions: ReplicaFetchPartition[];
}

interface ReplicaFetchResult {
  topic: string;
  partition: number;
  error?: string;
  diverging?: { epoch: number; endOffset: number };
  batches?: LogBatch[];
  highWatermark?: number;
  logStartOffset?: number;
}

interface ReplicaFetchResponse extends Message {
  requestId: number;
  results: ReplicaFetchResult[];
}

/** Leader: raises the HW to the smallest log end over the ISR and completes acks=all writes below it. */
export function advanceHighWatermark(broker: Broker, r: Replica): void {
  if (r.leader !== broker.brokerId) return;
  let min = r.log.logEndOffset;
  for (const b of r.isr) {
    if (b === broker.brokerId) continue;
    const f = r.followers.get(b);
    min = Math.min(min, f ? f.leo : 0);
  }
  if (min > r.log.highWatermark) {
    r.log.highWatermark = min;
    broker.highWatermarkMoved(r);
  }
  if (r.delayed.length > 0) {
    const hw = r.log.highWatermark;
    const still = [];
    for (const d of r.delayed) {
      if (d.endOffset <= hw) d.complete(r.isr.length < r.minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null);
      else still.push(d);
    }
    r.delayed = still;
  }
}

export function handleReplicaFetch(broker: Broker, msg: Message, from: string): void {
  const req = msg as ReplicaFetchRequest;
  const answer = (final: boolean): boolean => {
    const now = broker.ctx.now();
    const results: ReplicaFetchResult[] = [];
    let anything = false;
    for (const p of req.partitions) {
      const r = broker.replicas.get(tpKey(p.topic, p.partition));
      if (!r || r.leader !== broker.brokerId) {
        results.push({ topic: p.topic, partition: p.partition, error: 'NOT_LEADER_OR_FOLLOWER' });
        anything = true;
        continue;
      }
      if (p.leaderEpoch !== r.leaderEpoch) {
        results.push({ topic: p.topic, partition: p.partition, error: p.leaderEpoch > r.leaderEpoch ? 'UNKNOWN_LEADER_EPOCH' : 'FENCED_LEADER_EPOCH' });
        anything = true;
        continue;
      }
      if (p.lastFetchedEpoch >= 0) {
        const end = r.log.endOffsetForEpoch(p.lastFetchedEpoch);
        if (end.epoch !== p.lastFetchedEpoch || end.endOffset < p.fetchOffset) {
          results.push({ topic: p.topic, partition: p.partition, diverging: end });
          anything = true;
          continue;
        }
      }
      if (p.fetchOffset < r.log.logStartOffset) {
        results.push({ topic: p.topic, partition: p.partition, error: 'OFFSET_OUT_OF_RANGE', logStartOffset: r.log.logStartOffset });
        anything = true;
        continue;
      }
      const f = r.followers.get(req.replicaId);
      if (f) {
        f.leo = Math.min(p.fetchOffset, r.log.logEndOffset);
        if (p.fetchOffset >= f.lastFetchLeaderLeo) f.lastCaughtUpMs = f.lastFetchMs ?? now;
        f.lastFetchMs = now;
        f.lastFetchLeaderLeo = r.log.logEndOffset;
        if (!r.isr.includes(req.replicaId) && p.fetchOffset >= r.log.highWatermark && p.fetchOffset >= epochStart(r)) {
          if (broker.cluster.controller.alterIsr(broker.brokerId, r.topic, r.partition, r.leaderEpoch, [...r.isr, req.replicaId])) broker.meters.isrExpands++;
        }
      }
      advanceHighWatermark(broker, r);
      const batches = r.log.batchesFrom(p.fetchOffset, REPLICA_FETCH_MAX_RECORDS);
      if (batches.length > 0) anything = true;
      results.push({ topic: p.topic, partition: p.partition, batches, highWatermark: r.log.highWatermark, logStartOffset: r.log.logStartOffset });
    }
    if (!anything && !final) return false;
    broker.ctx.send(from, { kind: 'kafka.replica.fetch.response', requestId: req.requestId, results } as ReplicaFetchResponse);
    return true;
  };
  if (answer(false)) return;
  // Long poll: wait for an append (or the wait time) before answering an empty fetch.
  let done = false;
  const entry = {
    wake: () => {
      if (done) return true;
      done = answer(false);
      return done;
    },
  };
  broker.parkedReplicaFetches.push(entry);
  broker.ctx.timer(REPLICA_FETCH_WAIT_MS, () => {
    if (done) return;
    done = true;
    broker.parkedReplicaFetches = broker.parkedReplicaFetches.filter((p) => p !== entry);
    answer(true);
  });
}

function epochStart(r: Replica): number {
  const e = r.log.epochs[r.log.epochs.length - 1];
  return e ? e.startOffset : 0;
}

/** Leader: followers that have not caught up within replica.lag.time.max.ms leave the ISR. */
export function checkIsr(broker: Broker): void {
  const now = broker.ctx.now();
  for (const r of broker.replicas.values()) {
    if (r.leader !== broker.brokerId) continue;
    const keep = r.isr.filter((b) => {
      if (b === broker.brokerId) return true;
      const f = r.followers.get(b);
      return !!f && now - f.lastCaughtUpMs <= broker.cluster.replicaLagMaxMs;
    });
    if (keep.length < r.isr.length) {
      const ok = broker.cluster.controller.alterIsr(broker.brokerId, r.topic, r.partition, r.leaderEpoch, keep);
      if (ok) broker.meters.isrShrinks++;
      if (ok) broker.ctx.log('warn', `${r.key}: ISR shrunk to [${keep.join(',')}] (replica.lag.time.max.ms)`);
    }
  }
}

/** The follower side: one outstanding fetch per leader broker. */
export class ReplicaFetcher {
  private requestSeq = 0;
  private readonly outstanding = new Map<number, number>();

  constructor(private readonly broker: Broker) {}

  reset(): void {
    this.outstanding.clear();
  }

  /** Starts a fetch session towards every leader we follow and do not fetch from yet. */
  update(): void {
    const leaders = new Set<number>();
    for (const r of this.broker.replicas.values()) {
      if (r.leader !== null && r.leader !== this.broker.brokerId) leaders.add(r.leader);
    }
    for (const l of leaders) if (!this.outstanding.has(l)) this.send(l);
  }

  private send(leader: number): void {
    const partitions: ReplicaFetchPartition[] = [];
    for (const r of this.broker.replicas.values()) {
      if (r.leader !== leader) continue;
      partitions.push({ topic: r.topic, partition: r.partition, fetchOffset: r.log.logEndOffset, lastFetchedEpoch: r.log.lastEpoch(), leaderEpoch: r.leaderEpoch });
    }
    if (partitions.length === 0) return;
    const requestId = ++this.requestSeq;
    this.outstanding.set(leader, requestId);
    this.broker.ctx.send(this.broker.cluster.brokerAddress(leader), { kind: 'kafka.replica.fetch', requestId, replicaId: this.broker.brokerId, partitions } as ReplicaFetchRequest);
    this.broker.ctx.timer(REPLICA_SOCKET_TIMEOUT_MS, () => {
      if (this.outstanding.get(leader) !== requestId) return;
      this.outstanding.delete(leader);
      this.send(leader);
    });
  }

  onResponse(msg: Message, from: string): void {
    const res = msg as ReplicaFetchResponse;
    const leader = this.broker.cluster.brokerIdOf(from);
    if (this.outstanding.get(leader) !== res.requestId) return;
    this.outstanding.delete(leader);
    let backoff = false;
    for (const result of res.results) {
      const r = this.broker.replicas.get(tpKey(result.topic, result.partition));
      if (!r || r.leader !== leader) continue;
      if (result.error === 'OFFSET_OUT_OF_RANGE' && result.logStartOffset !== undefined) {
        this.lose(r, r.log.truncateTo(r.log.logStartOffset), 'replica reset to the leader log start');
        r.log.resetTo(result.logStartOffset);
        continue;
      }
      if (result.error) {
        backoff = true;
        continue;
      }
      if (result.diverging) {
        const mine = r.log.endOffsetForEpoch(result.diverging.epoch);
        const to = Math.min(result.diverging.endOffset, mine.endOffset);
        this.lose(r, r.log.truncateTo(to), 'truncated to the new leader\'s log: never replicated');
        continue;
      }
      for (const b of result.batches ?? []) {
        if (b.baseOffset === r.log.logEndOffset) r.log.append(b);
      }
      r.log.highWatermark = Math.max(r.log.highWatermark, Math.min(result.highWatermark ?? 0, r.log.logEndOffset));
    }
    if (backoff) this.broker.ctx.timer(REPLICA_FETCH_BACKOFF_MS, () => this.update());
    else this.update();
  }

  private lose(r: Replica, removed: LogBatch[], why: string): void {
    if (removed.length === 0) return;
    const ledger = this.broker.ctx.ledger;
    let n = 0;
    const reason = `${r.key} on broker ${this.broker.brokerId}: ${why}`;
    for (const b of removed) {
      for (let i = 0; i < b.records.length; i++) {
        const rid = ridAt(b.records, i);
        // A copy an unclean election already doomed is counted there once; its truncation is only traced.
        if (b.baseOffset + i >= r.lossNotedFrom) ledger.trace(rid, this.broker.cluster.id, `lost: ${reason}`);
        else ledger.noteLoss(rid, this.broker.cluster.id, reason);
        n++;
      }
    }
    r.lossNotedFrom = Number.POSITIVE_INFINITY;
    this.broker.counters.recordsTruncated += n;
    this.broker.ctx.log('warn', `${r.key}: truncated ${n} records not on the new leader (offset ${r.log.logEndOffset})`);
  }
}
