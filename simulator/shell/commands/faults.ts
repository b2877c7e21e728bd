/**
 * `faults`: the fault schedule of the last run (link faults, partitions, crashes) and what the
 * run's log says happened at those moments (crashes, restarts, links turning bad and healing).
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { clock } from '../view.js';
import { formatDuration } from '../../spec/units.js';

export const faults: Command = {
  name: 'faults',
  summary: 'the fault schedule of the last run and what happened when each fault struck',
  usage: 'faults',
  run(_args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const schedule = handle.spec.faults.map((f) => {
      if ('link' in f) {
        const what = [f.loss && `loss=${f.loss}`, f.duplicate && `duplicate=${f.duplicate}`, f.reorder && `reorder=${f.reorder}`, `delay=${formatDuration(f.delay)}`, f.jitter && `jitter=${formatDuration(f.jitter)}`]
          .filter(Boolean)
          .join(' ');
        return `  link       ${f.link.padEnd(28)} ${formatDuration(f.from)} → ${f.to === undefined ? 'end' : formatDuration(f.to)}  ${what}`;
      }
      if ('crash' in f) {
        const back = f['restart-after'] === undefined ? 'stays down' : `restarts after ${formatDuration(f['restart-after'])}`;
        return `  crash      ${f.crash.padEnd(28)} at ${formatDuration(f.at)}, ${back}`;
      }
      return `  partition  ${f.partition.join(',').padEnd(28)} ${formatDuration(f.from)} → ${f.to === undefined ? 'end' : formatDuration(f.to)}`;
    });
    const events = handle.result.log
      // A network partition's own lines (run.ts), not every line with the word: an Airflow try commits
      // "rows to partition …" and a Kafka consumer sees new partitions, neither of them a fault.
      .filter((l) => /crashed|restarted|link fault|network partition/.test(l.text))
      .map((l) => `  ${clock(l.timeMs).padEnd(12)} ${l.source.padEnd(24)} ${l.text}`);
    return ok(
      [
        schedule.length ? 'schedule:' : 'schedule: no faults — everything stayed up and every link delivered.',
        ...schedule,
        ...(events.length ? ['', 'what happened:', ...events] : []),
      ].join('\n'),
    );
  },
};
