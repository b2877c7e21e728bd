/** Building blocks shared by every node schema. */
import { z } from 'zod';
import { parseDuration, parseRate } from '../units.js';

/** A duration (`250ms`, `10s`, `5m`, `7d`, or integer ms), parsed to milliseconds. */
export function duration(description: string) {
  return z
    // Neither a number nor a string (true, .inf, a list): parseDuration says what a duration looks like.
    .union([z.number(), z.string()], { error: (issue) => String(parseDuration(issue.input)) })
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
    .union([z.number(), z.string()], { error: (issue) => String(parseRate(issue.input)) })
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

/**
 * Names JavaScript objects already carry (`__proto__`, `constructor`, `toString`, …). Ids and
 * topic names key objects all the way to the learner: the RunResult JSON, a check's path such as
 * `outputs.es.lostAt.<id>`, the diagram, and any script reading `--json`. A `__proto__` key
 * silently vanishes from a plain object and `constructor` reads a function, so one missed reader
 * turns the ledger into nonsense. Kafka itself keeps `__`-names for its internal topics. So these
 * names are refused where they are written, with the reason, rather than guarded in every reader.
 */
const JS_BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A key of an id-keyed map (node ids, topic names, job versions, index and field names). */
export function recordKey() {
  return z.string().refine((key) => !JS_BUILTIN_NAMES.has(key), {
    error: (issue) => reservedNameMessage(String(issue.input)),
  });
}

/** Why a built-in name is refused; also used for `__proto__`, which Zod skips, so it is refused before validation. */
export function reservedNameMessage(name: string): string {
  return `\`${name}\` is a reserved name: JavaScript gives every object a \`${name}\` of its own, so ids and names here cannot use it`;
}
