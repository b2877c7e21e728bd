/**
 * An event as Logstash's filters left it, kept as the event they started from and the filters
 * themselves rather than as the field map they wrote (issue 18: a record's fields are a function of
 * (seed, rid) and the filters it went through, computed when something needs them).
 *
 * The filter section is one pure function of the event (filters.ts): the same input event gives the
 * same output, key for key and in order. So an output that keeps a million events (an index fed
 * through `date` and `mutate`) keeps a million small objects over lazy lines, not a million maps with
 * their text; `fields` runs the filters again each time it is read. What is read per event on the hot
 * path (the event time, the message's length) is taken once, when the filters first ran.
 */
import { LazyRec, type FieldMap, type FieldValue, type Rec } from '../../core/record.js';
import type { FilterFn } from './filters.js';

export class FilteredRec extends LazyRec {
  readonly rid: number;
  readonly eventTimeMs: number;
  private readonly messageChars: number;

  constructor(
    /** The event the filters started from (itself lazy). */
    private readonly input: LazyRec,
    /** The compiled filter section, and the time it ran at: running it again gives `output` again. */
    private readonly filter: FilterFn,
    private readonly ranAtMs: number,
    /** What the filters made of `input` this once; only its rid, event time and message length are kept. */
    output: Rec,
  ) {
    super();
    this.rid = output.rid;
    this.eventTimeMs = output.eventTimeMs;
    const message = output.fields['message'];
    this.messageChars = typeof message === 'string' ? message.length : 0;
  }

  get fields(): FieldMap {
    return this.filter(this.input, this.ranAtMs)!.fields;
  }

  protected top(name: string): FieldValue | undefined {
    return this.fields[name];
  }

  messageLength(): number {
    return this.messageChars;
  }
}
