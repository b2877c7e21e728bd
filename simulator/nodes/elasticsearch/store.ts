/**
 * What the Elasticsearch node offers to other components (protocols.md, "Elasticsearch"):
 * the serving layer and the run's query read indexed documents through this, never
 * through the node's internals. Registered with `ctx.provide(esId, store)`.
 */
import type { Rec } from '../../core/record.js';
import type { WindowValue } from '../../run/query.js';

/** One stored document: its id, version (1 on create, +1 per overwrite, SEMANTICS §5) and current source. */
export interface EsDocument {
  readonly id: string;
  readonly version: number;
  readonly record: Rec;
  /** Virtual time of the write that produced this version. */
  readonly writtenAtMs: number;
}

export interface ElasticsearchStore {
  /** Names of indices that hold at least one document, in creation order. */
  indices(): string[];
  /** Window values of an index holding aggregate documents, summed over duplicate documents of one (key, window). */
  windowValues(index: string): WindowValue[];
  /** Documents in an index now (a document overwritten N times counts once). */
  documentCount(index: string): number;
  /** Largest event time among an index's documents, or null if it is empty. */
  newestEventMs(index: string): number | null;
  /** A document by id, if present. */
  getDocument(index: string, id: string): EsDocument | undefined;
  /** Visits every document of an index in creation order. */
  documents(index: string, visit: (doc: EsDocument) => void): void;
}
