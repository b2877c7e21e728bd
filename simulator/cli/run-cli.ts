/**
 * `npm run sim -- <pipeline.yaml> [--seed N] [--json]` — the same runs as the browser, from Node.
 * Exit codes: 0 ran, 1 the spec is invalid (file:line:col messages), 2 usage error.
 * The logic takes its input and output as parameters so tests can drive it in-process.
 */
import { readFileSync } from 'node:fs';
import { parseSpec, formatIssue } from '../spec/index.js';
import { runSync } from '../run/run.js';
import { parseArgs, USAGE } from './args.js';
import { formatReport } from './format.js';
import { Workload } from '../workload/workload.js';
import { runLabCommand, LAB_USAGE } from './lab-commands.js';
import { runCheckCommand, isDirectory, compileWorkspaceFolder, sortIssues, CHECK_USAGE } from './workspace-commands.js';
import { runExportCommand, EXPORT_USAGE } from './export-command.js';

const LAB_COMMANDS = new Set(['sweep', 'counterfactual', 'counterexample']);

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  if (argv[0] !== undefined && LAB_COMMANDS.has(argv[0])) return runLabCommand(argv[0], argv.slice(1), io);
  if (argv[0] === 'check') return runCheckCommand(argv.slice(1), io);
  if (argv[0] === 'export') return runExportCommand(argv.slice(1), io);
  const args = parseArgs(argv);
  if (args === 'help') {
    io.stdout(`${USAGE}\n\n${LAB_USAGE}\n\n${CHECK_USAGE}\n\n${EXPORT_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    io.stderr(`sim: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  const label = args.file === '-' ? '<stdin>' : args.file;
  let parsed: ReturnType<typeof parseSpec>;
  if (args.file !== '-' && isDirectory(args.file)) {
    // A workspace folder of real configuration files (AUTHORING.md, "Workspaces").
    parsed = compileWorkspaceFolder(args.file);
  } else {
    let text: string;
    try {
      text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`sim: cannot read ${args.file}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}\n`);
      return 2;
    }
    parsed = parseSpec(text, label);
  }
  if (!parsed.ok) {
    for (const issue of sortIssues([...parsed.errors, ...parsed.warnings])) io.stderr(`${formatIssue(issue)}\n`);
    return 1;
  }
  for (const w of parsed.warnings) io.stderr(`${formatIssue(w)}\n`);

  const started = process.hrtime.bigint();
  const workload = new Workload(parsed.spec.workload, args.seed ?? parsed.spec.seed, parsed.spec.duration);
  const rids = args.trace.map((id) => workload.ridOfDisplayId(id));
  const unknown = args.trace.filter((_, i) => rids[i] === undefined);
  if (unknown.length > 0) {
    io.stderr(`sim: no record ${unknown.join(', ')} (record ids look like ${workload.displayId(0)})\n`);
    return 2;
  }
  const handle = runSync(parsed.spec, { seed: args.seed, trace: rids as number[] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const result = handle.result;
  result.warnings = parsed.warnings.map((w) => ({ path: w.path, line: w.line, column: w.column, message: w.message }));
  if (args.timing) result.wallMs = Math.round(wallMs);

  if (args.json) io.stdout(`${JSON.stringify(result)}\n`);
  else if (args.quiet) io.stdout(`${formatReport(result, label).split('\n')[0]}\n`);
  else io.stdout(`${formatReport(result, label)}\n`);
  if (!args.json) io.stderr(`(${Math.round(wallMs)} ms wall time)\n`);
  return 0;
}

