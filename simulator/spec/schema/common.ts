/** Building blocks shared by every node schema. */
import { z } from 'zod';
import { parseDuration, parseRate } from '../units.js';

/** A duration (`250ms`, `10s`, `5m`, `7d`, or integer ms), parsed to milliseconds. */
export function duration(description: string) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (typeof ms === 'string') {
        ctx.addIssue({ code: 'custom', message: ms });
        return z.NEVER;
      }
      return ms;
    })
    .describe(description);
}

/** A rate (`200/s`), parsed to events per second. */
export function rate(description: string) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const perSecond = parseRate(value);
      if (typeof perSecond === 'string') {
        ctx.addIssue({ code: 'custom', message: perSecond });
        return z.NEVER;
      }
      return perSecond;
    })
    .describe(description);
}

export const probability = (description: string) => z.number().min(0).max(1).describe(description);

/** A reference to another node by its id in `nodes:`. */
export const nodeRef = (description: string) => z.string().min(1).describe(description);

export const positiveInt = (description: string) => z.number().int().positive().describe(description);
