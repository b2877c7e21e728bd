/**
 * `tail [-n N] <file>`: the application's log files Filebeat harvests (`/var/log/app/access-0.log`,
 * as written by the end of the run), each node's own log (`/var/log/<node>.log`: the lines that
 * process writes, in its own layout, for the events of the run; see ../log-format) and the
 * simulator's event log (`/var/log/sim.log`: every node's crashes, restarts, retries, link faults).
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { nodeLog, simLine } from '../log-format/index.js';
import type { RunHandle } from '../../run/run.js';
import { groupOf } from '../../core/network.js';

const APP_DIR = '/var/log/app/';

function appFiles(handle: RunHandle): string[] {
  const w = handle.workload;
  return Array.from({ length: w.files }, (_, f) => APP_DIR + w.fileName(f));
}

function nodeLogs(handle: RunHandle): string[] {
  return ['/var/log/sim.log', ...Object.keys(handle.spec.nodes).map((id) => `/var/log/${id}.log`)];
}

function tailApp(handle: RunHandle, path: string, n: number): string | undefined {
  const w = handle.workload;
  for (let f = 0; f < w.files; f++) {
    if (APP_DIR + w.fileName(f) !== path) continue;
    const written = w.linesWrittenBy(f, handle.result.simulatedMs);
    const lines: string[] = [];
    for (let line = Math.max(0, written - n); line < written; line++) lines.push(w.line(w.ridOf(f, line)).text);
    return lines.join('\n');
  }
  return undefined;
}

function tailNode(handle: RunHandle, path: string, n: number): string | undefined {
  const m = /^\/var\/log\/([\w-]+)\.log$/.exec(path);
  if (!m) return undefined;
  const who = m[1]!;
  if (who !== 'sim' && !(who in handle.spec.nodes)) return undefined;
  const lines = handle.result.log.filter((l) => who === 'sim' || groupOf(l.source) === who || l.source.split(',').some((s) => groupOf(s) === who));
  const text = who === 'sim' ? lines.map(simLine) : nodeLog(handle, who, lines);
  return text.slice(Math.max(0, text.length - n)).join('\n'); // not slice(-n): -0 would keep every line
}

export const tail: Command = {
  name: 'tail',
  summary: "last lines of a log: tail /var/log/app/access-0.log, tail /var/log/<node>.log (as that tool writes it), tail /var/log/sim.log",
  usage: 'tail [-n <lines>] <file>',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n') n = Number(args[++i]);
      else if (/^-n\d+$/.test(a) || /^-\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else if (a === '-f' || a === '-F') return fail('tail: the run is over, so there is nothing more to follow; drop -f (or press Run again).');
      else files.push(a);
    }
    if (!Number.isInteger(n) || n < 0) return fail(`tail: invalid number of lines`);
    if (files.length === 0) return fail(`usage: ${this.usage}\nfiles: ${[...appFiles(handle), ...nodeLogs(handle)].join(' ')}`);
    const out: string[] = [];
    for (const file of files) {
      const text = tailApp(handle, file, n) ?? tailNode(handle, file, n);
      if (text === undefined) return fail(`tail: cannot open '${file}' for reading: No such file or directory`);
      if (files.length > 1) out.push(`==> ${file} <==`);
      // The real tail prints nothing for an empty file; a learner reads silence as "the command failed".
      out.push(text === '' && n > 0 ? `(${file} is empty: nothing was written to it in this run)` : text);
    }
    return ok(out.join('\n'));
  },
  complete(args, { handle }) {
    return handle ? [...appFiles(handle), ...nodeLogs(handle)] : [];
  },
};
