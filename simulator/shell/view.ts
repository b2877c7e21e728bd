/**
 * Read-only views of a finished run for the shell's commands: which nodes exist, the
 * components they registered (Kafka cluster handle, Elasticsearch store), record ids.
 * Commands never reach into node internals; they use the pinned component interfaces
 * (protocols: KafkaClusterHandle, ElasticsearchStore) and `result.state` (inspect() data).
 */
import type { RunHandle } from '../run/run.js';
import type { NodeType } from '../spec/schema/pipeline.js';
import type { KafkaClusterHandle } from '../nodes/kafka/client-api.js';
import type { ElasticsearchStore } from '../nodes/elasticsearch/store.js';

export function nodesOfType(handle: RunHandle, type: NodeType): string[] {
  return Object.entries(handle.spec.nodes)
    .filter(([, n]) => n.type === type)
    .map(([id]) => id);
}

export function kafkaClusters(handle: RunHandle): { id: string; cluster: KafkaClusterHandle }[] {
  const out: { id: string; cluster: KafkaClusterHandle }[] = [];
  for (const id of nodesOfType(handle, 'kafka')) {
    const cluster = handle.components.get(id) as KafkaClusterHandle | undefined;
    if (cluster && typeof cluster.describe === 'function') out.push({ id, cluster });
  }
  return out;
}

export function esStores(handle: RunHandle): { id: string; store: ElasticsearchStore }[] {
  const out: { id: string; store: ElasticsearchStore }[] = [];
  for (const id of nodesOfType(handle, 'elasticsearch')) {
    const store = handle.components.get(id) as ElasticsearchStore | undefined;
    if (store && typeof store.indices === 'function') out.push({ id, store });
  }
  return out;
}

/**
 * A record named the way the learner sees it — `access-0.log:42` (file:line) or a bare rid —
 * back to its rid; undefined when it names no generated record.
 */
export function ridOfId(handle: RunHandle, id: string): number | undefined {
  const w = handle.workload;
  if (/^\d+$/.test(id)) {
    const rid = Number(id);
    return rid < w.total ? rid : undefined;
  }
  const m = /^(.+):(\d+)$/.exec(id);
  if (!m) return undefined;
  for (let file = 0; file < w.files; file++) {
    if (w.fileName(file) === m[1] || `/var/log/app/${w.fileName(file)}` === m[1]) {
      const line = Number(m[2]) - 1;
      if (line < 0) return undefined;
      const rid = w.ridOf(file, line);
      return rid < w.total ? rid : undefined;
    }
  }
  return undefined;
}

/** Virtual time as the terminal prints it: seconds since the run started, `T+12.345s`. */
export function clock(ms: number): string {
  return `T+${(ms / 1000).toFixed(3)}s`;
}

/** Left-aligned columns separated by at least two spaces, like the Kafka tools print. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2))).join('').trimEnd()).join('\n');
}
