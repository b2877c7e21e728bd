/**
 * `npm run sim -- <pipeline.yaml> [--seed N] [--json]` — the same runs as the browser, from Node.
 * Exit codes: 0 ran, 1 the spec is invalid (file:line:col messages), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { parseSpec, formatIssue } from '../spec/index.js';
import { runSync } from '../run/run.js';
import { parseArgs, USAGE } from './args.js';
import { formatReport } from './format.js';
import { Workload } from '../workload/workload.js';
import { runLabCommand, LAB_USAGE } from './lab-commands.js';

const LAB_COMMANDS = new Set(['sweep', 'counterfactual', 'counterexample']);

function main(argv: readonly string[]): number {
  if (argv[0] !== undefined && LAB_COMMANDS.has(argv[0])) return runLabCommand(argv[0], argv.slice(1));
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n\n${LAB_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`sim: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`sim: cannot read ${args.file}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}\n`);
    return 2;
  }
  const label = args.file === '-' ? '<stdin>' : args.file;
  const parsed = parseSpec(text, label);
  if (!parsed.ok) {
    for (const issue of [...parsed.errors, ...parsed.warnings]) process.stderr.write(`${formatIssue(issue)}\n`);
    return 1;
  }
  for (const w of parsed.warnings) process.stderr.write(`${formatIssue(w)}\n`);

  const started = process.hrtime.bigint();
  const workload = new Workload(parsed.spec.workload, args.seed ?? parsed.spec.seed, parsed.spec.duration);
  const rids = args.trace.map((id) => workload.ridOfDisplayId(id));
  const unknown = args.trace.filter((_, i) => rids[i] === undefined);
  if (unknown.length > 0) {
    process.stderr.write(`sim: no record ${unknown.join(', ')} (record ids look like ${workload.displayId(0)})\n`);
    return 2;
  }
  const handle = runSync(parsed.spec, { seed: args.seed, trace: rids as number[] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const result = handle.result;
  result.warnings = parsed.warnings.map((w) => ({ path: w.path, line: w.line, column: w.column, message: w.message }));
  if (args.timing) result.wallMs = Math.round(wallMs);

  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else if (args.quiet) process.stdout.write(`${formatReport(result, label).split('\n')[0]}\n`);
  else process.stdout.write(`${formatReport(result, label)}\n`);
  if (!args.json) process.stderr.write(`(${Math.round(wallMs)} ms wall time)\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A crash here is a simulator bug, not the user's fault: say so plainly, with the stack for the report.
  process.stderr.write(`sim: internal error (please report it with your pipeline file): ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 3;
}
