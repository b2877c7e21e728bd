/**
 * A `type: serving` node → `<id>/serving.yaml`, what the query service's code reads (the inverse of
 * simulator/config/serving/serving-yaml.ts): the batch view as the Spark table its batch node's job
 * writes, the realtime view (Lambda) or the index (Kappa) as the URL of the index its Flink job writes.
 * A Lambda service also says how far behind a batch run's start it trusts the batch view
 * (`cut-off-margin`, the batch node's); a margin no Lambda service reads cannot be written.
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { ServingSpec } from '../spec/schema/lambda.js';
import { formatDuration } from '../spec/units.js';
import { batchViewTable } from './write-batch.js';
import type { HostNames } from './hosts.js';
import { refuse, type Refusal } from './refusal.js';
import { lines } from './text.js';

/** The serving layer's default sampling period (schema default of `sample-every`). */
const SAMPLE_EVERY_MS = 1000;

export function writeServingYaml(id: string, node: ServingSpec, spec: PipelineSpec, hosts: HostNames, problems: Refusal[]): string | undefined {
  const at = `nodes.${id}`;
  const before = problems.length;
  const speed = node.speed === undefined ? undefined : spec.nodes[node.speed];
  const es = speed?.type === 'flink' ? speed.sink.elasticsearch : undefined;
  if (!es) problems.push(refuse(`${at}.speed`, `serving.yaml reads the index a Flink job writes to Elasticsearch: \`${node.speed ?? '(none)'}\` is not a Flink job with an Elasticsearch sink`, `serving.yaml은 Flink 잡이 Elasticsearch에 쓰는 인덱스를 읽습니다. \`${node.speed ?? '(없음)'}\`은 Elasticsearch 싱크가 있는 Flink 잡이 아닙니다`));
  const batch = node.batch === undefined ? undefined : spec.nodes[node.batch];
  if (node.architecture === 'lambda' && batch?.type !== 'batch') problems.push(refuse(`${at}.batch`, `a Lambda serving.yaml names the Spark table a batch DAG writes: \`${node.batch ?? '(none)'}\` is not a batch node`, `람다 serving.yaml은 배치 DAG가 쓰는 Spark 테이블을 가리킵니다. \`${node.batch ?? '(없음)'}\`은 batch 노드가 아닙니다`));
  if (node.architecture === 'kappa' && node.batch !== undefined) problems.push(refuse(`${at}.batch`, 'a Kappa query service reads one index, no batch view: remove `batch`', '카파 조회 서비스는 인덱스 하나만 읽고 배치 뷰는 없습니다. `batch`를 지우세요'));
  if (problems.length > before || !es) return undefined;
  const url = `http://${hosts.of(es.node)}:9200/${es.index}`;
  const sample = node['sample-every'] !== SAMPLE_EVERY_MS ? [`sample-every: ${formatDuration(node['sample-every'])}`] : [];
  if (node.architecture === 'lambda') {
    // The batch node's margin is the query service's trust rule (serving-yaml.ts reads it back onto the batch node).
    const margin = batch?.type === 'batch' && batch['cut-off-margin'] !== 0 ? [`cut-off-margin: ${formatDuration(batch['cut-off-margin'])}`] : [];
    return lines(
      `# The Lambda query service of ${id}: windows the last batch run covers come from the batch view,`,
      `# later ones from the realtime index ${node.speed} writes.`,
      'architecture: lambda',
      `batch-view: ${batchViewTable(node.batch!)}`,
      `realtime-view: ${url}`,
      ...margin,
      ...sample,
    );
  }
  return lines(`# The Kappa query service of ${id}: every window comes from the index ${node.speed} writes.`, 'architecture: kappa', `index: ${url}`, ...sample);
}
