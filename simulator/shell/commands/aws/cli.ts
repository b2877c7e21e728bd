/**
 * What the `aws` subcommands share: the AWS CLI v2's JSON output (four-space indent), its error
 * lines, its timestamp format, and the resources of the run (streams, Firehose streams, KCL lease
 * tables) found by the names the learner wrote.
 */
import type { RunHandle } from '../../../run/run.js';
import type { NodeSpecOf } from '../../../spec/schema/pipeline.js';
import { EPOCH_MS } from '../../../workload/clock.js';
import { ACCOUNT, REGION } from '../../../config/aws/resolve.js';
import { fail, type ShellOutput } from '../../types.js';
import { parseOptions } from '../../tokenize.js';

export { ACCOUNT, REGION };

/** The CLI v2 default output: JSON, indented by four spaces. */
export const json = (value: unknown): string => JSON.stringify(value, null, 4);

/** `cli_timestamp_format = iso8601` (the v2 default): `2026-01-01T00:00:12.345000+00:00`. */
export function isoTimestamp(simulatedMs: number): string {
  // Python's isoformat(): microseconds only when there are some.
  const iso = new Date(EPOCH_MS + simulatedMs).toISOString();
  return iso.endsWith('.000Z') ? iso.replace(/\.000Z$/, '+00:00') : iso.replace(/(\.\d{3})Z$/, '$1000+00:00');
}

/** How botocore reports a service error. */
export function serviceError(code: string, operation: string, message: string): ShellOutput {
  return fail(`\nAn error occurred (${code}) when calling the ${operation} operation: ${message}`, 254);
}

/** The value of one required `--name value` option, or the CLI's refusal. */
export function requiredOption(args: readonly string[], usage: string, name: string): string | ShellOutput {
  const o = parseOptions(args, []);
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  return o.values.get(name) ?? usageError(usage, `the following arguments are required: --${name}`);
}

/** How the CLI's argument parser refuses a command line. */
export function usageError(usage: string, message: string): ShellOutput {
  return fail(`usage: ${usage}\n\naws: error: ${message}`, 252);
}

export function streams(handle: RunHandle): { id: string; spec: NodeSpecOf<'kinesis'>; name: string }[] {
  return Object.entries(handle.spec.nodes)
    .filter((e): e is [string, NodeSpecOf<'kinesis'>] => e[1].type === 'kinesis')
    .map(([id, spec]) => ({ id, spec, name: spec.Name ?? id }));
}

export function deliveryStreams(handle: RunHandle): { id: string; spec: NodeSpecOf<'firehose'>; name: string }[] {
  return Object.entries(handle.spec.nodes)
    .filter((e): e is [string, NodeSpecOf<'firehose'>] => e[1].type === 'firehose')
    .map(([id, spec]) => ({ id, spec, name: spec.DeliveryStreamName ?? id }));
}

export const streamArn = (name: string) => `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
