/**
 * `type: elasticsearch` factory: the node, its outputs for the ledger and its store
 * for readers (protocols: "Elasticsearch").
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf, PipelineSpec } from '../../spec/schema/pipeline.js';
import { ElasticsearchNode } from './node.js';
import { EsOutput } from './output.js';
import { createStore } from './es-store.js';
import { latencyRecorder } from '../../cost/visibility.js';

export function createElasticsearch(id: string, spec: NodeSpecOf<'elasticsearch'>, ctx: BuildContext): void {
  const node = new ElasticsearchNode(id, spec);
  node.visibility = latencyRecorder(ctx);
  ctx.sim.addNode(node);
  const store = createStore(node);
  ctx.provide(id, store);
  ctx.addOutput(id, new EsOutput(node, undefined));
  const used = indicesUsed(ctx.spec, id);
  if (used.all.length >= 2) for (const index of used.all) ctx.addOutput(`${id}/${index}`, new EsOutput(node, index));
  for (const index of used.windowed) ctx.addAnswerSource(`${id}/${index}`, { windowValues: () => store.windowValues(index) });
}

/**
 * Indices other nodes write into this one, read off the spec: any output block that names
 * this node (`node: es`) and an `index`, plus a Filebeat whose `output` is this node.
 * Indices written by a windowed job hold aggregate documents and answer the query.
 */
export function indicesUsed(spec: PipelineSpec, esId: string): { all: string[]; windowed: string[] } {
  const all: string[] = [];
  const windowed: string[] = [];
  const add = (list: string[], index: string) => {
    if (!list.includes(index)) list.push(index);
  };
  for (const node of Object.values(spec.nodes)) {
    if (node.type === 'beats' && node.output === esId) add(all, node.index ?? 'filebeat');
    const isWindowed = (node.type === 'flink' || node.type === 'batch') && hasWindow(node);
    walk(node, (block) => {
      if (block['node'] === esId && typeof block['index'] === 'string') {
        add(all, block['index']);
        if (isWindowed) add(windowed, block['index']);
      }
    });
  }
  return { all, windowed };
}

function hasWindow(node: object): boolean {
  const job = (node as { job?: { window?: unknown } }).job;
  return job?.window !== undefined;
}

function walk(value: unknown, visit: (block: Record<string, unknown>) => void): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
    return;
  }
  const block = value as Record<string, unknown>;
  visit(block);
  for (const key of Object.keys(block)) walk(block[key], visit);
}
