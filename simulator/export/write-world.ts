/** The simulated world of a spec → world.yaml, with faults naming hosts instead of node ids. */
import { stringify } from 'yaml';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { formatDuration } from '../spec/units.js';
import type { HostNames } from './hosts.js';
import { WEB_HOST } from './hosts.js';
import { logFiles } from './write-filebeat.js';
import { writeReshards } from './write-aws.js';

const d = (ms: number) => formatDuration(ms);

/** `deploys` are the lines that put later versions of jobs live (simulator/config/deploy). */
export function writeWorldYaml(spec: PipelineSpec, hosts: HostNames, hasFilebeat: boolean, deploys: readonly { at: number; file: string }[] = []): string {
  const w = spec.workload;
  const workload: Record<string, unknown> = { generator: w.generator, rate: `${w.rate}/s`, key: w.key };
  if (w.late) workload.late = { fraction: w.late.fraction, max: d(w.late.max) };
  if (w.malformed !== 0) workload.malformed = w.malformed;
  if (w.rotate) workload.rotate = { every: d(w.rotate.every), keep: w.rotate.keep };
  if (hasFilebeat) workload.logs = { [WEB_HOST]: logFiles(w) };
  else if (w.files !== 1) workload.files = w.files;
  const world: Record<string, unknown> = {};
  if (spec.name !== undefined) world.name = spec.name;
  world.seed = spec.seed;
  world.duration = d(spec.duration);
  world.drain = d(spec.drain);
  if (spec['max-events'] !== 10_000_000) world['max-events'] = spec['max-events'];
  world.workload = workload;
  if (spec.faults.length > 0) {
    world.faults = spec.faults.map((f) => {
      if ('crash' in f) return { crash: hosts.target(f.crash), at: d(f.at), ...(f['restart-after'] !== undefined ? { 'restart-after': d(f['restart-after']) } : {}) };
      if ('partition' in f) return { partition: f.partition.map((t) => hosts.target(t)), from: d(f.from), ...(f.to !== undefined ? { to: d(f.to) } : {}) };
      const [a, b] = f.link.split('->') as [string, string];
      const out: Record<string, unknown> = { link: `${hosts.target(a)}->${hosts.target(b)}` };
      if (f.loss !== 0) out.loss = f.loss;
      if (f.duplicate !== 0) out.duplicate = f.duplicate;
      if (f.reorder !== 0) out.reorder = f.reorder;
      if (f['reorder-delay'] !== 50) out['reorder-delay'] = d(f['reorder-delay']);
      if (f.delay !== 1) out.delay = d(f.delay);
      if (f.jitter !== 0) out.jitter = d(f.jitter);
      if (f.from !== 0) out.from = d(f.from);
      if (f.to !== undefined) out.to = d(f.to);
      return out;
    });
  }
  if (spec.query) world.query = spec.query;
  // What a Flink job's work costs per record is no SQL setting; world.yaml states it by host
  // (simulator/config/workspace/world-processing.ts). A Flink node's host is its id.
  const processing = Object.entries(spec.nodes).flatMap(([id, n]) => (n.type === 'flink' && n['processing-time'] > 0 ? [[id, d(n['processing-time'])] as const] : []));
  if (processing.length > 0) world['processing-time'] = Object.fromEntries(processing);
  // A stream's scheduled reshards are commands operators type (simulator/config/aws/world-reshards.ts).
  const reshards = writeReshards(spec);
  if (reshards.length > 0) world.reshards = reshards;
  if (deploys.length > 0) world.deploys = deploys.map((x) => ({ at: d(x.at), file: x.file }));
  return `# The simulated world: what the servers write, for how long, and what goes wrong (the hosts are the folders beside this file).\n${stringify(world, { lineWidth: 0 })}`;
}
