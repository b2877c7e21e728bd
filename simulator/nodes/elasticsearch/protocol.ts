/**
 * The bulk protocol between Elasticsearch clients (Filebeat, Logstash, consumers, Flink)
 * and the Elasticsearch node, as pinned in the helpers' protocols: one request per batch,
 * one status per item (the Bulk API is not atomic [ES1]).
 */
import type { Message } from '../../core/node.js';
import type { Rec } from '../../core/record.js';

export interface EsBulkItem {
  index: string;
  /** Explicit `_id`; absent → Elasticsearch generates one, so a resend makes a new document. */
  id?: string;
  /** `index` overwrites a document with the same id (version + 1); `create` fails with 409 if it exists. */
  op: 'index' | 'create';
  record: Rec;
}

export interface EsBulkRequest extends Message {
  kind: 'es.bulk';
  requestId: number;
  items: EsBulkItem[];
  /** The items' records, so the network can account for them if the request is lost. */
  records: Rec[];
}

export interface EsBulkItemResult {
  /** 201 created, 200 updated, 409 conflict on create, 429 rejected (retry), 400 mapping error. */
  status: number;
  id: string;
  version?: number;
  error?: string;
}

export interface EsBulkResponse extends Message {
  kind: 'es.bulk.response';
  requestId: number;
  errors: boolean;
  items: EsBulkItemResult[];
}

/** Whether a failed item is worth sending again: 429 and 503 are backpressure, not a verdict [LS9]. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status >= 500;
}
