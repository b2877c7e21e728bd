/**
 * The transaction coordinator (SEMANTICS §3, KIP-98). Its state per transactional.id lives in
 * the replicated `__transaction_state` topic, so here it is cluster-wide and survives broker
 * crashes; requests are served by whichever live broker coordinates the id.
 *
 * - InitProducerId: fails with INVALID_TRANSACTION_TIMEOUT when transaction.timeout.ms exceeds the
 *   broker's transaction.max.timeout.ms. With a transactional.id it bumps the producer epoch —
 *   fencing any older instance (a zombie's writes then fail with INVALID_PRODUCER_EPOCH) — after
 *   first aborting the transaction the old instance left open. Without one it hands out a fresh
 *   producer id: a restarted idempotent producer cannot be recognised as the old one.
 * - AddPartitionsToTxn / offsets: remembers what the transaction touched.
 * - EndTxn: PrepareCommit/PrepareAbort, then COMMIT/ABORT markers to every partition leader
 *   (retried until written), then Complete. A transaction open longer than its timeout is
 *   aborted by the coordinator with an epoch bump.
 */
import type { Message } from '../../core/node.js';
import type { Broker } from './broker.js';
import type { KafkaCluster } from './cluster.js';
import type { TransactionDescription } from './client-api.js';

type TxnStateName = 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort';

interface TxnState {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  timeoutMs: number;
  state: TxnStateName;
  partitions: Set<string>;
  offsets: { group: string; topic: string; offsets: [number, number][] }[];
  startedAtMs: number | null;
  /** Partitions whose marker is still to be written. */
  markersPending: Set<string>;
  markerRequest: number;
}

interface TxnRequest extends Message {
  requestId: number;
  transactionalId?: string;
  producerId?: number;
  producerEpoch?: number;
  transactionTimeoutMs?: number;
  partitions?: string[];
  commit?: boolean;
  group?: string;
  topic?: string;
  offsets?: [number, number][];
}

const CLEANUP_INTERVAL_MS = 10_000;
const MARKER_RETRY_MS = 1000;

export class TransactionCoordinator {
  private readonly txns = new Map<string, TxnState>();
  private markerSeq = 0;
  private readonly markerOwners = new Map<number, TxnState>();

  constructor(private readonly cluster: KafkaCluster) {}

  start(): void {
    const tick = () => {
      this.abortExpired();
      this.cluster.sim.after(CLEANUP_INTERVAL_MS, tick);
    };
    this.cluster.sim.after(CLEANUP_INTERVAL_MS, tick);
  }

  handle(broker: Broker, msg: Message, from: string): void {
    const req = msg as TxnRequest;
    const reply = (body: Record<string, unknown>) => broker.ctx.send(from, { kind: `${msg.kind}.response`, requestId: req.requestId, ...body } as Message);
    const key = req.transactionalId ?? `pid:${from}`;
    if (this.cluster.coordinatorFor(key) !== broker.brokerId) return reply({ error: 'NOT_COORDINATOR' });
    if (msg.kind === 'kafka.init-pid') return reply(this.initProducerId(req));
    const txn = req.transactionalId === undefined ? undefined : this.txns.get(req.transactionalId);
    if (!txn) return reply({ error: 'INVALID_PRODUCER_ID_MAPPING' });
    if (req.producerEpoch !== txn.producerEpoch || req.producerId !== txn.producerId) return reply({ error: 'PRODUCER_FENCED' });
    const now = this.cluster.sim.now;
    switch (msg.kind) {
      case 'kafka.txn.add':
      case 'kafka.txn.offsets':
        if (txn.state === 'PrepareCommit' || txn.state === 'PrepareAbort') return reply({ error: 'CONCURRENT_TRANSACTIONS' });
        if (txn.state !== 'Ongoing') {
          txn.state = 'Ongoing';
          txn.startedAtMs = now;
          txn.partitions.clear();
          txn.offsets = [];
        }
        for (const p of req.partitions ?? []) txn.partitions.add(p);
        if (req.group !== undefined && req.topic !== undefined) txn.offsets.push({ group: req.group, topic: req.topic, offsets: req.offsets ?? [] });
        return reply({});
      case 'kafka.txn.end': {
        if (txn.state === 'PrepareCommit' || txn.state === 'PrepareAbort') return reply({ error: 'CONCURRENT_TRANSACTIONS' });
        // A retried EndTxn for the outcome already reached, by the same producer epoch, succeeds
        // again: that is what makes a two-phase-commit sink's commit-after-restart idempotent.
        if (txn.state === (req.commit ? 'CompleteCommit' : 'CompleteAbort') && req.producerEpoch === txn.producerEpoch) return reply({});
        if (txn.state !== 'Ongoing') return reply(req.commit ? { error: 'INVALID_TXN_STATE' } : {});
        this.complete(txn, req.commit ? 'commit' : 'abort');
        return reply({});
      }
    }
  }

  private initProducerId(req: TxnRequest): Record<string, unknown> {
    const timeout = req.transactionTimeoutMs ?? 60_000;
    if (req.transactionalId === undefined) return { producerId: this.cluster.newProducerId(), producerEpoch: 0 };
    if (timeout > this.cluster.transactionMaxTimeoutMs) return { error: 'INVALID_TRANSACTION_TIMEOUT' };
    let txn = this.txns.get(req.transactionalId);
    if (!txn) {
      txn = {
        transactionalId: req.transactionalId,
        producerId: this.cluster.newProducerId(),
        producerEpoch: -1,
        timeoutMs: timeout,
        state: 'Empty',
        partitions: new Set(),
        offsets: [],
        startedAtMs: null,
        markersPending: new Set(),
        markerRequest: 0,
      };
      this.txns.set(req.transactionalId, txn);
    }
    if (txn.state === 'PrepareCommit' || txn.state === 'PrepareAbort') return { error: 'CONCURRENT_TRANSACTIONS' };
    if (txn.state === 'Ongoing') {
      // A new instance with the same transactional.id: abort what the old one left open, fencing it.
      txn.producerEpoch++;
      this.complete(txn, 'abort');
      return { error: 'CONCURRENT_TRANSACTIONS' };
    }
    txn.producerEpoch++;
    txn.timeoutMs = timeout;
    txn.state = 'Empty';
    return { producerId: txn.producerId, producerEpoch: txn.producerEpoch };
  }

  private abortExpired(): void {
    const now = this.cluster.sim.now;
    for (const txn of this.txns.values()) {
      if (txn.state === 'Ongoing' && txn.startedAtMs !== null && now - txn.startedAtMs > txn.timeoutMs) {
        this.cluster.sim.addLog('warn', this.cluster.id, `transaction of ${txn.transactionalId} open longer than transaction.timeout.ms (${txn.timeoutMs} ms): aborted, producer fenced`);
        txn.producerEpoch++;
        this.complete(txn, 'abort');
      }
    }
  }

  private complete(txn: TxnState, result: 'commit' | 'abort'): void {
    txn.state = result === 'commit' ? 'PrepareCommit' : 'PrepareAbort';
    txn.markersPending = new Set(txn.partitions);
    this.sendMarkers(txn);
  }

  private sendMarkers(txn: TxnState): void {
    if (txn.state !== 'PrepareCommit' && txn.state !== 'PrepareAbort') return;
    if (txn.markersPending.size === 0) return this.finish(txn);
    const result = txn.state === 'PrepareCommit' ? 'commit' : 'abort';
    const coordinator = this.cluster.coordinatorFor(txn.transactionalId);
    const byLeader = new Map<number, [string, number][]>();
    for (const key of txn.markersPending) {
      const dash = key.lastIndexOf('-');
      const topic = key.slice(0, dash);
      const partition = Number(key.slice(dash + 1));
      const leader = this.cluster.leaderOf(topic, partition);
      if (leader === null) continue;
      let list = byLeader.get(leader);
      if (!list) byLeader.set(leader, (list = []));
      list.push([topic, partition]);
    }
    if (coordinator !== null && this.cluster.sim.isUp(this.cluster.brokerAddress(coordinator))) {
      const broker = this.cluster.brokers[coordinator - 1]!;
      for (const [leader, partitions] of byLeader) {
        const requestId = ++this.markerSeq;
        this.markerOwners.set(requestId, txn);
        broker.ctx.send(this.cluster.brokerAddress(leader), { kind: 'kafka.txn.markers', requestId, producerId: txn.producerId, producerEpoch: txn.producerEpoch, result, partitions } as Message);
      }
    }
    const round = ++txn.markerRequest;
    this.cluster.sim.after(MARKER_RETRY_MS, () => {
      if (txn.markerRequest === round) this.sendMarkers(txn);
    });
  }

  onMarkersResponse(msg: Message): void {
    const res = msg as Message & { requestId: number; done: string[] };
    const txn = this.markerOwners.get(res.requestId);
    if (!txn) return;
    this.markerOwners.delete(res.requestId);
    for (const key of res.done) txn.markersPending.delete(key);
    if (txn.markersPending.size === 0) this.finish(txn);
  }

  private finish(txn: TxnState): void {
    if (txn.state !== 'PrepareCommit' && txn.state !== 'PrepareAbort') return;
    const committed = txn.state === 'PrepareCommit';
    if (committed) for (const o of txn.offsets) this.cluster.groups.commitFromTransaction(o.group, o.topic, o.offsets);
    txn.state = committed ? 'CompleteCommit' : 'CompleteAbort';
    txn.markerRequest++;
    txn.partitions.clear();
    txn.offsets = [];
    txn.startedAtMs = null;
  }

  describe(): TransactionDescription[] {
    return [...this.txns.values()].map((t) => ({
      transactionalId: t.transactionalId,
      producerId: t.producerId,
      producerEpoch: t.producerEpoch,
      state: t.state,
      partitions: [...t.partitions],
      startedAtMs: t.startedAtMs,
    }));
  }

  openTransactions(): number {
    let n = 0;
    for (const t of this.txns.values()) if (t.state === 'Ongoing' || t.state.startsWith('Prepare')) n++;
    return n;
  }
}
