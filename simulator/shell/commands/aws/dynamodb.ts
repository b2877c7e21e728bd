/**
 * `aws dynamodb scan --table-name <applicationName>`: a KCL application's lease table, one item per
 * shard, in DynamoDB's JSON (attribute values typed `S` / `N`). The KCL keeps `leaseKey`,
 * `leaseOwner`, `leaseCounter` and `checkpoint` there (https://docs.aws.amazon.com/streams/latest/dev/kcl-dynamoDB.html);
 * a shard not checkpointed yet shows the initial position (`TRIM_HORIZON` or `LATEST`). The table
 * as the run left it.
 */
import type { RunHandle } from '../../../run/run.js';
import type { NodeSpecOf } from '../../../spec/schema/pipeline.js';
import { sequenceNumberOf } from '../../../nodes/kinesis/stream.js';
import { ok, type ShellOutput } from '../../types.js';
import { json, requiredOption, serviceError } from './cli.js';

interface WorkerState { applicationName: string; leases: { leaseKey: string; leaseOwner: string | null; leaseCounter: number; checkpoint: string | null; parentShardIds?: string[] }[] }

/** Lease tables of the run: application name → the consumer node and a worker's view of its table. */
export function leaseTables(handle: RunHandle): Map<string, { spec: NodeSpecOf<'kinesis-consumer'>; state: WorkerState }> {
  const out = new Map<string, { spec: NodeSpecOf<'kinesis-consumer'>; state: WorkerState }>();
  for (const [id, spec] of Object.entries(handle.spec.nodes)) {
    if (spec.type !== 'kinesis-consumer') continue;
    const address = spec.instances === 1 ? id : `${id}/worker-1`;
    const state = handle.result.state[address] as WorkerState | undefined;
    if (state) out.set(state.applicationName, { spec, state });
  }
  return out;
}

export function dynamodbCommand(handle: RunHandle, args: readonly string[]): ShellOutput {
  const usage = 'aws dynamodb scan --table-name <value>';
  const name = requiredOption(args, usage, 'table-name');
  if (typeof name !== 'string') return name;
  const table = leaseTables(handle).get(name);
  if (!table) return serviceError('ResourceNotFoundException', 'Scan', 'Requested resource not found');
  const initial = table.spec.source.initialPositionInStream;
  const items = table.state.leases.map((l, i) => ({
    leaseKey: { S: l.leaseKey },
    // A child shard's lease starts at TRIM_HORIZON (its parents held what came before); a shard read
    // to its end after a reshard is checkpointed SHARD_END.
    checkpoint: { S: l.checkpoint === 'SHARD_END' ? 'SHARD_END' : l.checkpoint === null ? (l.parentShardIds ? 'TRIM_HORIZON' : initial) : sequenceNumberOf(i, Number(l.checkpoint)) },
    checkpointSubSequenceNumber: { N: '0' },
    leaseCounter: { N: String(l.leaseCounter) },
    ...(l.leaseOwner !== null ? { leaseOwner: { S: l.leaseOwner } } : {}),
    ownerSwitchesSinceCheckpoint: { N: '0' },
    ...(l.parentShardIds ? { parentShardId: { SS: l.parentShardIds } } : {}),
  }));
  return ok(json({ Items: items, Count: items.length, ScannedCount: items.length, ConsumedCapacity: null }));
}
