/**
 * The broker's side of idempotence (SEMANTICS §3, KIP-98): per partition, for each producer id
 * the latest producer epoch and the sequence numbers of its last five batches.
 *
 * A batch whose sequence range matches one already written is a resend: it is acknowledged with
 * the original offset and not appended again. A gap in the sequence is OUT_OF_ORDER_SEQUENCE_NUMBER
 * (the client retries it after the missing batch), and a batch from an older epoch than one already
 * seen comes from a fenced zombie. The state is rebuilt from the log itself (batches carry producer
 * id, epoch and sequence), so followers have it too and it survives a leader change.
 */
export interface ProducerEntry {
  epoch: number;
  lastSequence: number;
  /** The last five batches: sequence range → base offset (the broker keeps five, as max.in.flight ≤ 5 requires). */
  recent: { firstSeq: number; lastSeq: number; baseOffset: number }[];
}

export type SequenceVerdict =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'error'; error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' | 'INVALID_PRODUCER_EPOCH' };

const RECENT_BATCHES = 5;

export function checkSequence(
  states: ReadonlyMap<number, ProducerEntry>,
  producerId: number,
  producerEpoch: number,
  baseSequence: number,
  count: number,
): SequenceVerdict {
  const state = states.get(producerId);
  if (!state) return baseSequence === 0 ? { kind: 'append' } : { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
  if (producerEpoch < state.epoch) return { kind: 'error', error: 'INVALID_PRODUCER_EPOCH' };
  if (producerEpoch > state.epoch) return baseSequence === 0 ? { kind: 'append' } : { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
  const lastSeq = baseSequence + count - 1;
  for (const b of state.recent) {
    if (b.firstSeq === baseSequence && b.lastSeq === lastSeq) return { kind: 'duplicate', baseOffset: b.baseOffset };
  }
  if (baseSequence === state.lastSequence + 1) return { kind: 'append' };
  // A sequence at or below the last one that matches no cached batch is an old duplicate the
  // broker can no longer place: the real broker answers DUPLICATE_SEQUENCE_NUMBER, which the
  // client treats as success without an offset. Above it is a gap.
  if (lastSeq <= state.lastSequence) return { kind: 'duplicate', baseOffset: -1 };
  return { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
}

/** Records an appended batch in the producer's state (leader and followers alike). */
export function recordSequence(states: Map<number, ProducerEntry>, producerId: number, producerEpoch: number, baseSequence: number, count: number, baseOffset: number): void {
  let state = states.get(producerId);
  if (!state || producerEpoch > state.epoch) {
    state = { epoch: producerEpoch, lastSequence: -1, recent: [] };
    states.set(producerId, state);
  }
  if (baseSequence < 0) return;
  state.lastSequence = baseSequence + count - 1;
  state.recent.push({ firstSeq: baseSequence, lastSeq: state.lastSequence, baseOffset });
  if (state.recent.length > RECENT_BATCHES) state.recent.shift();
}

/** A transaction marker written with a (possibly bumped) epoch also fences older epochs. */
export function recordEpoch(states: Map<number, ProducerEntry>, producerId: number, producerEpoch: number): void {
  const state = states.get(producerId);
  if (!state) states.set(producerId, { epoch: producerEpoch, lastSequence: -1, recent: [] });
  else if (producerEpoch > state.epoch) {
    state.epoch = producerEpoch;
    state.lastSequence = -1;
    state.recent = [];
  }
}
