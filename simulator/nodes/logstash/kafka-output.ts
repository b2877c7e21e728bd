/**
 * Logstash's kafka output (SEMANTICS-2 §1 [LKO1]) through the cluster's producer client.
 *
 * `multi_receive` hands the whole batch to `retrying_send` and returns — so the persisted
 * queue may ACK the batch — only when that loop ends. One round sends every record still
 * to go and waits for all of their results. A record that failed with a retriable error
 * (timeouts, leader changes, not enough replicas) is kept for the next round; any other
 * error drops it at once with a warning. After `retry_backoff_ms` the next round resends
 * only the kept records, so they land after records that followed them in the batch.
 * `retries` unset: rounds repeat until every record is written (a resend of a write that
 * did land is a duplicate). `retries: N`: N+1 rounds, then the plugin logs "Exhausted
 * user-configured retry count" and drops what is left — lost, and the batch counts as done.
 * The producer lives in the Logstash process: a crash discards it, and the restarted one
 * has a new producer id, so broker-side idempotence cannot recognise its resends.
 *
 * What a record holds is what the output's codec writes (`multi_receive` calls `@codec.encode(event)`
 * and `register`'s `on_event` block sends the codec's string: outputs/kafka.rb). The default codec is
 * `plain`, a line of text; `json` writes the fields. Neither writes `@metadata` (core/event-codec.ts).
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec, RecordColumn } from '../../core/record.js';
import type { KafkaClusterHandle, KafkaProducerClient, SendResult } from '../kafka/client-api.js';
import { sprintfRec } from './field-paths.js';
import { JSON_CODEC, PLAIN_CODEC, type WireCodec } from '../../core/event-codec.js';
import type { LogstashOutput } from './output.js';
import { producerConfig, type KafkaOutputSettings } from './kafka-producer-config.js';

/** The plugin's `retry_backoff_ms` (default 100): its sleep between rounds. */
const RETRY_BACKOFF_MS = 100;

/**
 * Errors whose Java exception is not a `RetriableException` (ApiExceptions such as a fenced
 * producer or an out-of-order sequence): `retrying_send` drops the record on the spot.
 */
const NOT_RETRIABLE = new Set(['PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH', 'OUT_OF_ORDER_SEQUENCE_NUMBER', 'INVALID_PRODUCER_ID_MAPPING', 'INVALID_TXN_STATE', 'TRANSACTION_ABORTED', 'INVALID_TRANSACTION_TIMEOUT', 'RECORD_TOO_LARGE']);

/** One `retrying_send` round: the records sent and what became of them. */
interface Round {
  left: number;
  failures: Rec[];
  /** The last retriable error of the round, for the log. */
  error: string;
}

/** The codec object the output writes with: `plain` with a `format` sprintf's the template instead of `event.to_s` (logstash-codec-plain `encode`). */
export function wireCodecOf(codec: KafkaOutputSettings['codec']): WireCodec {
  if (codec === 'json') return JSON_CODEC;
  if (codec === 'plain') return PLAIN_CODEC;
  const format = codec.plain.format;
  return { name: 'plain', text: (event) => sprintfRec(format, event) };
}

export class LogstashKafkaOutput implements LogstashOutput {
  readonly name = 'kafka';
  private readonly producer: KafkaProducerClient;
  private readonly counters = { sent: 0, failed: 0, resent: 0, dropped: 0, rounds: 0 };

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    cluster: KafkaClusterHandle,
    private readonly settings: KafkaOutputSettings,
  ) {
    this.producer = cluster.createProducer(ctx, producerConfig(settings), wireCodecOf(settings.codec));
    // `register` warns about any `retries` on every start (SEMANTICS-2 §1.1 [LKO1]).
    if (settings.retries !== undefined) {
      ctx.log('warn', `kafka output: Kafka output is configured with finite retry. This instructs Logstash to LOSE DATA after a set number of send attempts fails. If you do not want to lose data if Kafka is down, then you must remove the retry setting. (retries: ${settings.retries})`);
    }
  }

  write(events: readonly Rec[], done: () => void): void {
    if (events.length === 0) {
      done();
      return;
    }
    this.round(events, this.settings.retries, false, done);
  }

  /** `remaining` as in the plugin: undefined = no limit, otherwise decremented before each round. */
  private round(batch: readonly Rec[], remaining: number | undefined, resend: boolean, done: () => void): void {
    if (remaining !== undefined) {
      if (remaining < 0) {
        this.exhausted(batch, done);
        return;
      }
      remaining--;
    }
    this.counters.rounds++;
    const r: Round = { left: batch.length, failures: [], error: '' };
    // One callback for the whole round (the producer says where each record is), not a closure per event.
    const onResult = (result: SendResult, records: RecordColumn, index: number) => {
      if (!result.ok) this.classify(result, records.at(index)!, r);
      if (--r.left === 0) this.roundDone(r, remaining, done);
    };
    for (const rec of batch) {
      this.counters.sent++;
      if (resend) {
        this.counters.resent++;
        // The earlier attempt may have been appended and only its answer lost: this send can make a copy.
        this.ctx.ledger.noteDuplicate(rec.rid, this.where, 'kafka output resent it after a failed send');
      }
      this.producer.send(this.settings.topic_id, rec, this.key(rec), onResult);
    }
    this.producer.flush(() => {});
  }

  private classify(result: SendResult, rec: Rec, r: Round): void {
    this.counters.failed++;
    const error = result.error ?? 'send failed';
    if (NOT_RETRIABLE.has(error)) {
      this.counters.dropped++;
      this.ctx.log('warn', `kafka output: producer send failed, dropping record: ${error}`);
      this.ctx.ledger.noteLoss(rec.rid, this.where, `kafka output dropped it: ${error} is not retriable`);
      return;
    }
    r.failures.push(rec);
    r.error = error;
  }

  private roundDone(r: Round, remaining: number | undefined, done: () => void): void {
    if (r.failures.length === 0) {
      done();
      return;
    }
    if (remaining !== undefined && remaining < 0) {
      // The plugin checks the counter at the top of the loop: no sleep before giving up.
      this.exhausted(r.failures, done, r.error);
      return;
    }
    this.ctx.timer(RETRY_BACKOFF_MS, () => this.round(r.failures, remaining, true, done));
  }

  private exhausted(batch: readonly Rec[], done: () => void, error = 'send failed'): void {
    const retries = this.settings.retries!;
    const rounds = `${retries + 1} send round${retries === 0 ? '' : 's'}`;
    this.ctx.log('info', `kafka output: exhausted user-configured retry count (retries: ${retries}, ${rounds}) when sending to Kafka; dropping ${batch.length} event(s) (last error: ${error})`);
    for (const rec of batch) {
      this.counters.dropped++;
      this.ctx.ledger.noteLoss(rec.rid, this.where, `kafka output dropped it after ${rounds} (retries: ${retries}): ${error}`);
    }
    done();
  }

  /** `message_key` is sprintf'd on the event itself (`write_to_kafka`), so it may name `@metadata`. */
  private key(rec: Rec): string | null {
    if (this.settings.message_key === undefined) return null;
    return sprintfRec(this.settings.message_key, rec);
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
