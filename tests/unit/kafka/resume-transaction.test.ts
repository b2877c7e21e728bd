/**
 * Finishing a pre-committed transaction after a restart (Flink's two-phase commit, SEMANTICS §4
 * [FL4]): a new instance resumes the transaction by producer id and epoch and commits it; a commit
 * that already happened succeeds again; re-initialising the transactional.id instead aborts it.
 */
import { describe, it, expect } from 'vitest';
import type { Message, NodeContext, SimNode } from '../../../simulator/core/node.js';
import type { KafkaProducerClient, TransactionHandle } from '../../../simulator/nodes/kafka/client-api.js';
import type { KafkaCluster } from '../../../simulator/nodes/kafka/cluster.js';
import { buildRig, rec, PRODUCER_DEFAULTS } from './rig.js';

const SPEC = `
nodes:
  kafka:
    type: kafka
    brokers: 1
    topics:
      out: { partitions: 1 }
`;

type Ending = 'resume-and-commit' | 'commit-then-resume-and-commit' | 'reinitialise';

/** Writes 10 records in a transaction, "dies" after the pre-commit flush, and a successor ends it. */
class TwoPhaseHost implements SimNode {
  readonly address = 'app';
  private ctx!: NodeContext;
  private producers: KafkaProducerClient[] = [];
  outcome: boolean[] = [];
  constructor(
    private readonly cluster: KafkaCluster,
    private readonly ending: Ending,
  ) {}
  private make(): KafkaProducerClient {
    const p = this.cluster.createProducer(this.ctx, { ...PRODUCER_DEFAULTS, 'enable.idempotence': true, 'transactional.id': 'sink-0', 'transaction.timeout.ms': 60_000 });
    this.producers.push(p);
    return p;
  }
  start(ctx: NodeContext): void {
    this.ctx = ctx;
    const first = this.make();
    first.initTransactions(() => {
      first.beginTransaction();
      for (let i = 0; i < 10; i++) first.send('out', rec(i), null);
      first.flush(() => {
        const handle = first.transactionHandle!()!;
        if (this.ending === 'commit-then-resume-and-commit') first.commitTransaction((ok) => this.outcome.push(ok));
        ctx.timer(500, () => this.successor(handle));
      });
    });
  }
  private successor(handle: TransactionHandle): void {
    const next = this.make();
    if (this.ending === 'reinitialise') {
      next.initTransactions((ok) => this.outcome.push(ok));
      return;
    }
    next.resumeTransaction!(handle);
    next.commitTransaction((ok) => this.outcome.push(ok));
  }
  receive(msg: Message, from: string): void {
    for (const p of this.producers) if (p.receive(msg, from)) return;
  }
  crash(): void {}
  restart(): void {}
}

function run(ending: Ending) {
  const rig = buildRig(SPEC);
  const host = new TwoPhaseHost(rig.cluster, ending);
  rig.sim.addNode(host);
  rig.run(5_000);
  const visible = rig.counts('kafka/out', 10).reduce((a, b) => a + b, 0);
  return { visible, outcome: host.outcome };
}

describe('resuming a pre-committed transaction', () => {
  it('commits it from a new instance: every record becomes visible to read_committed readers', () => {
    expect(run('resume-and-commit')).toEqual({ visible: 10, outcome: [true] });
  });

  it('is idempotent: committing again after the original commit succeeds and changes nothing', () => {
    expect(run('commit-then-resume-and-commit')).toEqual({ visible: 10, outcome: [true, true] });
  });

  it('counter-test: re-initialising the transactional.id fences the old instance and aborts its transaction', () => {
    const r = run('reinitialise');
    expect(r.outcome).toEqual([true]);
    expect(r.visible).toBe(0);
  });
});
