/**
 * `npm run new:exercise -- <lesson>/<slug>` — scaffolds a valid exercise and prints the
 * tag to paste into the lesson. Starter and solution are identical at first, so
 * `npm run lessons:check` keeps flagging the exercise until they differ in outcome.
 */
import { newExercise, NEW_EXERCISE_USAGE } from './fs-new-exercise.js';

const argv = process.argv.slice(2);
let root = process.cwd();
const rootAt = argv.indexOf('--root');
if (rootAt >= 0) {
  root = argv[rootAt + 1] ?? root;
  argv.splice(rootAt, 2);
}
const outcome = argv.length === 1 ? newExercise(root, argv[0]) : { code: 2 as const, error: NEW_EXERCISE_USAGE };
if (outcome.code === 0) console.log(outcome.lines.join('\n'));
else console.error(`new:exercise: ${outcome.error}`);
process.exit(outcome.code);
