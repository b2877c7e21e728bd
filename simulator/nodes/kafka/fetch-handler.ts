/**
 * The leader's side of a consumer fetch (SEMANTICS §3).
 *
 * Consumers only see records below the high watermark — committed to every ISR member — and
 * read_committed consumers only below the last stable offset, skipping aborted transactions.
 * An offset outside [log start, log end] is OFFSET_OUT_OF_RANGE (e.g. deleted by retention.ms);
 * the client then applies auto.offset.reset. An empty fetch is parked up to fetch.max.wait.ms
 * and answered as soon as the high watermark moves (long polling keeps idle consumers cheap).
 *
 * Offsets -1 and -2 ask for the earliest / latest offset (ListOffsets, folded into the fetch).
 */
import type { Message } from '../../core/node.js';
import type { Broker } from './broker.js';
import type { LogRun, LogSlice } from './partition-log.js';
import { tpKey } from './tp-key.js';

export const EARLIEST = -1;
export const LATEST = -2;

export interface FetchRequest extends Message {
  requestId: number;
  readCommitted: boolean;
  maxRecords: number;
  maxWaitMs: number;
  partitions: { topic: string; partition: number; offset: number }[];
}

export interface FetchResult {
  topic: string;
  partition: number;
  error?: string;
  /** The offset the fetch started from (resolved when -1/-2 was asked). */
  fetchOffset: number;
  /**
   * The records, as runs of the leader's stored batches (partition-log.ts `readSlice`): the consumer
   * makes each record when its application polls it, so an answer in flight holds no record objects.
   */
  runs: readonly LogRun[];
  /** Records in `runs`. */
  count: number;
  /** Their value bytes (record-bytes.ts): what the broker counts as bytes out and the wire carries. */
  valueBytes: number;
  nextOffset: number;
  logStartOffset: number;
  highWatermark: number;
  lastStableOffset: number;
}

export interface FetchResponse extends Message {
  requestId: number;
  results: FetchResult[];
}

export interface ParkedFetch {
  keys: string[];
  retry: () => boolean;
}

/** One partition's answer, built as one object literal (object spreads here cost a slow copy per fetch). */
function result(
  p: { topic: string; partition: number },
  fetchOffset: number,
  slice: LogSlice,
  logStartOffset: number,
  highWatermark: number,
  lastStableOffset: number,
  error: string | undefined,
): FetchResult {
  const r: FetchResult = {
    topic: p.topic,
    partition: p.partition,
    runs: slice.runs,
    count: slice.count,
    valueBytes: slice.valueBytes,
    fetchOffset,
    logStartOffset,
    highWatermark,
    lastStableOffset,
    nextOffset: slice.nextOffset,
  };
  if (error !== undefined) r.error = error;
  return r;
}

/** Shared by the answers that carry no records; nobody writes into an answer's runs. */
const NO_RUNS: readonly LogRun[] = [];

/** An answer without records that tells the reader to go on at `offset`. */
const nothingAt = (offset: number): LogSlice => ({ runs: NO_RUNS, count: 0, nextOffset: offset, valueBytes: 0 });

function answer(broker: Broker, req: FetchRequest, from: string, final: boolean): boolean {
  const results: FetchResult[] = [];
  let budget = req.maxRecords;
  let anything = false;
  for (const p of req.partitions) {
    const r = broker.replicas.get(tpKey(p.topic, p.partition));
    if (!r || r.leader !== broker.brokerId) {
      results.push(result(p, p.offset, nothingAt(p.offset), 0, 0, 0, 'NOT_LEADER_OR_FOLLOWER'));
      anything = true;
      continue;
    }
    const log = r.log;
    const lso = log.lastStableOffset();
    const limit = req.readCommitted ? lso : log.highWatermark;
    const offset = p.offset === EARLIEST ? log.logStartOffset : p.offset === LATEST ? limit : p.offset;
    if (offset < log.logStartOffset || offset > log.logEndOffset) {
      results.push(result(p, offset, nothingAt(offset), log.logStartOffset, log.highWatermark, lso, 'OFFSET_OUT_OF_RANGE'));
      anything = true;
      continue;
    }
    const slice = budget > 0 ? log.readSlice(offset, limit, budget, req.readCommitted) : nothingAt(offset);
    budget -= slice.count;
    broker.meters.bytesOut += slice.valueBytes;
    if (slice.count > 0 || slice.nextOffset !== offset || p.offset < 0) anything = true;
    results.push(result(p, offset, slice, log.logStartOffset, log.highWatermark, lso, undefined));
  }
  if (!anything && !final) return false;
  broker.ctx.send(from, { kind: 'kafka.fetch.response', requestId: req.requestId, results } as FetchResponse);
  return true;
}

export function handleFetch(broker: Broker, msg: Message, from: string): void {
  const req = msg as FetchRequest;
  broker.counters.fetchRequests++;
  if (answer(broker, req, from, req.maxWaitMs <= 0)) return;
  let done = false;
  const entry: ParkedFetch = {
    keys: req.partitions.map((p) => tpKey(p.topic, p.partition)),
    retry: () => {
      if (!done) done = answer(broker, req, from, false);
      return done;
    },
  };
  broker.parked.push(entry);
  broker.ctx.timer(req.maxWaitMs, () => {
    if (done) return;
    done = true;
    broker.parked = broker.parked.filter((p) => p !== entry);
    answer(broker, req, from, true);
  });
}

/** The high watermark (or LSO) of a partition moved: answer parked fetches that wait on it. */
export function wakeParkedFetches(broker: Broker, key: string): void {
  broker.parked = broker.parked.filter((p) => !(p.keys.includes(key) && p.retry()));
}
