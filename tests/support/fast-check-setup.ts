/**
 * Property tests draw their fault schedules from one fixed seed, so `npm test` is repeatable and
 * CI cannot go red by chance. Explore new schedules with `FC_SEED=<n> npm run test:unit`; a
 * failure prints its seed and path, which reproduce it exactly.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261125) });
