/**
 * Why a run stopped on its budget (simulator/spec/limits.ts, simulator/run/budget.ts), in plain words
 * for the exercise and Lab verdicts. The Korean twin is `../ko/limits.ts`, with the same keys.
 */
export const limits = {
  'limits.budget.events':
    'It stopped after {used} events, its budget (max-events: {limit}): something kept the simulator busy, often a retry loop against a node that never comes back. What happened until then is counted; records not yet delivered are listed as in flight.',
  'limits.budget.recordCopies':
    'It stopped after its links had carried {used} record copies, its budget of {limit} (a fixed number per record generated): something resends or copies records without end. What happened until then is counted; records not yet delivered are listed as in flight.',
} as const;
