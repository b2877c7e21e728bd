/**
 * What a bundle does for the AWS resources of aws/template.yaml. Amazon Kinesis has no engine to
 * start locally: the learner deploys the template into their own account with CloudFormation, and
 * the containers that talk to Kinesis get the AWS credentials of the shell that starts them. The
 * files keep the simulator's account (123456789012, config/aws/resolve.ts) in a Flink table's
 * `'stream.arn'`; the SQL client's service puts the learner's account in its place when it submits
 * the job, so the files stay the ones the simulator ran.
 */
import { ACCOUNT, REGION } from '../config/aws/resolve.js';
import { isKinesisSource } from '../spec/schema/flink.js';
import type { BundleWorld } from './world-of.js';

/** The stack name the README deploys the template as. */
export const STACK = 'pipeline-lab';

/** The credentials the AWS SDKs read from the environment (default provider chains), passed on from the shell. */
export const AWS_ENV: Record<string, null> = { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_SESSION_TOKEN: null };

/** The SQL connector jar a Flink 2.0 job needs for a `'connector' = 'kinesis'` table (flink-connector-aws 6.0, its 5.x source options). */
export const KINESIS_JAR = 'flink-sql-connector-aws-kinesis-streams-6.0.0-2.0.jar';

/** Whether the Flink job on this host reads a Kinesis stream. */
export function readsKinesis(w: BundleWorld, host: string): boolean {
  const n = w.spec.nodes[host];
  return n?.type === 'flink' && isKinesisSource(n.source);
}

/** Whether the Logstash on this host writes a Kinesis stream (the community plugin logstash-output-kinesis). */
export function writesKinesis(w: BundleWorld, host: string): boolean {
  const n = w.spec.nodes[host];
  return n?.type === 'logstash' && n.output.kinesis !== undefined;
}

/** The streams of the pipeline, by name. */
export function streamNames(w: BundleWorld): string[] {
  return Object.entries(w.spec.nodes).flatMap(([id, n]) => (n.type === 'kinesis' ? [n.Name ?? id] : []));
}

/** The shell lines of the flink-sql service that put the learner's account into the ARNs, then submit. */
export function submitWithAccount(job: string): string {
  return `if [ -z "$$AWS_ACCOUNT_ID" ]; then echo 'export AWS_ACCOUNT_ID first (README.md, AWS resources)' >&2; exit 1; fi; sed "s/:${ACCOUNT}:/:$$AWS_ACCOUNT_ID:/g" ${job} > /tmp/job.sql && /opt/flink/bin/sql-client.sh -f /tmp/job.sql`;
}

export const DEPLOY = `aws cloudformation deploy --region ${REGION} --stack-name ${STACK} --template-file aws/template.yaml --capabilities CAPABILITY_NAMED_IAM`;
export const DELETE = `aws cloudformation delete-stack --region ${REGION} --stack-name ${STACK}`;
