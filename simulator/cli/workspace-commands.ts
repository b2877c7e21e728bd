/**
 * The CLI side of real configuration files: reads a workspace folder from disk (fs stays in cli/),
 * and `npm run sim -- check PATH` validates a real config file or a whole workspace folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
// Node only: job.sql files are parsed synchronously here (the browser worker loads the parser lazily).
import '../config/flink/sql-runtime-node.js';
import { join, relative, sep } from 'node:path';
import { formatIssue, type SpecIssue } from '../spec/index.js';
import { compileWorkspace, checkConfigFile, type WorkspaceOutcome } from '../config/workspace/index.js';
import { isBundleExtra } from '../export/bundle.js';
import type { CliIo } from './run-cli.js';

export const CHECK_USAGE = `usage: npm run sim -- check <file-or-folder>

  checks real configuration files — a Logstash pipeline (*.conf), logstash.yml, filebeat.yml,
  an Elasticsearch index body (*.json), Kafka's server.properties and topics.sh, a Flink job
  (*.sql) and Flink's config.yaml, a Kafka client's consumer.properties / producer.properties and
  its app.yaml, an AWS CloudFormation template.yaml, a KCL app's kcl.properties, world.yaml —
  or a whole workspace folder, printing file:line:col: message (hint).
  Exit 0 when valid (warnings allowed), 1 when not, 2 usage error.`;

const MAX_FILES = 500;

/** Every file under `dir`, by its '/'-separated path relative to `dir` (dot-files skipped). */
export function readWorkspaceFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      if (entry.startsWith('.')) continue;
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (files.size < MAX_FILES) files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function compileWorkspaceFolder(dir: string): WorkspaceOutcome {
  // An exported bundle runs as it is: its compose.yaml, loggen/ and notes are not workspace files.
  const files = new Map([...readWorkspaceFolder(dir)].filter(([path]) => !isBundleExtra(path)));
  return compileWorkspace(files, dir.replace(/\/+$/, ''));
}

/** Problems sorted by file, line and column, as compilers print them. */
export function sortIssues(issues: SpecIssue[]): SpecIssue[] {
  return [...issues].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export function runCheckCommand(argv: readonly string[], io: CliIo): number {
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    io.stderr(`${CHECK_USAGE}\n`);
    return argv[0] === '-h' || argv[0] === '--help' ? 0 : 2;
  }
  const path = argv[0]!;
  let issues: SpecIssue[];
  if (isDirectory(path)) {
    const outcome = compileWorkspaceFolder(path);
    issues = outcome.ok ? outcome.warnings : [...outcome.errors, ...outcome.warnings];
  } else {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      io.stderr(`sim: cannot read ${path}${(error as NodeJS.ErrnoException).code === 'ENOENT' ? ': no such file' : ''}\n`);
      return 2;
    }
    const found = checkConfigFile(path, text);
    if (!found) {
      io.stderr(`sim: ${path} is not a configuration file check knows (*.conf, logstash.yml, filebeat.yml, elasticsearch.yml, *.json, server.properties, topics.sh, *.sql, config.yaml, consumer.properties, producer.properties, app.yaml, template.yaml, kcl.properties, world.yaml)\n`);
      return 2;
    }
    issues = found;
  }
  for (const issue of sortIssues(issues)) io.stderr(`${formatIssue(issue)}\n`);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors === 0) io.stdout(`${path}: ok${issues.length > 0 ? ` (${issues.length} warning${issues.length === 1 ? '' : 's'})` : ''}\n`);
  return errors === 0 ? 0 : 1;
}
