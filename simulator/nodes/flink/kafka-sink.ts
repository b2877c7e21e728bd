/**
 * Flink's KafkaSink (SEMANTICS §4 "Sinks", [FL3][FL4]) with its three DeliveryGuarantees:
 * - `none`: records are handed to the producer and forgotten; a failure loses what was buffered.
 * - `at-least-once`: at each barrier the producer is flushed and the checkpoint waits for every
 *   ack; records after the last completed checkpoint are written again after a restore.
 * - `exactly-once`: one Kafka transaction per checkpoint, on a producer whose transactional.id is
 *   `<prefix>-<subtask>-<counter>`. At the barrier the transaction is flushed (pre-committed) and
 *   its handle stored in the checkpoint; a new transaction opens for the next interval. When the
 *   checkpoint completes the stored transaction commits. A failure aborts the open transaction
 *   (on restore, the ids used after the restored checkpoint are re-initialised, which fences and
 *   aborts them). A transaction left open longer than `transaction.timeout.ms` is aborted by the
 *   broker and its records are gone. read_committed readers see the records only after the commit.
 *
 * Ledger: without transactions, what the producer wrote after a checkpoint's barrier stays in the
 * topic. A restore from that checkpoint has its window state emit again what it had not emitted at
 * the barrier, and each such write of a result already written is a copy made by the job
 * (RestoredRepeats, as for the Elasticsearch sink). Aborted transactions leave nothing a reader counts.
 */
import type { Message } from '../../core/node.js';
import type { Lineage, Rec } from '../../core/record.js';
import type { KafkaClusterHandle, KafkaProducerClient, ProducerConfig, TransactionHandle } from '../kafka/client-api.js';
import type { FlinkSink, SinkHost } from './sink.js';
import { RestoredRepeats } from './restored-repeats.js';

export interface KafkaSinkConfig {
  node: string;
  topic: string;
  guarantee: 'none' | 'at-least-once' | 'exactly-once';
  prefix: string;
  transactionTimeoutMs: number;
  /** Subtask index, part of the transactional id. */
  subtask: number;
}

interface Txn {
  id: string;
  counter: number;
  producer: KafkaProducerClient;
  records: Rec[];
  state: 'open' | 'precommitted' | 'committing' | 'committed' | 'aborted';
}

/** What an exactly-once checkpoint stores: the pre-committed transaction to commit on completion. */
interface TxnState {
  id: string;
  counter: number;
  /** Producer id, epoch and partitions of the pre-committed transaction, to finish it after a restart. */
  handle: TransactionHandle | null;
  /** Ledger bookkeeping only (not part of Flink's state): what the transaction carries. */
  rids: number[];
}

export class KafkaSink implements FlinkSink {
  readonly kind = 'kafka' as const;
  readonly node: string;
  readonly target: string;
  private producer: KafkaProducerClient | null = null;
  private open: Txn | null = null;
  private readonly precommitted = new Map<number, Txn>();
  /** Transactional ids handed out since the job started (what Flink's abort-lingering probe finds). */
  private counter = 0;
  private generation = 0;
  private readonly retired: KafkaProducerClient[] = [];
  /** Without transactions: id of the last checkpoint whose barrier passed here (or that the job restored); sends from now on come after it. */
  private afterCheckpoint = 0;
  /** Without transactions: window results sent and not yet acknowledged, with the checkpoint they came after. */
  private readonly unacked = new Set<{ record: Rec; after: number }>();
  /** Window results written after a barrier, and the copies a restored state makes by writing them again. */
  private readonly repeats: RestoredRepeats<Rec>;
  committedTxns = 0;
  abortedTxns = 0;
  sent = 0;

  constructor(
    private readonly host: SinkHost,
    private readonly cluster: KafkaClusterHandle,
    private readonly config: KafkaSinkConfig,
  ) {
    this.node = config.node;
    this.target = config.topic;
    this.repeats = new RestoredRepeats(host, (r) => r, { target: `${config.node} topic ${config.topic}`, unanswered: 'the earlier send got no acknowledgement and may have been written' });
  }

  private baseConfig(): ProducerConfig {
    const eo = this.config.guarantee === 'exactly-once';
    return {
      acks: 'all',
      'enable.idempotence': true,
      'max.in.flight.requests.per.connection': 5,
      'delivery.timeout.ms': 120_000,
      ...(eo ? { 'transaction.timeout.ms': this.config.transactionTimeoutMs } : {}),
    };
  }

  private txnId(counter: number): string {
    return `${this.config.prefix}-${this.config.subtask}-${counter}`;
  }

  /** Opens the transaction for the next checkpoint interval on a fresh producer. */
  private beginNext(): void {
    const counter = ++this.counter;
    const id = this.txnId(counter);
    const producer = this.cluster.createProducer(this.host.ctx, { ...this.baseConfig(), 'transactional.id': id });
    const txn: Txn = { id, counter, producer, records: [], state: 'open' };
    this.open = txn;
    this.retired.push(producer);
    const gen = this.generation;
    producer.initTransactions((ok, error) => {
      if (gen !== this.generation) return;
      if (!ok) {
        this.host.fail(`KafkaSink initTransactions for ${id} failed: ${error ?? 'error'}` + (error?.includes('TIMEOUT') ? ` (transaction.timeout.ms ${this.config.transactionTimeoutMs} exceeds the broker's transaction.max.timeout.ms)` : ''));
        return;
      }
    });
    producer.beginTransaction();
  }

  write(records: readonly Rec[]): void {
    if (this.config.guarantee === 'exactly-once') {
      if (!this.open) this.beginNext();
      const txn = this.open!;
      for (const r of records) {
        txn.records.push(r);
        this.sendOne(txn.producer, r);
      }
      return;
    }
    if (!this.producer) this.producer = this.cluster.createProducer(this.host.ctx, this.baseConfig());
    if (this.repeats.owing) this.repeats.sending(records);
    for (const r of records) this.sendOne(this.producer, r);
  }

  private sendOne(producer: KafkaProducerClient, r: Rec): void {
    const key = r.rid < 0 ? String(r.fields['key'] ?? '') : null;
    const gen = this.generation;
    this.sent++;
    // A window result sent after a barrier, without a transaction: once written, a restore that emits it again repeats it.
    const tracked = r.rid < 0 && this.afterCheckpoint > 0 && this.config.guarantee !== 'exactly-once' ? { record: r, after: this.afterCheckpoint } : null;
    if (tracked) this.unacked.add(tracked);
    producer.send(this.target, r, key, (result) => {
      if (gen !== this.generation) return;
      if (tracked) {
        this.unacked.delete(tracked);
        if (result.ok) this.repeats.rememberOne(tracked.after, r, false);
      }
      if (result.ok) return;
      // NONE ignores send errors; the other guarantees surface them at the next flush and fail.
      if (this.config.guarantee !== 'none') this.host.fail(`KafkaSink send failed: ${result.error ?? 'error'}`);
    });
  }

  snapshot(id: number, done: (state: unknown) => void): void {
    const gen = this.generation;
    if (this.config.guarantee !== 'exactly-once') {
      this.afterCheckpoint = id;
      this.repeats.barrier(id);
    }
    if (this.config.guarantee === 'none') {
      done(undefined);
      return;
    }
    if (this.config.guarantee === 'at-least-once') {
      if (!this.producer) return done(undefined);
      this.producer.flush(() => {
        if (gen === this.generation) done(undefined);
      });
      return;
    }
    if (!this.open) this.beginNext();
    const txn = this.open!;
    this.open = null;
    txn.producer.flush(() => {
      if (gen !== this.generation) return;
      txn.state = 'precommitted';
      this.precommitted.set(id, txn);
      const rids: number[] = [];
      for (const r of txn.records) for (const rid of ridsOf(r)) rids.push(rid);
      const state: TxnState = { id: txn.id, counter: txn.counter, handle: txn.producer.transactionHandle?.() ?? null, rids };
      done(state);
    });
    // The next interval's records go into a new transaction.
    this.beginNext();
  }

  complete(id: number): void {
    if (this.config.guarantee !== 'exactly-once') return this.repeats.completed(id);
    for (const [cp, txn] of this.precommitted) {
      if (cp > id) continue;
      this.precommitted.delete(cp);
      this.commit(txn);
    }
  }

  private commit(txn: Txn): void {
    txn.state = 'committing';
    const gen = this.generation;
    txn.producer.commitTransaction((ok, error) => {
      if (gen !== this.generation) return;
      const i = this.retired.indexOf(txn.producer);
      if (i >= 0) this.retired.splice(i, 1);
      if (ok) {
        txn.state = 'committed';
        this.committedTxns++;
        return;
      }
      txn.state = 'aborted';
      this.abortedTxns++;
      // The broker aborted it (transaction.timeout.ms expired, or fenced): its records are gone.
      const why = `transaction ${txn.id} could not commit: ${error ?? 'aborted'}`;
      for (const r of txn.records) for (const rid of ridsOf(r)) this.host.ctx.ledger.noteLoss(rid, this.host.where, why);
      this.host.ctx.log('error', `KafkaSink: commit of ${txn.id} failed (${error ?? 'aborted'}); its records are lost`);
    });
  }

  /**
   * The restored checkpoint completed, but its commit may never have reached the broker before the
   * failure. Flink's committer commits it again on restore, resuming the transaction by producer id
   * and epoch; a commit that had already happened succeeds again [FL4]. Only a transaction the
   * broker aborted meanwhile (transaction.timeout.ms) is lost.
   */
  private recommit(state: TxnState): void {
    const handle = state.handle!;
    const producer = this.cluster.createProducer(this.host.ctx, { ...this.baseConfig(), 'transactional.id': state.id });
    if (!producer.resumeTransaction) return;
    this.retired.push(producer);
    producer.resumeTransaction(handle);
    const gen = this.generation;
    producer.commitTransaction((ok, error) => {
      if (gen !== this.generation) return;
      const i = this.retired.indexOf(producer);
      if (i >= 0) this.retired.splice(i, 1);
      if (ok) return;
      this.abortedTxns++;
      const why = `transaction ${state.id} was aborted before its commit could finish: ${error ?? 'aborted'}`;
      for (const rid of state.rids) this.host.ctx.ledger.noteLoss(rid, this.host.where, why);
      this.host.ctx.log('error', `KafkaSink: re-commit of ${state.id} after restore failed (${error ?? 'aborted'}); its records are lost`);
    });
  }

  restore(state: unknown, restoredId: number): void {
    if (this.config.guarantee !== 'exactly-once') {
      this.afterCheckpoint = restoredId;
      return;
    }
    const lingering = this.counter;
    const restored = state as TxnState | undefined;
    this.counter = Math.max(this.counter, restored?.counter ?? 0);
    // Abort lingering transactions: re-initialising each id used after the restored checkpoint
    // fences the old producer and aborts its open transaction (Flink's abort-on-restore probe).
    const from = (restored?.counter ?? 0) + 1;
    for (let c = from; c <= lingering; c++) {
      const p = this.cluster.createProducer(this.host.ctx, { ...this.baseConfig(), 'transactional.id': this.txnId(c) });
      this.retired.push(p);
      p.initTransactions(() => undefined);
      this.abortedTxns++;
    }
    if (restoredId > 0) this.host.ctx.log('info', `KafkaSink restored from checkpoint ${restoredId}; aborted ${Math.max(0, lingering - from + 1)} lingering transaction(s)`);
    if (restored?.handle) this.recommit(restored);
    // The writer opens its first transaction when it starts: a transaction.timeout.ms the broker
    // refuses fails the job right here, before any record is processed.
    this.beginNext();
  }

  restoredUnemitted(restoredId: number, unemitted: (visit: (rid: number) => void) => void): void {
    // An open transaction's records are aborted by the failure: only writes without one stand.
    if (this.config.guarantee !== 'exactly-once') this.repeats.restored(restoredId, unemitted);
  }

  receive(msg: Message, from: string): boolean {
    if (this.producer?.receive(msg, from)) return true;
    for (const p of this.retired) if (p.receive(msg, from)) return true;
    return false;
  }

  peerDown(address: string): void {
    this.producer?.peerDown(address);
    for (const p of [...this.retired]) p.peerDown(address);
  }

  teardown(): void {
    this.generation++;
    // Records handed to the producer but not acknowledged die with it (NONE: lost for good).
    const ctx = this.host.ctx;
    this.producer?.heldRecords((rid) => ctx.ledger.noteLoss(rid, this.host.where, 'KafkaSink producer buffer lost when the job failed'));
    // Sends without an answer may have been written: a restore that emits them again may repeat them.
    for (const u of this.unacked) this.repeats.rememberOne(u.after, u.record, true);
    this.unacked.clear();
    this.repeats.failed();
    if (this.open) {
      const why = `open transaction ${this.open.id} aborted by the failure`;
      for (const r of this.open.records) for (const rid of ridsOf(r)) ctx.ledger.noteLoss(rid, this.host.where, why);
    }
    for (const t of this.precommitted.values()) {
      const why = `pre-committed transaction ${t.id} never committed`;
      for (const r of t.records) for (const rid of ridsOf(r)) ctx.ledger.noteLoss(rid, this.host.where, why);
    }
    this.producer = null;
    this.open = null;
    this.precommitted.clear();
    this.retired.length = 0;
  }

  heldRecords(visit: (rid: number) => void): void {
    this.producer?.heldRecords(visit);
    if (this.open) for (const r of this.open.records) for (const rid of ridsOf(r)) visit(rid);
    for (const t of this.precommitted.values()) for (const r of t.records) for (const rid of ridsOf(r)) visit(rid);
  }

  inspect(): unknown {
    const open = [...(this.open ? [this.open] : []), ...this.precommitted.values()].map((t) => ({ transactionalId: t.id, state: t.state, records: t.records.length }));
    return { kind: this.kind, node: this.node, topic: this.target, deliveryGuarantee: this.config.guarantee, sent: this.sent, openTransactions: open, committedTransactions: this.committedTxns, abortedTransactions: this.abortedTxns };
  }
}

function ridsOf(r: Rec): Lineage {
  return r.rid >= 0 ? [r.rid] : (r.lineage ?? []);
}
