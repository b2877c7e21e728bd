/**
 * Loops through Kafka topics: a Flink job that writes the topic it reads, or jobs that feed each
 * other in a circle.
 *
 * Kafka and Flink accept this: nothing stops a job from producing to its own source topic. But
 * a job here has no way to let some records leave the loop (every record reaching a sink is
 * written to it), so each record comes back forever, the topics grow without end and the run
 * only stops at its deadline with no terminal output to judge — which is what it did before this
 * check. There is nothing to learn from such a run that the message below does not say, so it is
 * an error, not a warning.
 *
 * Only Flink jobs read from Kafka and write back to it (Beats and Logstash do not read Kafka;
 * consumers write to Elasticsearch or S3), so the loop graph has topics as vertices and Flink jobs
 * with a Kafka sink as edges.
 */
import { isKinesisSource } from './schema/flink.js';
import type { PipelineSpec } from './schema/pipeline.js';
import type { SourceMap } from './parse.js';
import { pathToString, type SpecIssue } from './issues.js';

interface Hop {
  job: string;
  to: string;
}

/** One located error per loop found, at the sink topic of the job that closes it. */
export function checkLoops(spec: PipelineSpec, map: SourceMap): SpecIssue[] {
  const hops = new Map<string, Hop[]>();
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type !== 'flink' || !node.sink.kafka || isKinesisSource(node.source)) continue;
    const from = topicVertex(node.source.node, node.source.topic);
    const list = hops.get(from) ?? [];
    list.push({ job: id, to: topicVertex(node.sink.kafka.node, node.sink.kafka.topic) });
    hops.set(from, list);
  }

  const issues: SpecIssue[] = [];
  const done = new Set<string>();
  for (const start of hops.keys()) {
    if (done.has(start)) continue;
    // Iterative depth-first search; `path` holds the vertices on the current branch and the jobs between them.
    const onPath = new Map<string, number>();
    const path: { vertex: string; via?: string; next: number }[] = [{ vertex: start, next: 0 }];
    onPath.set(start, 0);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const out = hops.get(top.vertex) ?? [];
      if (top.next >= out.length) {
        onPath.delete(top.vertex);
        done.add(top.vertex);
        path.pop();
        continue;
      }
      const hop = out[top.next++]!;
      const back = onPath.get(hop.to);
      if (back !== undefined) {
        issues.push(loopIssue(spec, map, path.slice(back), hop));
      } else if (!done.has(hop.to)) {
        onPath.set(hop.to, path.length);
        path.push({ vertex: hop.to, via: hop.job, next: 0 });
      }
    }
  }
  return issues;
}

function topicVertex(cluster: string, topic: string): string {
  return `${cluster}/${topic}`;
}

function loopIssue(spec: PipelineSpec, map: SourceMap, steps: readonly { vertex: string; via?: string }[], closing: Hop): SpecIssue {
  const where = ['nodes', closing.job, 'sink', 'kafka', 'topic'];
  const node = spec.nodes[closing.job];
  const sink = node?.type === 'flink' ? node.sink.kafka : undefined;
  const message =
    steps.length === 1 && sink
      ? `\`${closing.job}\` writes topic \`${sink.topic}\` on \`${sink.node}\`, which it reads itself: every record it writes comes back to it, forever`
      : `records go round in a loop, forever: ${[...steps.map((s, i) => (i === 0 ? s.vertex : `${s.via ?? ''} → ${s.vertex}`)), `${closing.job} → ${closing.to}`].join(' → ')}`;
  return {
    severity: 'error',
    file: map.file,
    ...map.locate(where),
    path: pathToString(where),
    message,
    hint: 'write to another topic; Kafka and Flink allow a loop, but the run would never settle',
  };
}
