/**
 * `trace <record-id>`: a record's life hop by hop (where it was read, batched, sent, acked,
 * lost, copied, indexed) and its fate in every output. Ids are as the ledger prints them
 * (`access-0.log:42`) or a bare rid. A record whose hops were not recorded in the last run
 * is traced by running the same spec and seed again with `trace: [rid]` — deterministic
 * runs make that replay identical (DESIGN §2) — which the shell asks its host to do.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { ridOfId } from '../view.js';
import { formatStory, recordStory } from '../record-fate.js';

export const trace: Command = {
  name: 'trace',
  summary: "a record's life hop by hop, and its fate in each output: trace access-0.log:42",
  usage: 'trace <record-id>     (record ids look like access-0.log:42; `ledger <output>` lists lost and duplicated ones)',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const id = args[0];
    if (id === undefined) return fail(`usage: ${this.usage}`);
    const rid = ridOfId(handle, id);
    if (rid === undefined) return fail(`trace: no record ${id} in this run (it generated ${handle.workload.total} records, ids like ${handle.workload.displayId(0)}).`);
    const story = recordStory(handle, rid);
    if (!story.traced) return ok(`tracing ${story.id}: replaying the run with seed ${handle.result.seed}…`, { kind: 'retrace', rid });
    return ok(formatStory(story));
  },
};
