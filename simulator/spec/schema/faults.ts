/** `faults:` — the schedule of things that go wrong (DESIGN §2). */
import { z } from 'zod';
import { duration, probability } from './common.js';

export const linkFaultSchema = z
  .strictObject({
    link: z
      .string()
      .regex(/^[^\s>]+->[^\s>]+$/, 'write a link as from->to, e.g. filebeat->logstash')
      .describe('`from->to` between node ids (or broker addresses such as `kafka/broker-1`). Applies both ways: data one way, ACKs the other.'),
    loss: probability('Chance each message (a batch, a request or an ACK) is dropped.').default(0),
    duplicate: probability('Chance a message is delivered twice.').default(0),
    reorder: probability('Chance a message is held back by an extra random delay, so later ones overtake it.').default(0),
    'reorder-delay': duration('Largest extra delay of a reordered message (default 50ms).').default(50),
    delay: duration('Base one-way latency (default 1ms).').default(1),
    jitter: duration('Extra latency drawn uniformly from [0, jitter].').default(0),
    from: duration('When the fault starts (default 0s).').default(0),
    to: duration('When the fault ends (default: never).').optional(),
  })
  .describe('A network fault on one link.');

export const crashFaultSchema = z
  .strictObject({
    crash: z.string().describe('Node id, or a broker address such as `kafka/broker-1` (a bare Kafka id crashes every broker).'),
    at: duration('When the process dies.'),
    'restart-after': duration('Down time before it restarts; absent → stays down.').optional(),
  })
  .describe('A process crash: volatile state is lost, durable state kept.');

export const partitionFaultSchema = z
  .strictObject({
    partition: z.array(z.string()).min(1).describe('Nodes or broker addresses cut off from everyone else (they can still reach each other).'),
    from: duration('Start of the partition.'),
    to: duration('End of the partition (default: never healed).').optional(),
  })
  .describe('A network partition.');

export const faultSchema = z.union([linkFaultSchema, crashFaultSchema, partitionFaultSchema]).describe('One fault.');

export type LinkFaultSpec = z.output<typeof linkFaultSchema>;
export type CrashFaultSpec = z.output<typeof crashFaultSchema>;
export type PartitionFaultSpec = z.output<typeof partitionFaultSchema>;
export type FaultSpec = z.output<typeof faultSchema>;
