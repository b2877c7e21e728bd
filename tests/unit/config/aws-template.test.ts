/**
 * AWS resources in a workspace: `aws/template.yaml` (a CloudFormation template) and KCL apps
 * (`<host>/kcl.properties` + `app.yaml`) compile into the internal kinesis, firehose and
 * kinesis-consumer nodes; what CloudFormation refuses is refused at file:line:col.
 * Property names, ranges and defaults: the CloudFormation Template Reference pages for
 * AWS::Kinesis::Stream and AWS::KinesisFirehose::DeliveryStream (see simulator/config/aws/resource-types.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace, type WorkspaceOutcome } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runCli, type CliIo } from '../../../simulator/cli/run-cli.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples/workspaces');
const NAME = 'aws-kinesis-firehose';
const example = () => readWorkspaceFolder(join(EXAMPLES, NAME));
const TEMPLATE = 'aws/template.yaml';

/** The example with one replacement in one file (which must contain `from`). */
function edit(files: Map<string, string>, path: string, from: string | RegExp, to: string): Map<string, string> {
  if (!files.get(path)?.match(from)) throw new Error(`no ${String(from)} in ${path}`);
  return files.set(path, files.get(path)!.replace(from, to));
}
const errors = (o: WorkspaceOutcome) => (o.ok ? [] : o.errors);
const firstError = (files: Map<string, string>) => errors(compileWorkspace(files))[0];

function capture(): CliIo & { out: string } {
  const io = { out: '', stdout: (t: string) => void (io.out += t), stderr: () => undefined };
  return io;
}

describe(`the example workspace ${NAME}`, () => {
  it('compiles, without a warning, to the same spec as its internal-spec twin', () => {
    const outcome = compileWorkspace(example());
    expect(outcome.ok ? outcome.warnings : outcome.errors).toEqual([]);
    const internal = parseSpec(readFileSync(join(EXAMPLES, `${NAME}.spec.yaml`), 'utf8'));
    expect(internal.ok).toBe(true);
    expect(outcome.ok && outcome.spec).toEqual(internal.ok && internal.spec);
  });

  it('runs end to end with byte-identical --json output', () => {
    const [a, b] = [capture(), capture()];
    expect(runCli([join(EXAMPLES, NAME), '--json'], a)).toBe(0);
    expect(runCli([join(EXAMPLES, `${NAME}.spec.yaml`), '--json'], b)).toBe(0);
    expect(a.out).toBe(b.out);
    const out = JSON.parse(a.out) as { outputs: Record<string, Record<string, unknown>> };
    expect(out.outputs.es).toMatchObject({ generated: 12000, exactlyOnce: 12000, lost: 0 });
    expect(out.outputs.s3).toMatchObject({ generated: 12000, exactlyOnce: 12000, lost: 0 });
  });

  it('the stream, the Firehose stream and the KCL app come from the template and kcl.properties', () => {
    const outcome = compileWorkspace(example());
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.spec.nodes.logs).toMatchObject({ type: 'kinesis', ShardCount: 2, RetentionPeriodHours: 24 });
    expect(outcome.spec.nodes['to-lake']).toMatchObject({ type: 'firehose', KinesisStreamSourceConfiguration: { KinesisStreamARN: 'logs' }, ExtendedS3DestinationConfiguration: { BucketARN: 's3', ErrorOutputPrefix: 'failed/', BufferingHints: { IntervalInSeconds: 60 } } });
    expect(outcome.spec.nodes.indexer).toMatchObject({ type: 'kinesis-consumer', checkpoint: 'after-processing', source: { node: 'logs', initialPositionInStream: 'TRIM_HORIZON' } });
    expect(outcome.spec.nodes.logstash).toMatchObject({ output: { kinesis: { node: 'logs', randomized_partition_key: true } } });
  });
});

describe('aws/template.yaml is checked as CloudFormation checks it', () => {
  it('a property the resource type does not have is refused at its key, with a guess', () => {
    const e = firstError(edit(example(), TEMPLATE, 'RetentionPeriodHours: 24', 'RetentionPeriodHour: 24'));
    expect(e).toMatchObject({ file: TEMPLATE, line: 9, column: 7, message: 'Properties validation failed for resource LogsStream with message: #: extraneous key [RetentionPeriodHour] is not permitted', hint: 'did you mean RetentionPeriodHours?' });
    // The one error says it: what reads or writes the refused stream is not reported again.
    expect(errors(compileWorkspace(edit(example(), TEMPLATE, 'ShardCount: 2', 'ShardCounts: 2')))).toHaveLength(1);
    const nested = firstError(edit(example(), TEMPLATE, 'SizeInMBs: 5 ', 'SizeInMB: 5 '));
    expect(nested).toMatchObject({ line: 43, message: 'Properties validation failed for resource ToLake with message: #/ExtendedS3DestinationConfiguration/BufferingHints: extraneous key [SizeInMB] is not permitted', hint: 'did you mean SizeInMBs?' });
  });

  it('ranges and allowed values: 24 to 8760 hours, PROVISIONED or ON_DEMAND, at most 900 s of buffering', () => {
    expect(firstError(edit(example(), TEMPLATE, 'RetentionPeriodHours: 24', 'RetentionPeriodHours: 12'))).toMatchObject({ line: 9, column: 29, message: 'Properties validation failed for resource LogsStream with message: #/RetentionPeriodHours: failed validation constraint for keyword [minimum]' });
    expect(firstError(edit(example(), TEMPLATE, 'StreamMode: PROVISIONED', 'StreamMode: provisioned'))).toMatchObject({ message: 'Properties validation failed for resource LogsStream with message: #/StreamModeDetails/StreamMode: provisioned is not a valid enum value', hint: 'did you mean PROVISIONED? (PROVISIONED, ON_DEMAND)' });
    expect(firstError(edit(example(), TEMPLATE, 'IntervalInSeconds: 60', 'IntervalInSeconds: 3600'))!.message).toMatch(/BufferingHints\/IntervalInSeconds: failed validation constraint for keyword \[maximum\]$/);
  });

  it('a required property missing, a resource type that does not exist', () => {
    expect(firstError(edit(example(), TEMPLATE, '        RoleARN: !GetAtt FirehoseRole.Arn\n      ExtendedS3', '      ExtendedS3'))!.message).toBe('Properties validation failed for resource ToLake with message: #/KinesisStreamSourceConfiguration: required key [RoleARN] not found');
    expect(firstError(edit(example(), TEMPLATE, 'AWS::Kinesis::Stream', 'AWS::Kinesis::Streams'))).toMatchObject({ line: 5, message: 'Template format error: Unrecognized resource types: [AWS::Kinesis::Streams]', hint: 'did you mean AWS::Kinesis::Stream?' });
  });

  it('short-form intrinsics parse: !Ref, !GetAtt, !Sub (with pseudo parameters) and their long forms', () => {
    const sub = edit(example(), TEMPLATE, 'KinesisStreamARN: !GetAtt LogsStream.Arn', 'KinesisStreamARN: !Sub "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${LogsStream}"');
    expect(compileWorkspace(sub).ok).toBe(true);
    const long = edit(example(), TEMPLATE, 'BucketARN: !GetAtt Lake.Arn', 'BucketARN: { "Fn::Join": ["", ["arn:aws:s3:::", { Ref: Lake }]] }');
    expect(compileWorkspace(long).ok).toBe(true);
    expect(firstError(edit(example(), TEMPLATE, '!GetAtt LogsStream.Arn', '!GetAtt LogStream.Arn'))).toMatchObject({ line: 34, message: 'Template error: instance of Fn::GetAtt references undefined resource LogStream' });
    expect(firstError(edit(example(), TEMPLATE, '!GetAtt Lake.Arn', '!Ref Bucket'))!.message).toBe('Template format error: Unresolved resource dependencies [Bucket] in the Resources block of the template');
    expect(firstError(edit(example(), TEMPLATE, '!GetAtt Lake.Arn', '!GetArn Lake'))).toMatchObject({ line: 37, message: 'Template format error: unknown tag !GetArn' });
  });

  it('the Logstash kinesis output and the KCL app name a stream of the template', () => {
    expect(firstError(edit(example(), 'logstash/pipeline/main.conf', 'stream_name => "logs"', 'stream_name => "log"'))).toMatchObject({ file: 'logstash/pipeline/main.conf', message: 'no AWS::Kinesis::Stream named log in aws/template.yaml', hint: 'did you mean "logs"?' });
    expect(firstError(edit(example(), 'logstash/pipeline/main.conf', '    region => "us-east-1"\n', ''))!.message).toMatch(/Missing a required setting for the kinesis output plugin/i);
    expect(firstError(edit(example(), 'indexer/kcl.properties', 'streamName = logs', 'streamName = lgs'))).toMatchObject({ file: 'indexer/kcl.properties', line: 3, message: 'no AWS::Kinesis::Stream named lgs in aws/template.yaml', hint: 'did you mean logs?' });
    const unknown = compileWorkspace(edit(example(), 'indexer/kcl.properties', 'failoverTimeMillis = 10000', 'failoverTimeMilis = 10000'));
    expect(unknown.warnings[0]).toMatchObject({ file: 'indexer/kcl.properties', message: "'failoverTimeMilis' is not a KCL property: the MultiLangDaemon ignores it", hint: "did you mean 'failoverTimeMillis'?" });
  });

  it('an OpenSearch destination reaches the cluster through ClusterEndpoint, which must be https and a host of the workspace', () => {
    const toEs = (endpoint: string) =>
      edit(example(), TEMPLATE, /      ExtendedS3DestinationConfiguration:[\s\S]*$/, `      AmazonopensearchserviceDestinationConfiguration:
        ClusterEndpoint: ${endpoint}
        IndexName: logs
        RoleARN: !GetAtt FirehoseRole.Arn
        RetryOptions: { DurationInSeconds: 60 }
        DocumentIdOptions: { DefaultDocumentIdFormat: NO_DOCUMENT_ID }
        S3Configuration:
          BucketARN: !GetAtt Lake.Arn
          RoleARN: !GetAtt FirehoseRole.Arn
          ErrorOutputPrefix: es-failed/
`);
    const ok = compileWorkspace(toEs('https://es:9200'));
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.spec.nodes['to-lake']).toMatchObject({ AmazonopensearchserviceDestinationConfiguration: { DomainARN: 'es', IndexName: 'logs', RetryOptions: { DurationInSeconds: 60 }, DocumentIdOptions: { DefaultDocumentIdFormat: 'NO_DOCUMENT_ID' }, S3Configuration: { ErrorOutputPrefix: 'es-failed/' } } });
    expect(firstError(toEs('http://es:9200'))!.message).toMatch(/ClusterEndpoint: string \[http:\/\/es:9200\] does not match pattern https:\.\*$/);
    expect(firstError(toEs('https://search:9200'))).toMatchObject({ file: TEMPLATE, message: 'no host "search" in this workspace (https://search:9200)' });
  });

  it('a Direct PUT Firehose stream is valid but not what the simulation runs', () => {
    expect(firstError(edit(example(), TEMPLATE, 'DeliveryStreamType: KinesisStreamAsSource', 'DeliveryStreamType: DirectPut'))!.message).toMatch(/^DeliveryStreamType DirectPut is valid but not simulated/);
  });
});
