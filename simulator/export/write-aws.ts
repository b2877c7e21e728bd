/**
 * The `kinesis` nodes of a spec → `aws/template.yaml`, one `AWS::Kinesis::Stream` each (the inverse
 * of simulator/config/aws/template.ts), and their scheduled reshards → world.yaml `reshards:` lines
 * as the AWS CLI takes them (simulator/config/aws/world-reshards.ts). Kinesis has no local engine:
 * the bundle's README has the template deployed with CloudFormation into the learner's account.
 * Properties follow the CloudFormation reference of AWS::Kinesis::Stream (Name, ShardCount,
 * RetentionPeriodHours, StreamModeDetails.StreamMode); ShardCount is left out of an on-demand stream,
 * whose shards AWS sizes.
 */
import type { KinesisSpec } from '../spec/schema/kinesis.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { formatDuration } from '../spec/units.js';
import { refuse, type Refusal } from './refusal.js';
import { lines, q } from './text.js';

/** The workspace file of the AWS resources (simulator/config/aws/workspace.ts AWS_TEMPLATE). */
export const AWS_FOLDER = 'aws';

const streams = (spec: PipelineSpec): [string, KinesisSpec][] => Object.entries(spec.nodes).flatMap(([id, n]) => (n.type === 'kinesis' ? [[id, n] as [string, KinesisSpec]] : []));

/** A stream node comes back from the template under its stream's name: a node named otherwise is refused. */
export function streamRefusals(spec: PipelineSpec): Refusal[] {
  const out: Refusal[] = [];
  for (const [id, n] of streams(spec)) {
    if (n.Name !== undefined && n.Name !== id) out.push(refuse(`nodes.${id}.Name`, `as real files a stream node is named after its stream (aws/template.yaml names it \`${n.Name}\`): rename \`${id}\` to \`${n.Name}\` to export it`, `실제 파일로 쓰면 스트림 노드의 이름은 스트림 이름(aws/template.yaml의 \`${n.Name}\`)입니다. 내보내려면 \`${id}\`를 \`${n.Name}\`로 바꾸세요`));
  }
  const host = spec.nodes[AWS_FOLDER];
  if (host && host.type !== 'kinesis' && host.type !== 's3') out.push(refuse(`nodes.${AWS_FOLDER}`, '`aws` is the folder of the AWS resources (aws/template.yaml) in an export: rename this node', '내보내기에서 `aws`는 AWS 리소스(aws/template.yaml)의 폴더 이름입니다. 이 노드의 이름을 바꾸세요'));
  return out;
}

/** A CloudFormation logical ID (alphanumeric): `logs` → `LogsStream`, `raw-events` → `RawEventsStream`. */
function logicalId(name: string, taken: Set<string>): string {
  const base = `${name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Stream`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
  taken.add(id);
  return id;
}

/** aws/template.yaml, or undefined when the spec has no stream. */
export function writeAwsTemplate(spec: PipelineSpec): string | undefined {
  const all = streams(spec);
  if (all.length === 0) return undefined;
  const taken = new Set<string>();
  const resources = all.flatMap(([id, n]) => {
    const mode = n.StreamModeDetails.StreamMode;
    return [
      `  ${logicalId(id, taken)}:`,
      '    Type: AWS::Kinesis::Stream',
      '    Properties:',
      `      Name: ${q(id)}`,
      ...(mode === 'PROVISIONED' ? [`      ShardCount: ${n.ShardCount}                 # each shard takes 1 MB/s or 1,000 records/s in`] : []),
      `      RetentionPeriodHours: ${n.RetentionPeriodHours}`,
      '      StreamModeDetails:',
      `        StreamMode: ${mode}`,
    ];
  });
  return lines(
    '# The pipeline\'s AWS resources as a CloudFormation template, written from the simulator\'s spec.',
    '# Deploy it before `docker compose up` (README.md, "AWS resources"); it costs money while the stack exists.',
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: Pipeline Lab - the Kinesis data streams of this pipeline.',
    'Resources:',
    ...resources,
  );
}

/** world.yaml `reshards:`: each scheduled call as the `aws kinesis` command line an operator types. */
export function writeReshards(spec: PipelineSpec): { at: string; run: string }[] {
  const out: { at: string; run: string }[] = [];
  for (const [id, n] of streams(spec)) {
    for (const r of n.reshards ?? []) {
      const run =
        'UpdateShardCount' in r ? `aws kinesis update-shard-count --stream-name ${id} --target-shard-count ${r.UpdateShardCount.TargetShardCount} --scaling-type ${r.UpdateShardCount.ScalingType}`
        : 'SplitShard' in r ? `aws kinesis split-shard --stream-name ${id} --shard-to-split ${r.SplitShard.ShardToSplit} --new-starting-hash-key ${r.SplitShard.NewStartingHashKey}`
        : `aws kinesis merge-shards --stream-name ${id} --shard-to-merge ${r.MergeShards.ShardToMerge} --adjacent-shard-to-merge ${r.MergeShards.AdjacentShardToMerge}`;
      out.push({ at: formatDuration(r.at), run });
    }
  }
  return out;
}
