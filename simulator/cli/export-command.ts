/**
 * `npm run sim -- export <pipeline.yaml | workspace folder> --to <folder>`: writes the bundle that
 * runs the pipeline on the real engines (simulator/export). With `--zip`, one zip file instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSpec, formatIssue } from '../spec/index.js';
import { exportBundle, bundleName, formatRefusals, zipFiles, type ExportSource } from '../export/index.js';
import { isDirectory, readWorkspaceFolder, sortIssues } from './workspace-commands.js';
import type { CliIo } from './run-cli.js';

export const EXPORT_USAGE = `usage: npm run sim -- export <pipeline.yaml | workspace-folder> --to <folder> [--zip]

  writes a bundle that runs the pipeline on the real engines: its configuration files, compose.yaml,
  a log generator, FAULTS.md and README.md (same pipeline ⇒ the same bytes). With --zip, <folder>
  is the zip file to write. Exit 0 written, 1 the pipeline is invalid or cannot be written as real
  files (the reason is printed), 2 usage error.`;

export function runExportCommand(argv: readonly string[], io: CliIo): number {
  let to: string | undefined;
  let zip = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--to') to = argv[++i];
    else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a === '--zip') zip = true;
    else if (a === '-h' || a === '--help') {
      io.stdout(`${EXPORT_USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      io.stderr(`sim: unknown option ${a}\n\n${EXPORT_USAGE}\n`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 1 || !to) {
    io.stderr(`sim: ${positional.length !== 1 ? 'name one pipeline file or workspace folder' : 'say where with --to <folder>'}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const input = positional[0]!;
  let source: ExportSource;
  let name: string | undefined;
  if (isDirectory(input)) {
    source = { kind: 'workspace', files: readWorkspaceFolder(input) };
  } else {
    let text: string;
    try {
      text = readFileSync(input, 'utf8');
    } catch {
      io.stderr(`sim: cannot read ${input}\n`);
      return 2;
    }
    const parsed = parseSpec(text, input);
    if (!parsed.ok) {
      for (const issue of sortIssues([...parsed.errors, ...parsed.warnings])) io.stderr(`${formatIssue(issue)}\n`);
      return 1;
    }
    source = { kind: 'spec', spec: parsed.spec };
    name = parsed.spec.name;
  }
  const bundle = exportBundle(source);
  if (!bundle.ok) {
    io.stderr(`sim: ${input} cannot be exported as real files:\n${formatRefusals(bundle.refusals)}\n`);
    return 1;
  }
  if (zip) {
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, zipFiles(bundle.value, bundleName({ name })));
  } else {
    for (const [path, text] of bundle.value) {
      const file = join(to, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  io.stdout(`${to}: ${bundle.value.size} files written; start with \`docker compose up -d\` (README.md)\n`);
  return 0;
}
