/**
 * The terminal's line editing, apart from xterm: a buffer with a cursor, history (↑/↓) and the
 * usual readline keys (←/→, Home/End, Ctrl-A/E/U/K/W, Backspace, Delete). Pure state; the
 * terminal module turns key sequences into calls and redraws the line from `render()`.
 */

export class LineEditor {
  buffer = '';
  cursor = 0;
  private readonly history: string[] = [];
  /** Index into history while browsing; history.length = the line being typed. */
  private browsing = 0;
  private draft = '';

  constructor(private readonly maxHistory = 200) {}

  insert(text: string): void {
    const clean = text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
    this.buffer = this.buffer.slice(0, this.cursor) + clean + this.buffer.slice(this.cursor);
    this.cursor += clean.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
    this.cursor--;
  }

  delete(): void {
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.buffer.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.buffer.length;
  }

  /** Ctrl-U: delete before the cursor. */
  killBefore(): void {
    this.buffer = this.buffer.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl-K: delete after the cursor. */
  killAfter(): void {
    this.buffer = this.buffer.slice(0, this.cursor);
  }

  /** Ctrl-W: delete the word before the cursor. */
  killWord(): void {
    const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, '');
    this.buffer = before + this.buffer.slice(this.cursor);
    this.cursor = before.length;
  }

  up(): void {
    if (this.browsing === 0) return;
    if (this.browsing === this.history.length) this.draft = this.buffer;
    this.browsing--;
    this.set(this.history[this.browsing] ?? '');
  }

  down(): void {
    if (this.browsing >= this.history.length) return;
    this.browsing++;
    this.set(this.browsing === this.history.length ? this.draft : (this.history[this.browsing] ?? ''));
  }

  /** Enter: returns the line and starts a new one; non-blank lines go to history (no immediate repeats). */
  submit(): string {
    const line = this.buffer;
    if (line.trim() && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > this.maxHistory) this.history.shift();
    }
    this.browsing = this.history.length;
    this.draft = '';
    this.set('');
    return line;
  }

  /** Replaces the word before the cursor (`word`) with `completion`. */
  completeWord(word: string, completion: string): void {
    const start = this.cursor - word.length;
    if (start < 0 || this.buffer.slice(start, this.cursor) !== word) return;
    this.buffer = this.buffer.slice(0, start) + completion + this.buffer.slice(this.cursor);
    this.cursor = start + completion.length;
  }

  /** The text before the cursor (what tab completion works on). */
  beforeCursor(): string {
    return this.buffer.slice(0, this.cursor);
  }

  private set(text: string): void {
    this.buffer = text;
    this.cursor = text.length;
  }
}

/** Longest common prefix of completion candidates (what Tab inserts when there are several). */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
