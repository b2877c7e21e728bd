/** One line of a node's log and the virtual time it was written at (to merge sources in order). */
export interface Timed {
  timeMs: number;
  text: string;
}
