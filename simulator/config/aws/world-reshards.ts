/**
 * `reshards:` in world.yaml — resharding commands the operators run during the run, each the AWS CLI
 * line they would type:
 *
 *   reshards:
 *     - at: 10s
 *       run: aws kinesis update-shard-count --stream-name logs --target-shard-count 2 --scaling-type UNIFORM_SCALING
 *
 * Each becomes an entry of the stream node's `reshards` (what the service then does is
 * simulator/nodes/kinesis/reshard.ts). Problems point into world.yaml.
 */
import type { SpecIssue } from '../../spec/issues.js';
import type { SourceMap } from '../../spec/parse.js';
import { parseDuration } from '../../spec/units.js';
import { tokenize } from '../../shell/tokenize.js';
import { isReshardOperation, readReshardCommand, RESHARD_OPERATIONS } from './reshard-command.js';

const EXAMPLE = '- { at: 10s, run: aws kinesis update-shard-count --stream-name logs --target-shard-count 2 --scaling-type UNIFORM_SCALING }';

/** Adds each scheduled command to the `kinesis` node of the stream it names. */
export function applyWorldReshards(data: Record<string, unknown>, map: SourceMap, nodes: Record<string, unknown>, issues: SpecIssue[]): void {
  const raw = data['reshards'];
  if (raw === undefined) return;
  const err = (path: (string | number)[], message: string, hint?: string): void => void issues.push({ severity: 'error', file: map.file, ...map.locate(path), path: path.join('.'), message, ...(hint ? { hint } : {}) });
  if (!Array.isArray(raw)) return err(['reshards'], '`reshards` is a list of { at, run }', EXAMPLE);
  const streams = new Map<string, Record<string, unknown>>();
  for (const [id, n] of Object.entries(nodes)) {
    const node = n as Record<string, unknown>;
    if (node.type === 'kinesis') streams.set(typeof node.Name === 'string' ? node.Name : id, node);
  }
  raw.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return err(['reshards', i], 'a reshard is { at, run }', EXAMPLE);
    const { at, run, ...rest } = entry as Record<string, unknown>;
    for (const k of Object.keys(rest)) err(['reshards', i, k], `unknown key \`${k}\` in a reshard`, 'a reshard is { at, run }');
    const ms = parseDuration(at);
    if (typeof ms === 'string') return err(['reshards', i, 'at'], ms);
    const words = typeof run === 'string' ? tokenize(run).words : [];
    const [aws, service, operation, ...args] = words;
    if (aws !== 'aws' || service !== 'kinesis' || operation === undefined || !isReshardOperation(operation)) {
      return err(['reshards', i, 'run'], `\`run\` is an AWS CLI resharding command: aws kinesis ${RESHARD_OPERATIONS.join(' | ')} …`, EXAMPLE);
    }
    const read = readReshardCommand(operation, args);
    if (!read.ok) return err(['reshards', i, 'run'], `aws: error: ${read.error}`);
    const stream = streams.get(read.streamName);
    if (!stream) return err(['reshards', i, 'run'], `no AWS::Kinesis::Stream named ${read.streamName} in aws/template.yaml`, `streams: ${[...streams.keys()].join(', ') || 'none'}`);
    stream.reshards = [...((stream.reshards as unknown[] | undefined) ?? []), { at: ms, ...read.call }];
  });
}
