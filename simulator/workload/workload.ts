/**
 * The workload: lines written round-robin into `files` log files at a steady rate.
 *
 * rid r is the r-th line written overall, in file r mod files, as that file's line
 * floor(r / files); it is written at virtual time floor(r · 1000 / rate). Because rids
 * are generation order, the ledger can detect reordering by comparing rids, and the
 * truth of any query can be recomputed from (seed, rid) alone.
 */
import { hashUnit } from '../core/prng.js';
import type { Rec, FieldMap } from '../core/record.js';
import type { WorkloadSpec } from '../spec/schema/workload.js';
import { jsonLength, jsonNumberLength, jsonStringLength } from '../core/json-length.js';
import { accessLogCapture, accessLogTextLength, accessLogTextLengths, generateField, generateLine, generateText, type GeneratedLine, type TextMeasure } from './generators.js';

const SALT_LATE = 101;
const SALT_LAG = 102;
const SALT_MALFORMED = 103;

/** `{"file":` `,"offset":` `}`: the JSON of a `log` field less its two values. */
const LOG_FIELD_JSON_LENGTH = 2 + jsonStringLength('file') + 1 + 1 + jsonStringLength('offset') + 1;

export class Workload {
  readonly total: number;
  readonly files: number;
  private readonly ratePerMs: number;
  /** File names and paths, built once: every record carries them. */
  private readonly names: string[] = [];
  /**
   * `log.file` of each file's records, one object per file: records are immutable (a filter that
   * changes a nested field copies the path to it), so they can share it.
   */
  private readonly fileFields: FieldMap[] = [];
  /** `JSON.stringify(fileFields[f]).length`, for sizing events as JSON without writing them. */
  private readonly fileJsonLengths: number[] = [];

  constructor(
    readonly spec: WorkloadSpec,
    readonly seed: number,
    readonly durationMs: number,
  ) {
    this.files = spec.files;
    this.ratePerMs = spec.rate / 1000;
    this.total = Math.max(0, Math.ceil((durationMs * spec.rate) / 1000 - 1e-9));
    for (let f = 0; f < this.files; f++) {
      this.names.push(this.nameOf(f));
      this.fileFields.push({ path: `/var/log/app/${this.nameOf(f)}` });
      this.fileJsonLengths.push(jsonLength(this.fileFields[f]));
    }
  }

  fileName(file: number): string {
    return this.names[file] ?? this.nameOf(file);
  }

  private nameOf(file: number): string {
    const base = this.spec.generator === 'access-log' ? 'access' : this.spec.generator;
    return `${base}-${file}.log`;
  }

  ridOf(file: number, line: number): number {
    return line * this.files + file;
  }

  fileOf(rid: number): number {
    return rid % this.files;
  }

  lineOf(rid: number): number {
    return Math.floor(rid / this.files);
  }

  writeTimeMs(rid: number): number {
    return Math.floor(rid / this.ratePerMs);
  }

  /** Lines of `file` written at or before virtual time `timeMs` (never more than the workload has). */
  linesWrittenBy(file: number, timeMs: number): number {
    if (timeMs < 0) return 0;
    // Largest rid written at or before timeMs, capped by the total.
    let maxRid = Math.min(this.total - 1, Math.floor((timeMs + 1) * this.ratePerMs - 1e-9));
    while (maxRid >= 0 && this.writeTimeMs(maxRid) > timeMs) maxRid--;
    while (maxRid + 1 < this.total && this.writeTimeMs(maxRid + 1) <= timeMs) maxRid++;
    if (maxRid < file) return 0;
    return Math.floor((maxRid - file) / this.files) + 1;
  }

  /** Total lines `file` will have when the workload is done. */
  linesInFile(file: number): number {
    return this.total > file ? Math.floor((this.total - 1 - file) / this.files) + 1 : 0;
  }

  /** When `file`'s line `line` is written. */
  lineWriteTimeMs(file: number, line: number): number {
    return this.writeTimeMs(this.ridOf(file, line));
  }

  isMalformed(rid: number): boolean {
    return hashUnit(this.seed, rid, SALT_MALFORMED) < this.spec.malformed;
  }

  /** The event time the line states. Access-log timestamps have one-second resolution. */
  eventTimeMs(rid: number): number {
    let t = this.writeTimeMs(rid);
    const late = this.spec.late;
    if (late && late.fraction > 0 && hashUnit(this.seed, rid, SALT_LATE) < late.fraction) {
      t -= 1 + Math.floor(hashUnit(this.seed, rid, SALT_LAG) * Math.max(0, late.max - 1));
    }
    t = Math.max(0, t);
    return this.spec.generator === 'access-log' ? t - (t % 1000) : t;
  }

  line(rid: number): GeneratedLine {
    return generateLine(this.spec.generator, this.seed, rid, this.eventTimeMs(rid), this.isMalformed(rid));
  }

  /** A display id: `access-0.log:42` (1-based line number, like `grep -n`). */
  displayId(rid: number): string {
    return `${this.fileName(this.fileOf(rid))}:${this.lineOf(rid) + 1}`;
  }

  /** The rid of a display id such as `access-0.log:42`, or undefined if there is no such record. */
  ridOfDisplayId(id: string): number | undefined {
    const m = /^(.+):(\d+)$/.exec(id.trim());
    if (!m) return undefined;
    for (let f = 0; f < this.files; f++) {
      if (this.fileName(f) !== m[1]) continue;
      const line = Number(m[2]) - 1;
      const rid = this.ridOf(f, line);
      return line >= 0 && rid < this.total ? rid : undefined;
    }
    return undefined;
  }

  /** The record as Filebeat reads it: the raw line as `message`, plus where it came from. */
  record(rid: number): Rec {
    const eventTimeMs = this.eventTimeMs(rid);
    const fields: FieldMap = { message: this.text(rid, eventTimeMs), log: this.logField(rid) };
    return { rid, eventTimeMs, fields };
  }

  /** The raw line (what `record(rid).fields.message` holds); `eventTimeMs` is `eventTimeMs(rid)`. */
  text(rid: number, eventTimeMs: number): string {
    return generateText(this.spec.generator, this.seed, rid, eventTimeMs, this.isMalformed(rid));
  }

  /** `text(rid, eventTimeMs).length`, without building the text for a well-formed access-log line. */
  textLength(rid: number, eventTimeMs: number): number {
    if (this.isAccessLine(rid)) return accessLogTextLength(this.seed, rid, eventTimeMs);
    return this.text(rid, eventTimeMs).length;
  }

  /**
   * `text(rid, eventTimeMs).length` and `JSON.stringify` of it `.length` into `out`, without building the
   * text for a well-formed access-log line: what a shipped event's `message` takes in its JSON.
   */
  measureText(rid: number, eventTimeMs: number, out: TextMeasure): void {
    if (this.isAccessLine(rid)) {
      accessLogTextLengths(this.seed, rid, eventTimeMs, out);
      return;
    }
    const text = this.text(rid, eventTimeMs);
    out.chars = text.length;
    out.jsonChars = jsonStringLength(text);
  }

  /** Whether rid's line is a well-formed access-log line: `%{COMBINEDAPACHELOG}` captures are then `accessCapture`. */
  isAccessLine(rid: number): boolean {
    return this.spec.generator === 'access-log' && !this.isMalformed(rid);
  }

  /** One `%{COMBINEDAPACHELOG}` capture of a well-formed access-log line (see `isAccessLine`), from the generator's draws. */
  accessCapture(rid: number, eventTimeMs: number, name: string): string | undefined {
    return accessLogCapture(this.seed, rid, eventTimeMs, name);
  }

  /** Where the line came from (what `record(rid).fields.log` holds): file path and line offset. */
  logField(rid: number): FieldMap {
    const file = this.fileOf(rid);
    return { file: this.fileFields[file]!, offset: this.lineOf(rid) };
  }

  /** `JSON.stringify(logField(rid)).length`, without building the map: `{"file":…,"offset":…}`. */
  logFieldJsonLength(rid: number): number {
    return LOG_FIELD_JSON_LENGTH + this.fileJsonLengths[this.fileOf(rid)]! + jsonNumberLength(this.lineOf(rid));
  }

  /** Ground truth of one field, or null for a malformed line; `eventTimeMs` is `eventTimeMs(rid)`, when the caller has it. */
  truthField(rid: number, field: string, eventTimeMs = this.eventTimeMs(rid)): string | number | null {
    if (this.isMalformed(rid)) return null;
    // The one field alone when the generator can compute it (same draws, same value), else the whole line.
    const fast = generateField(this.spec.generator, this.seed, rid, eventTimeMs, field);
    if (fast !== undefined) return fast;
    const fields = this.line(rid).fields;
    if (!fields) return null;
    return fields[field] ?? null;
  }
}
