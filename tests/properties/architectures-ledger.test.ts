/**
 * Each architecture's time series agrees with its ledger: at the last sample every window has
 * ended, so the answer (a count per status per tumbling window) equals the number of times the
 * answer ledger saw records counted — exactlyOnce + duplicated + extraCopies — and the ledger
 * accounts for every generated record. Cost never decreases and error is never below the
 * relative difference of the totals (it is per window).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec } from '../unit/arch/comparison-spec.js';

describe('architectures: time series consistent with the ledger', () => {
  it('holds under random crashes, checkpointing and seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        (seed, checkpoint, speedCrash, batchCrash) => {
          const spec = comparisonSpec({
            duration: '10s',
            drain: '12s',
            rate: '100/s',
            every: '5s',
            ...(checkpoint ? { checkpoint: '1s' } : {}),
            faults: [
              ...(speedCrash ? [{ crash: 'speed', at: `${speedCrash}s`, 'restart-after': '1s' }, { crash: 'stream', at: `${speedCrash}s`, 'restart-after': '1s' }] : []),
              ...(batchCrash ? [{ crash: 'batch', at: `${batchCrash * 2}s`, 'restart-after': '1s' }] : []),
            ],
          });
          spec.seed = seed;
          const { result } = runSync(spec);
          for (const id of ['lambda', 'kappa']) {
            const s = result.architectures![id]!;
            const answer = s.outputs['answer']!;
            const last = s.answer.length - 1;
            expect(s.answer[last]!.value).toBe(answer.exactlyOnce + answer.duplicated + answer.extraCopies);
            expect(answer.exactlyOnce + answer.duplicated + answer.lost + answer.filtered + answer.late + answer.inFlight).toBe(answer.generated);
            const truth = s.truth[last]!.value;
            expect(s.error[last]!.value + 1e-6).toBeGreaterThanOrEqual(Math.abs(s.answer[last]!.value - truth) / Math.max(1, truth));
            for (let i = 1; i < s.cost.length; i++) expect(s.cost[i]!.value).toBeGreaterThanOrEqual(s.cost[i - 1]!.value);
            expect(s.summary.cost.processed).toBe(s.cost[last]!.value);
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
