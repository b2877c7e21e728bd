/**
 * `aws <service> <operation> …`: the AWS CLI over the run's managed services — Kinesis streams,
 * Firehose streams, a KCL application's DynamoDB lease table, the streams' CloudWatch metrics, Athena and
 * Glue over the lake, and EventBridge Scheduler schedules.
 * Describe, list, scan and get operations over the run, and Kinesis resharding (applied to the
 * stream as the run left it; world.yaml `reshards:` makes the same commands during a run).
 */
import { fail, ok, NO_RUN, type Command } from '../../types.js';
import { KINESIS_OPERATIONS, kinesisCommand } from './kinesis.js';
import { firehoseCommand } from './firehose.js';
import { dynamodbCommand, leaseTables } from './dynamodb.js';
import { cloudwatchCommand } from './cloudwatch.js';
import { deliveryStreams, streams } from './cli.js';
import { ATHENA_OPERATIONS, GLUE_OPERATIONS, athenaCommand, glueCommand } from './athena.js';
import { SCHEDULER_OPERATIONS, schedulerCommand, schedulesOf } from './scheduler.js';

const OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  kinesis: KINESIS_OPERATIONS,
  firehose: ['describe-delivery-stream'],
  dynamodb: ['scan'],
  cloudwatch: ['get-metric-statistics'],
  athena: ATHENA_OPERATIONS,
  glue: GLUE_OPERATIONS,
  scheduler: SCHEDULER_OPERATIONS,
};

const USAGE = [
  'aws kinesis describe-stream-summary --stream-name <stream>',
  'aws kinesis list-shards --stream-name <stream>',
  'aws kinesis update-shard-count --stream-name <stream> --target-shard-count <n> --scaling-type UNIFORM_SCALING',
  'aws kinesis split-shard --stream-name <stream> --shard-to-split <shardId> --new-starting-hash-key <decimal>',
  'aws kinesis merge-shards --stream-name <stream> --shard-to-merge <shardId> --adjacent-shard-to-merge <shardId>',
  '    (reshards the stream as the run left it; to reshard while records flow, list the command under world.yaml `reshards:`)',
  'aws firehose describe-delivery-stream --delivery-stream-name <name>',
  'aws dynamodb scan --table-name <KCL applicationName>          (the lease table: owner and checkpoint per shard)',
  'aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name IncomingRecords|WriteProvisionedThroughputExceeded',
  '    --dimensions Name=StreamName,Value=<stream> --statistics Sum --period <seconds> [--start-time <iso>] [--end-time <iso>]',
  'aws athena start-query-execution --query-string "SELECT count(*) FROM logs" --query-execution-context Database=<db>',
  '    --result-configuration OutputLocation=s3://<bucket>/athena-results/     (SELECT, MSCK REPAIR TABLE, ALTER TABLE … ADD PARTITION, SHOW PARTITIONS)',
  'aws athena get-query-results --query-execution-id <id>          (also get-query-execution: the state, and why a query failed)',
  'aws glue get-partitions --database-name <db> --table-name <table>    (the partitions the catalog holds)',
  'aws glue start-crawler --name <crawler>',
  '    (the lake as the run left it, or as of `at <time>`; partitions added here last for this terminal session)',
  'aws scheduler list-schedules',
  'aws scheduler get-schedule --name <schedule>          (and each invocation by the end of the run, or by `at <time>`)',
  '  Output is the AWS CLI v2\'s JSON. Times default to the run\'s start and the instant set with `at`.',
].join('\n');

export const aws: Command = {
  name: 'aws',
  summary: 'the AWS CLI over the run: kinesis, firehose, dynamodb (KCL leases), cloudwatch, athena, glue, scheduler (help aws)',
  usage: USAGE,
  run(args, { handle, session }) {
    const [service, operation, ...rest] = args;
    if (service === undefined || service === 'help') return ok(USAGE);
    const operations = OPERATIONS[service];
    if (!operations) return fail(`usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\naws: error: argument command: Invalid choice, valid choices are:\n\n${Object.keys(OPERATIONS).join(' | ')}`, 252);
    if (operation === undefined || !operations.includes(operation)) return fail(`usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\naws: error: argument operation: Invalid choice, valid choices are:\n\n${operations.join(' | ')}`, 252);
    if (!handle) return fail(NO_RUN);
    if (service === 'kinesis') return kinesisCommand(handle, session, operation, rest);
    if (service === 'firehose') return firehoseCommand(handle, rest);
    if (service === 'dynamodb') return dynamodbCommand(handle, rest);
    if (service === 'athena') return athenaCommand(handle, session, operation, rest);
    if (service === 'glue') return glueCommand(handle, session, operation, rest);
    if (service === 'scheduler') return schedulerCommand(handle, session, operation, rest);
    return cloudwatchCommand(handle, session, rest);
  },
  complete(args, { handle }) {
    if (args.length === 0) return Object.keys(OPERATIONS);
    if (args.length === 1) return [...(OPERATIONS[args[0]!] ?? [])];
    const last = args[args.length - 1];
    if (!handle) return [];
    if (last === '--stream-name') return streams(handle).map((s) => s.name);
    if (last === '--delivery-stream-name') return deliveryStreams(handle).map((d) => d.name);
    if (last === '--table-name') return [...leaseTables(handle).keys()];
    if (args[0] === 'scheduler' && last === '--name') return schedulesOf(handle).map((s) => s.name);
    if (last === '--metric-name') return ['IncomingRecords', 'WriteProvisionedThroughputExceeded'];
    if (last === '--dimensions') return streams(handle).map((s) => `Name=StreamName,Value=${s.name}`);
    const options: Record<string, string[]> = {
      kinesis: ['--stream-name', '--target-shard-count', '--scaling-type', '--shard-to-split', '--new-starting-hash-key', '--shard-to-merge', '--adjacent-shard-to-merge'],
      firehose: ['--delivery-stream-name'],
      dynamodb: ['--table-name'],
      athena: ['--query-string', '--query-execution-context', '--result-configuration', '--query-execution-id'],
      glue: ['--database-name', '--table-name', '--name'],
      scheduler: args[1] === 'get-schedule' ? ['--name'] : [],
      cloudwatch: ['--namespace', '--metric-name', '--dimensions', '--statistics', '--period', '--start-time', '--end-time'],
    };
    return options[args[0]!] ?? [];
  },
};
