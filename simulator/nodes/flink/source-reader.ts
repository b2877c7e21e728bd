/**
 * What a Flink job instance needs of its source, whichever system it reads: splits (Kafka partitions,
 * Kinesis shards) numbered from 0, a read position per split that checkpoints store and a restore
 * seeks to, where a job without a checkpoint starts, split discovery while running, and the records
 * still waiting in the source (in flight, lag). Positions are numbers that rise with each record of a
 * split: a Kafka offset (next to read), a Kinesis sequence position (last read).
 */
import type { Message } from '../../core/node.js';
import type { PolledRecords } from '../kafka/polled-records.js';

export type Offsets = ReadonlyMap<number, number>;

export interface FlinkSourceReader {
  /** Topic or stream name: the split owner is derived from it. */
  readonly name: string;
  /** Splits known to the enumerator (index = split number). */
  readonly partitions: number[];
  /** Read position per split, as a checkpoint barrier would record it. */
  readonly positions: Map<number, number>;
  /** Set while the job cannot take more input: reading pauses. */
  paused: boolean;
  readonly active: boolean;
  /** How often the enumerator looks for new splits (0 = never). */
  readonly discoveryIntervalMs: number;
  /** A split with no records for this long stops holding back the watermark. */
  readonly idlenessMs: number | undefined;
  /** What a split is called in logs ('partitions', 'shards'), and where a discovered one is read from. */
  readonly splitWords: { readonly plural: string; readonly discoveredFrom: string };
  /** Where a job without a checkpoint starts, in words for logs (`starting-offsets earliest`). */
  readonly startDescription: string;
  /** Looks for splits not known yet and adds the ones it may read; returns them. */
  discover(): number[];
  /** Where newly discovered splits start. */
  earliestOffsets(partitions: readonly number[]): Map<number, number>;
  /** Adds discovered splits to the running reader. */
  addSplits(offsets: Offsets): void;
  /** Where a job without a checkpoint starts reading. */
  initialOffsets(): Map<number, number>;
  start(offsets: Offsets): void;
  stop(): void;
  resume(delay?: number): void;
  /** Records between `from` and `to` that a restart without a checkpoint skipped. */
  noteSkipped(from: Offsets, to: Offsets, note: (rid: number) => void): void;
  /** After a completed checkpoint (Kafka: group offsets for monitoring). */
  commitForMonitoring(offsets: Offsets): void;
  receive(msg: Message, from: string): boolean;
  peerDown(address: string): void;
  /** Records after `offsets` still in the source: what the job has yet to read. */
  visitUnread(offsets: Offsets, visit: (rid: number) => void): void;
  /** Records readable beyond the positions. */
  lag(offsets?: Offsets): number;
}

export type SourceFactory = (onRecords: (records: PolledRecords) => void) => FlinkSourceReader;
