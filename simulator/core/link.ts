/**
 * Link behaviour: what the network does to one message on its way (DESIGN §2).
 * Settings come from the fault schedule and change over time; a message draws its fate
 * from the link's own random stream when it is sent.
 */
import type { Rng } from './prng.js';

export interface LinkSettings {
  loss: number;
  duplicate: number;
  reorder: number;
  reorderDelayMs: number;
  delayMs: number;
  jitterMs: number;
}

export const HEALTHY_LINK: LinkSettings = { loss: 0, duplicate: 0, reorder: 0, reorderDelayMs: 50, delayMs: 1, jitterMs: 0 };

/** Arrival delays of the copies that get through: [] = lost, two entries = duplicated. */
export function deliveryDelays(link: LinkSettings, rng: Rng): number[] {
  if (rng.chance(link.loss)) return [];
  const first = oneDelay(link, rng);
  if (rng.chance(link.duplicate)) return [first, oneDelay(link, rng)];
  return [first];
}

function oneDelay(link: LinkSettings, rng: Rng): number {
  let d = link.delayMs;
  if (link.jitterMs > 0) d += rng.int(0, link.jitterMs);
  if (rng.chance(link.reorder)) d += rng.int(1, Math.max(1, link.reorderDelayMs));
  return d;
}
