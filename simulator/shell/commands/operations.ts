/**
 * `operations`: the runbook of the last run (what operators typed, and when: `operations:` of the
 * spec, or the workspace's runbook.sh) and, at its time, each command line and what the tool printed.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { clock } from '../view.js';
import { OPERATOR } from '../../operations/apply.js';

export const operations: Command = {
  name: 'operations',
  summary: 'what the operators typed during the last run, when, and what each command printed',
  usage: 'operations',
  run(_args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const planned = [...(handle.spec.operations ?? [])].sort((a, b) => a.at - b.at).map((o) => `  ${clock(o.at).padEnd(12)} ${o.run}`);
    const happened = handle.result.log.filter((l) => l.source === OPERATOR).flatMap((l) => l.text.split('\n').map((line, i) => `  ${(i === 0 ? clock(l.timeMs) : '').padEnd(12)} ${line}`));
    if (planned.length === 0) return ok('runbook: no operations — nobody typed a command during the run.');
    return ok(['runbook:', ...planned, '', 'what happened:', ...happened].join('\n'));
  },
};
