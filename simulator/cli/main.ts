/** Entry point of `npm run sim`; the logic lives in run-cli.ts. */
import { runCli } from './run-cli.js';

try {
  process.exitCode = runCli(process.argv.slice(2));
} catch (error) {
  // A crash here is a simulator bug, not the user's fault: say so plainly, with the stack for the report.
  process.stderr.write(`sim: internal error (please report it with your pipeline file): ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 3;
}
