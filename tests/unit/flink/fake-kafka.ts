/**
 * A minimal in-memory stand-in for the Kafka cluster handle, for Flink unit tests that must not
 * depend on the broker model: one log per partition, records appended by the test at chosen
 * times, consumers in assign mode that fetch after a 1 ms round trip. No producers.
 */
import type { Message, NodeContext } from '../../../simulator/core/node.js';
import type { Rec } from '../../../simulator/core/record.js';
import type { ConsumedRecord, ConsumerConfig, KafkaClusterHandle, KafkaConsumerClient, KafkaProducerClient } from '../../../simulator/nodes/kafka/client-api.js';

export class FakeKafka {
  readonly logs: Rec[][];
  readonly committed = new Map<number, number>();
  constructor(
    readonly id: string,
    readonly topic: string,
    partitions: number,
  ) {
    this.logs = Array.from({ length: partitions }, () => []);
  }

  append(partition: number, rec: Rec): void {
    this.logs[partition]!.push(rec);
  }

  handle(): KafkaClusterHandle {
    const logs = this.logs;
    const topic = this.topic;
    const committed = this.committed;
    return {
      id: this.id,
      createProducer(): KafkaProducerClient {
        throw new Error('fake kafka has no producers');
      },
      createConsumer(host: NodeContext, config: ConsumerConfig): KafkaConsumerClient {
        const pos = new Map<number, number>();
        return {
          subscribe: () => undefined,
          assign: (_t, parts, start) => {
            for (const p of parts) pos.set(p, start?.get(p) ?? 0);
          },
          poll: (cb) => {
            host.timer(1, () => {
              const out: ConsumedRecord[] = [];
              for (const [p, o] of pos) {
                const log = logs[p]!;
                let off = o;
                while (off < log.length && out.length < config['max.poll.records']) {
                  out.push({ topic: topic, partition: p, offset: off, record: log[off]! });
                  off++;
                }
                pos.set(p, off);
              }
              cb(out);
            });
          },
          seek: (p, o) => void pos.set(p, o),
          position: (p) => pos.get(p),
          commit: (offsets) => {
            for (const [p, o] of offsets) committed.set(p, o);
          },
          assignment: () => [...pos.keys()],
          partitionsFor: () => logs.length,
          close: () => undefined,
          receive: (_m: Message) => false,
          peerDown: () => undefined,
          inspect: () => ({}),
        };
      },
      partitionsFor: () => this.logs.length,
      recordsFrom: (_t, p, o, visit) => {
        const log = this.logs[p] ?? [];
        for (let i = o; i < log.length; i++) visit(log[i]!.rid);
      },
      logStartOffsets: () => this.logs.map(() => 0),
      logEndOffsets: () => this.logs.map((l) => l.length),
      highWatermarks: () => this.logs.map((l) => l.length),
      committedOffsets: () => this.committed,
      describe: () => ({ brokers: [], topics: [], groups: [], transactions: [] }),
    } as KafkaClusterHandle;
  }
}
