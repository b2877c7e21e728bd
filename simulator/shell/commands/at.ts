/**
 * `at [<time> | end]`: moves this terminal to an instant of the run, as the scrubber does for the
 * diagram. Not a real tool (a real terminal lives in the present): it stands for "look at the
 * dashboards as they were then". The metric views answer as of that instant; commands that read
 * the final state (kafka-consumer-groups, _search) say nothing about it and keep answering for the end.
 */
import { ok, fail, NO_RUN, emptySession, type Command } from '../types.js';
import { parseDuration } from '../../spec/units.js';
import { clock } from '../view.js';

export const at: Command = {
  name: 'at',
  summary: 'set the instant the metric views answer for (like the scrubber): at 12s · at end · at',
  usage: [
    'at <time>  |  at end  |  at',
    '  <time> is a duration since the run started (12s, 1500ms, 2m). Affects: curl localhost:9600/_node/stats,',
    '  curl localhost:8081/jobs/…, curl localhost:9200/_cat/thread_pool and /_cluster/health,',
    '  kafka-topics --describe --under-replicated-partitions / --under-min-isr-partitions / --unavailable-partitions.',
  ].join('\n'),
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const base = session ?? emptySession(handle);
    const end = handle.result.simulatedMs;
    if (args.length === 0) return ok(`at ${clock(base.atMs ?? end)}${base.atMs === undefined ? ' (the end of the run)' : ''}`);
    if (args[0] === 'end') {
      const { atMs: _dropped, ...rest } = base;
      return { text: `at ${clock(end)} (the end of the run)`, status: 0, session: rest };
    }
    const ms = parseDuration(/^\d+$/.test(args[0]!) ? Number(args[0]) : args[0]);
    if (typeof ms === 'string') return fail(`at: ${ms}`, 2);
    if (ms > end) return fail(`at: the run ended at ${clock(end)}`, 1);
    return { text: `at ${clock(ms)}`, status: 0, session: { ...base, atMs: ms } };
  },
  complete() {
    return ['end', '0s', '10s', '30s'];
  },
};
