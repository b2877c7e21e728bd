/**
 * Logstash's kafka output (SEMANTICS §2 [LS7]) through the cluster's producer client.
 *
 * The batch is finished — and the persisted queue may ACK it — only when the producer
 * callback has fired for every event. `retries` unset: the plugin sends a failed event
 * again until it succeeds (a resend after a write that did land is a duplicate);
 * `retries` set: the producer retries that often, then the event is dropped.
 * The producer lives in the Logstash process: a crash discards it, and the restarted
 * one has a new producer id, so broker-side idempotence cannot recognise its resends.
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { KafkaClusterHandle, KafkaProducerClient, SendResult } from '../kafka/client-api.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';
import { sprintf } from './field-paths.js';
import type { LogstashOutput } from './output.js';

/** The plugin's `retry_backoff_ms` (default 100). */
const RETRY_BACKOFF_MS = 100;

type KafkaSettings = NonNullable<LogstashSpec['output']['kafka']>;

export class LogstashKafkaOutput implements LogstashOutput {
  readonly name = 'kafka';
  private readonly producer: KafkaProducerClient;
  private readonly counters = { sent: 0, failed: 0, resent: 0, dropped: 0 };

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    cluster: KafkaClusterHandle,
    private readonly settings: KafkaSettings,
  ) {
    this.producer = cluster.createProducer(ctx, {
      acks: settings.acks,
      ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
      'enable.idempotence': settings['enable.idempotence'],
      'max.in.flight.requests.per.connection': settings['max.in.flight.requests.per.connection'],
      'delivery.timeout.ms': settings['delivery.timeout.ms'],
      'linger.ms': settings.linger_ms,
      'batch.size': settings.batch_size,
    });
  }

  write(events: readonly Rec[], done: () => void): void {
    let left = events.length;
    if (left === 0) {
      done();
      return;
    }
    const settle = () => {
      if (--left === 0) done();
    };
    // One callback for the whole batch (the producer hands each record back with its result), not a closure per event.
    const onResult = (result: SendResult, rec: Rec) => this.onResult(result, rec, settle, onResult);
    for (const rec of events) this.sendOne(rec, onResult);
    this.producer.flush(() => {});
  }

  private sendOne(rec: Rec, onResult: (result: SendResult, rec: Rec) => void): void {
    this.counters.sent++;
    this.producer.send(this.settings.topic_id, rec, this.key(rec), onResult);
  }

  private onResult(result: SendResult, rec: Rec, settle: () => void, onResult: (result: SendResult, rec: Rec) => void): void {
    if (result.ok) {
      settle();
      return;
    }
    this.counters.failed++;
    if (this.settings.retries === undefined) {
      // Retry until success: a failure after the broker appended it (lost response, timeout) makes a copy.
      this.counters.resent++;
      this.ctx.timer(RETRY_BACKOFF_MS, () => {
        this.ctx.ledger.noteDuplicate(rec.rid, this.where, `kafka output resent after ${result.error ?? 'a failed send'}`);
        this.sendOne(rec, onResult);
      });
      return;
    }
    this.counters.dropped++;
    // The producer fails a record after its retries or once delivery.timeout.ms has passed, whichever comes first.
    this.ctx.log('warn', `kafka output: giving up on an event (retries: ${this.settings.retries}): ${result.error ?? 'error'}`);
    this.ctx.ledger.noteLoss(rec.rid, this.where, `kafka output gave up on it (retries: ${this.settings.retries}): ${result.error ?? 'send failed'}`);
    settle();
  }

  private key(rec: Rec): string | null {
    if (this.settings.message_key === undefined) return null;
    const k = sprintf(this.settings.message_key, rec.fields);
    return k;
  }

  receive(msg: Message, from: string): boolean {
    if (!msg.kind.startsWith('kafka.')) return false;
    return this.producer.receive(msg, from);
  }

  heldRecords(visit: (rid: number) => void): void {
    this.producer.heldRecords(visit);
  }

  peerDown(address: string): void {
    this.producer.peerDown(address);
  }

  metrics(): Record<string, number> {
    return { ...this.counters };
  }

  inspect(): unknown {
    return { topic: this.settings.topic_id, acks: this.settings.acks, producer: this.producer.inspect(), ...this.counters };
  }
}
