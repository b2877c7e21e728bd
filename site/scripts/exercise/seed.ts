/**
 * The seed a run may take: a whole number from 0 to 4294967295 (2^32 − 1), the same range the
 * CLI's `--seed` and an exercise's `seed:` accept. One rule for the field, share links and drafts.
 */
export const MAX_SEED = 4294967295;

export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/** The seed written in a text field, or undefined when it is not a whole number in range ("1e3", "-1", "2.5", ""). */
export function parseSeed(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return isSeed(n) ? n : undefined;
}
