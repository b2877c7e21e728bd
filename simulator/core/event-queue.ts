/**
 * The simulator's event queue: a binary min-heap ordered by (timeMs, seq).
 *
 * `seq` is a number that grows with every insertion, so two events at the same
 * virtual millisecond run in the order they were scheduled. That tie-break is
 * what makes every run reproducible (STYLE §5: numbers, never string ids).
 *
 * The heap keeps its keys in parallel arrays rather than one object per entry:
 * the hot loop then compares plain numbers and allocates nothing but the task.
 */
export type Task = () => void;

export class EventQueue {
  private times: number[] = [];
  private seqs: number[] = [];
  private tasks: Task[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.tasks.length;
  }

  push(timeMs: number, task: Task): void {
    const seq = this.nextSeq++;
    let i = this.tasks.length;
    this.times.push(timeMs);
    this.seqs.push(seq);
    this.tasks.push(task);
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(timeMs, seq, this.times[parent]!, this.seqs[parent]!)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = timeMs;
    this.seqs[i] = seq;
    this.tasks[i] = task;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.tasks.length === 0 ? Infinity : this.times[0]!;
  }

  /** Removes the earliest event and returns its task; the caller reads its time first with peekTime(). */
  pop(): Task | undefined {
    const n = this.tasks.length;
    if (n === 0) return undefined;
    const top = this.tasks[0]!;
    const lastTime = this.times.pop()!;
    const lastSeq = this.seqs.pop()!;
    const lastTask = this.tasks.pop()!;
    if (n > 1) {
      // Sift the former last element down from the root.
      let i = 0;
      const size = n - 1;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        let child = left;
        if (right < size && this.before(this.times[right]!, this.seqs[right]!, this.times[left]!, this.seqs[left]!)) {
          child = right;
        }
        if (!this.before(this.times[child]!, this.seqs[child]!, lastTime, lastSeq)) break;
        this.move(child, i);
        i = child;
      }
      this.times[i] = lastTime;
      this.seqs[i] = lastSeq;
      this.tasks[i] = lastTask;
    }
    return top;
  }

  private before(t1: number, s1: number, t2: number, s2: number): boolean {
    return t1 < t2 || (t1 === t2 && s1 < s2);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.tasks[to] = this.tasks[from]!;
  }
}
