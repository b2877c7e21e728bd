/**
 * Filebeat's Kafka output through the cluster's producer client (SEMANTICS §1, §3).
 * Filebeat's defaults: `required_acks: 1`, no idempotence, `max_retries: 3` inside the
 * client — but Filebeat itself ignores giving up and publishes failed events again until
 * they are acknowledged [FB4], so a failure after a write that did land is a duplicate.
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { KafkaClusterHandle, KafkaProducerClient } from '../kafka/client-api.js';
import { outcome, type Batch, type BeatsOutputClient, type PublishOutcome } from './batch.js';

export class BeatsKafkaClient implements BeatsOutputClient {
  private readonly producer: KafkaProducerClient;

  constructor(
    ctx: NodeContext,
    cluster: KafkaClusterHandle,
    private readonly topic: string,
    timeoutMs: number,
  ) {
    this.producer = cluster.createProducer(ctx, {
      acks: '1',
      retries: 3,
      'enable.idempotence': false,
      'max.in.flight.requests.per.connection': 5,
      'delivery.timeout.ms': 120_000,
      'request.timeout.ms': timeoutMs,
    });
  }

  publish(batch: Batch, done: (o: PublishOutcome) => void): void {
    const acked: Rec[] = [];
    const retry: Rec[] = [];
    const o = outcome({ acked, retry });
    let left = batch.events.length;
    for (const event of batch.events) {
      this.producer.send(this.topic, event, null, (result) => {
        if (result.ok) acked.push(event);
        else retry.push(event);
        if (--left === 0) {
          o.connectionFailed = retry.length > 0;
          done(o);
        }
      });
    }
    this.producer.flush(() => {});
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
}
