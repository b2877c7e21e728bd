/**
 * The producer's side of transactions (SEMANTICS §3, KIP-98): initTransactions obtains the
 * producer id and a bumped epoch for the transactional.id (fencing older instances); before the
 * first record goes to a partition in a transaction the partition is registered with the
 * coordinator (AddPartitionsToTxn); commit flushes, then asks the coordinator to write COMMIT
 * markers; abort drops what is unsent and has ABORT markers written. PRODUCER_FENCED is fatal.
 */
import type { KafkaProducer } from './producer.js';
import type { TransactionHandle } from './client-api.js';

const RETRY_MS = 100;
const RETRIABLE = new Set(['CONCURRENT_TRANSACTIONS', 'NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE', 'REQUEST_TIMED_OUT']);

export class ProducerTransactions {
  readonly transactional: boolean;
  active = false;
  private readonly added = new Set<string>();
  private readonly wanted = new Set<string>();
  private adding = false;
  private failure: string | null = null;
  private offsetsSent = false;
  startedAtMs: number | null = null;

  constructor(private readonly producer: KafkaProducer) {
    this.transactional = producer.config['transactional.id'] !== undefined;
  }

  private get id(): string {
    return this.producer.config['transactional.id']!;
  }

  init(done: (ok: boolean, error?: string) => void): void {
    const p = this.producer;
    if (!this.transactional) return done(false, 'no transactional.id');
    p.pidState = 'pending';
    const attempt = () => {
      p.rpc('kafka.init-pid', this.id, { transactionalId: this.id, transactionTimeoutMs: p.config['transaction.timeout.ms'] ?? 60_000 }, (res) => {
        const error = res.error as string | undefined;
        if (error === undefined) {
          p.producerId = res.producerId as number;
          p.producerEpoch = res.producerEpoch as number;
          p.pidState = 'ready';
          return done(true);
        }
        if (RETRIABLE.has(error)) return void p.host.timer(RETRY_MS, attempt);
        p.fatal(error);
        done(false, error);
      });
    };
    attempt();
  }

  begin(): void {
    this.active = true;
    this.added.clear();
    this.wanted.clear();
    this.failure = null;
    this.offsetsSent = false;
    this.startedAtMs = this.producer.host.now();
  }

  /** A record went to `key` (topic-partition) inside the transaction. */
  touch(key: string): void {
    if (!this.added.has(key)) this.wanted.add(key);
  }

  /** Partitions may be written only after the coordinator knows them. */
  mayDrain(key: string): boolean {
    if (!this.active) return true;
    if (this.added.has(key)) return true;
    this.wanted.add(key);
    this.addPartitions();
    return false;
  }

  private addPartitions(): void {
    const p = this.producer;
    if (this.adding || this.wanted.size === 0 || p.pidState !== 'ready') return;
    this.adding = true;
    const partitions = [...this.wanted];
    p.rpc('kafka.txn.add', this.id, { transactionalId: this.id, producerId: p.producerId, producerEpoch: p.producerEpoch, partitions }, (res) => {
      this.adding = false;
      const error = res.error as string | undefined;
      if (error === undefined) {
        for (const k of partitions) {
          this.added.add(k);
          this.wanted.delete(k);
        }
        p.drain();
      } else if (RETRIABLE.has(error)) p.host.timer(RETRY_MS, () => this.addPartitions());
      else p.fatal(error === 'INVALID_PRODUCER_EPOCH' ? 'PRODUCER_FENCED' : error);
    });
  }

  batchFailed(error: string): void {
    if (this.active && this.failure === null) this.failure = error;
  }

  sendOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>, done: (ok: boolean, error?: string) => void): void {
    const p = this.producer;
    this.offsetsSent = true;
    const attempt = () => {
      p.rpc('kafka.txn.offsets', this.id, { transactionalId: this.id, producerId: p.producerId, producerEpoch: p.producerEpoch, group, topic, offsets: [...offsets] }, (res) => {
        const error = res.error as string | undefined;
        if (error === undefined) return done(true);
        if (RETRIABLE.has(error)) return void p.host.timer(RETRY_MS, attempt);
        p.fatal('PRODUCER_FENCED');
        done(false, error);
      });
    };
    attempt();
  }

  commit(done: (ok: boolean, error?: string) => void): void {
    const p = this.producer;
    p.flush(() => {
      if (p.fatalError) return done(false, p.fatalError);
      if (this.failure !== null) return done(false, `a send in the transaction failed: ${this.failure}; abort it`);
      this.end(true, done);
    });
  }

  abort(done: (ok: boolean) => void): void {
    const p = this.producer;
    p.dropUnsent('TRANSACTION_ABORTED');
    p.flush(() => {
      if (p.fatalError) {
        this.active = false;
        return done(false);
      }
      this.end(false, (ok) => done(ok));
    });
  }

  private end(commit: boolean, done: (ok: boolean, error?: string) => void): void {
    const p = this.producer;
    if (this.added.size === 0 && !this.offsetsSent) {
      this.active = false;
      return done(true);
    }
    const attempt = () => {
      p.rpc('kafka.txn.end', this.id, { transactionalId: this.id, producerId: p.producerId, producerEpoch: p.producerEpoch, commit }, (res) => {
        const error = res.error as string | undefined;
        if (error === undefined) {
          this.active = false;
          this.startedAtMs = null;
          return done(true);
        }
        if (RETRIABLE.has(error)) return void p.host.timer(RETRY_MS, attempt);
        p.fatal(error === 'INVALID_PRODUCER_EPOCH' ? 'PRODUCER_FENCED' : error);
        this.active = false;
        done(false, error);
      });
    };
    attempt();
  }

  /** The open transaction's identity, for a sink's checkpoint (null when none is open). */
  handle(): TransactionHandle | null {
    const p = this.producer;
    if (!this.transactional || !this.active || p.pidState !== 'ready') return null;
    return { producerId: p.producerId, producerEpoch: p.producerEpoch, partitions: [...this.added] };
  }

  /** Adopts a transaction pre-committed by an earlier instance, so commit() can finish it. */
  resume(handle: TransactionHandle): void {
    const p = this.producer;
    p.producerId = handle.producerId;
    p.producerEpoch = handle.producerEpoch;
    p.pidState = 'ready';
    this.active = true;
    this.added.clear();
    for (const key of handle.partitions) this.added.add(key);
    this.wanted.clear();
    this.failure = null;
    this.offsetsSent = false;
    this.startedAtMs = p.host.now();
  }

  describe(): unknown {
    if (!this.transactional) return null;
    return { transactionalId: this.id, active: this.active, partitions: [...this.added], startedAtMs: this.startedAtMs };
  }
}
