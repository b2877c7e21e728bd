/** `sim run`: runs the pipeline in the editor again (same as the Run button). */
import { ok, fail, type Command } from '../types.js';

export const simRun: Command = {
  name: 'sim run',
  summary: 'run the pipeline in the editor (same as the Run button)',
  usage: 'sim run',
  run(args) {
    if (args[0] !== 'run') return fail(`usage: ${this.usage}`, 2);
    return ok('starting a run…', { kind: 'run' });
  },
  complete(args) {
    return args.length === 0 ? ['run'] : [];
  },
};
