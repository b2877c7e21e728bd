/**
 * The floor under a big run: the work that no faithful simulation of a bench pipeline can skip,
 * timed alone so that the pipeline's time has a baseline measured on the same machine, in the same
 * runtime, in the same bench run.
 *
 * For every record of the spec's workload it writes the line, makes the event Filebeat ships
 * (`message`, `log`, `@timestamp`, and `@metadata` with the `add_id` id when the spec's Filebeat
 * adds one), parses it once with the spec's grok pattern as Logstash would, and keeps the parsed
 * event to the end, as a Kafka topic does: its default retention (7 days) keeps every record of a
 * run that lasts minutes. Nothing else happens: no queues, acknowledgements, replicas, windows or
 * ledger. What a run costs above this is the simulator's own work; this part is what the data
 * itself costs on this machine, most of it the garbage collector copying what must be kept.
 *
 * No Node APIs: pipeline-process.ts runs it in Node, floor-worker.ts in a Chromium worker.
 */
import type { FieldMap, Rec } from '../../simulator/core/record.js';
import { fingerprintId } from '../../simulator/nodes/beats/event-id.js';
import { compileGrok, type CompiledGrok } from '../../simulator/nodes/logstash/grok.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';
import { isoTimestamp } from '../../simulator/workload/clock.js';
import { Workload } from '../../simulator/workload/workload.js';

export interface FloorRun {
  records: number;
  ms: number;
}

/** The field and pattern of the spec's first grok filter, if it has one. */
function firstGrok(spec: PipelineSpec): { field: string; grok: CompiledGrok } | null {
  for (const node of Object.values(spec.nodes)) {
    if (node.type !== 'logstash') continue;
    for (const filter of node.filter) {
      if (!('grok' in filter)) continue;
      const [field, patterns] = Object.entries(filter.grok.match)[0]!;
      return { field, grok: compileGrok(Array.isArray(patterns) ? patterns[0]! : patterns) };
    }
  }
  return null;
}

export function pipelineFloor(spec: PipelineSpec): FloorRun {
  const workload = new Workload(spec.workload, spec.seed, spec.duration);
  const addsId = Object.values(spec.nodes).some((n) => n.type === 'beats' && n.processors.length > 0);
  const parse = firstGrok(spec);
  const plainMetadata: FieldMap = { beat: 'filebeat' };
  const kept: Rec[] = [];
  // Filebeat stamps the events of one read alike; one stamp per simulated second stands in for that.
  let stampSecond = -1;
  let stamp = '';
  const t0 = performance.now();
  for (let rid = 0; rid < workload.total; rid++) {
    const eventTimeMs = workload.eventTimeMs(rid);
    const second = Math.floor(eventTimeMs / 1000);
    if (second !== stampSecond) {
      stampSecond = second;
      stamp = isoTimestamp(eventTimeMs);
    }
    const metadata = addsId ? { beat: 'filebeat', _id: fingerprintId(workload.seed, rid) } : plainMetadata;
    // The keys in Filebeat's order, so that grok takes the same path as in a run.
    const shipped: FieldMap = { message: workload.text(rid, eventTimeMs), log: workload.logField(rid), '@timestamp': stamp, '@metadata': metadata };
    const text = parse ? shipped[parse.field] : undefined;
    const parsed = parse && typeof text === 'string' ? parse.grok.matchEvent(text, shipped) : null;
    kept.push({ rid, eventTimeMs, fields: parsed ?? shipped });
  }
  const ms = performance.now() - t0;
  // Read the kept events after the clock stops, so that no engine can drop them as unused.
  if (kept.length !== workload.total) throw new Error('the floor lost records');
  return { records: workload.total, ms };
}

/** One line setting a run of `runMs` against its floor, measured `where`, and the room the 5 s target leaves above it. */
export function floorLine(runMs: number, floorMs: number, where: string): string {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
  const room = 5000 - floorMs;
  return `floor ${where} (write each line, parse it once, keep every event as Kafka does; nothing else): ${ms(floorMs)} → the run takes ${(runMs / floorMs).toFixed(2)}× the floor; the 5 s target leaves ${room > 0 ? ms(room) : 'nothing'} above the floor for the simulation itself`;
}
