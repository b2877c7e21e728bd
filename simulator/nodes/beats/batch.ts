/** Events, batches and the contract between Filebeat's publisher and its output clients. */
import type { Message } from '../../core/node.js';
import type { Rec, RecordColumn } from '../../core/record.js';

/**
 * One line read by a harvester, as the event built from it. Which file and line it came from
 * follows from its rid (Workload.fileOf / lineOf), so the queue holds the events themselves.
 */
export type BeatEvent = Rec;

export interface Batch {
  readonly id: number;
  /** The events: a ShippedBatch as Filebeat cuts it (shipped-line.ts), or a list an output client handed back for retry. */
  events: RecordColumn;
  /** Sent at least once: a resend may repeat what the output already has. */
  sent: boolean;
}

/** What became of a published batch, per event. */
export interface PublishOutcome {
  /** Delivered (or, for a 409 conflict, already there): slot freed, registry may advance. */
  acked: RecordColumn;
  /** To be sent again after backoff. */
  retry: RecordColumn;
  /** Dropped for good by a non-retryable error; the reason goes to the ledger. */
  dropped: { event: BeatEvent; why: string }[];
  /** The failure closed the connection (timeout, refused): back off before anything else goes out. */
  connectionFailed: boolean;
}

/** An output (Logstash, Elasticsearch, Kafka) as Filebeat's publisher drives it. */
export interface BeatsOutputClient {
  /** Sends a batch; `done` is called exactly once unless the process crashes first. */
  publish(batch: Batch, done: (outcome: PublishOutcome) => void): void;
  /** Messages addressed to this client (ACKs, bulk responses, kafka.*); returns true if handled. */
  receive(msg: Message, from: string): boolean;
  /** Records the client still holds (a Kafka producer's unacknowledged sends). */
  heldRecords?(visit: (rid: number) => void): void;
  /** The process at `address` went down: connections to it are reset (see SimNode.peerDown). */
  peerDown?(address: string): void;
}

export function outcome(partial: Partial<PublishOutcome>): PublishOutcome {
  return { acked: partial.acked ?? [], retry: partial.retry ?? [], dropped: partial.dropped ?? [], connectionFailed: partial.connectionFailed ?? false };
}
