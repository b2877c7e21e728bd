/**
 * Every problem the real-file checkers (simulator/config/**) write has Korean: a Korean page renders
 * each message and hint through the simulator's catalogue (site/i18n/sim), and an English sentence
 * no template knows would show as it is.
 *
 * Two sweeps: (1) the source of every checker, read for the messages it can write (see
 * tests/support/config-message-sites.ts), so messages no fixture triggers are covered too; (2) the
 * workspace checker (`npm run sim -- check`) over every exercise's starter and solution, every
 * example workspace and the bad-config fixtures.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simCatalogue, simTemplateAreas } from '../../../simulator/i18n/messages/index.js';
import { compileWorkspace, checkConfigFile } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { isBundleExtra } from '../../../simulator/export/bundle.js';
import { messageSites, SAMPLE } from '../../support/config-message-sites.js';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Code a learner copies (`'format' = 'json'`, `id: my-unique-id`) is the same in every language:
 * a text is prose, and needs a Korean template, when two English words follow each other outside
 * its quotes and code spans.
 */
const PROSE = /\b[a-z]{2,} [a-z]{2,}\b/;
/** Code hints the rule above would read as prose (a command line inside YAML). */
const CODE = new Set([
  '- { at: 10s, run: aws kinesis update-shard-count --stream-name logs --target-shard-count 2 --scaling-type UNIFORM_SCALING }',
  'flink stop --savepointPath <dir> <jobId>  |  flink cancel <jobId>  |  flink run [-s <savepoint>] [-p <n>] <jar>',
  'flink stop --savepointPath s3://flink/savepoints <jobId>',
  'flink run [-s <savepoint>] [-p <n>] [-m <host>:8081] /opt/flink/usrlib/job.jar',
]);
function isProse(text: string): boolean {
  if (CODE.has(text)) return false;
  const bare = text.replaceAll(SAMPLE, ' ').replace(/`[^`]*`|'[^']*'|"[^"]*"|\[[^\]]*\]/g, ' ').replace(/\S*[-./:=_<>@]\S*/g, ' ');
  return PROSE.test(bare);
}

/** Messages whose `${…}` has a shape a template relies on: checked with a real value instead of the sample. */
const REAL: Readonly<Record<string, string>> = {
  // job-sql.ts: `${agg[0]} is not simulated`, the aggregate call as written (sum(*)).
  [`${SAMPLE} is not simulated`]: 'sum(*) is not simulated',
};

/** The parts of a message no template knows, leaving out the sample values that stand for `${…}`. */
function unknownParts(sample: string): string[] {
  const text = REAL[sample] ?? sample;
  return simCatalogue.untranslated(text).filter((part) => part.replaceAll(SAMPLE, '').trim() !== '');
}

describe('message sites in the checkers’ source', () => {
  const { sites, opaque } = messageSites(ROOT, ['simulator/config', 'simulator/athena/projection.ts', 'simulator/nodes/logstash/conditional.ts', 'simulator/orchestrator/scheduler.ts', 'simulator/operations']);

  it('finds the checkers’ messages', () => {
    expect(sites.length).toBeGreaterThan(400);
  });

  it('has a Korean template for every message and hint a checker writes', () => {
    const missing = new Set<string>();
    for (const site of sites) {
      for (const text of site.texts) {
        if (!isProse(text) && !/^e\.g\. /.test(text)) continue;
        if (unknownParts(text).length > 0) missing.add(`${site.file}:${site.line}: ${text}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  /**
   * Sites whose text is not written where the problem is raised. Each is covered elsewhere: the
   * reason says where. A new one fails here until someone checks that its text has Korean.
   */
  const OPAQUE: Readonly<Record<string, string>> = {
    // Setting docs, attached as hints: each has a template in setting-docs.ts (tests/unit/i18n/setting-docs.test.ts).
    'decl.doc': 'a setting’s doc, shown as the hint of its invalid or unsimulated value: setting-docs.ts',
    'option.doc': 'a Logstash plugin option’s doc: setting-docs.ts',
    // Parsers’ own words, quoted as the tool prints them.
    'e.message': 'a parser’s error (YAML, Python AST, Spark or Flink SQL grammar): the tool’s own output',
    "e.message.split('\\n')[0]!.replace(/ at line \\d+, column \\d+.*$/, '')": 'the YAML parser’s error: the tool’s own output',
    'settings.message': 'a DAG setting problem: an Error of simulator/orchestrator/scheduler.ts (swept)',
    'parsed.problem.message': 'a runbook command’s problem, written in simulator/operations (swept)',
    'parsed.problem.hint': 'the same problem’s hint',
    'p.message': 'a runbook problem passed on with its position',
    // A helper passing its own parameter on: the literals at the helper’s call sites are swept.
    message: 'a helper’s parameter',
    hint: 'a helper’s parameter',
    what: 'a helper’s parameter',
    ms: 'a helper’s parameter, the text from its call sites',
    at: 'a helper’s parameter, the text from its call sites',
    scheduleHint: 'a hint built from the literals above it in dag-file.ts',
    schedule: 'an example schedule expression: code',
    atTime: 'an example at() expression: code',
    sampleMs: 'an example value: code',
    marginMs: 'an example value: code',
    "/^(cron|rate)\\(/.test(expression.trim()) ? parsed : 'at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)'": 'the parser’s reason, or a literal with a template in problems.ts',
    "guess ? `did you mean ${guess}? (${decl.allowed.join(', ')})` : decl.allowed.join(', ')": 'a guess (template in problems.ts) or the allowed values: code',
    'syntaxHint(text, first)': 'the Flink SQL syntax hints (sql-parse.ts), swept as literals there',
    'hintFor(text, offset)': 'the Logstash syntax hints (logstash/parse.ts), swept as literals there',
  };

  it('knows where every message not written at its site comes from', () => {
    const unknown = [...new Set(opaque.map((o) => o.source))].filter((source) => !(source in OPAQUE));
    expect(unknown).toEqual([]);
  });
});

/**
 * The first template that matches wins: a general one listed early ("write {file}") would take the
 * messages of a more precise one listed after it, and its Korean would say something else.
 */
describe('template order', () => {
  // Known and harmless: the spec's "`{path}`: {what*}" reads it first, and its "expected …, got …" part has its own template.
  const KNOWN = new Set(['`{key}`: expected {expected}, got {actual}']);

  it('lets every template match its own messages', () => {
    const shadowed: string[] = [];
    for (const list of Object.values(simTemplateAreas)) {
      for (const t of list) {
        const found = simCatalogue.match(t.en.replace(/\{(\w+)\*?\}/g, 'Qx'));
        if (found && found.compiled.template !== t && !KNOWN.has(t.en)) shadowed.push(`${t.en}  ⟸  ${found.compiled.template.en}`);
      }
    }
    expect(shadowed).toEqual([]);
  });
});

/** Every exercise's starter/ and solution/ (the solution's files over the starter's, as a run gets them), every example workspace. */
function workspaces(): { name: string; files: Map<string, string> }[] {
  const out: { name: string; files: Map<string, string> }[] = [];
  const read = (dir: string) => new Map([...readWorkspaceFolder(dir)].filter(([path]) => !isBundleExtra(path)));
  const lessons = join(ROOT, 'lessons');
  for (const lesson of readdirSync(lessons).sort()) {
    const exercises = join(lessons, lesson, 'exercises');
    if (!existsSync(exercises)) continue;
    for (const slug of readdirSync(exercises).sort()) {
      const starter = join(exercises, slug, 'starter');
      const solution = join(exercises, slug, 'solution');
      // A workspace exercise holds world.yaml; others are one pipeline spec, checked elsewhere.
      if (!existsSync(join(starter, 'world.yaml'))) continue;
      const starterFiles = read(starter);
      out.push({ name: `${lesson}/${slug}/starter`, files: starterFiles });
      if (existsSync(solution)) out.push({ name: `${lesson}/${slug}/solution`, files: new Map([...starterFiles, ...read(solution)]) });
    }
  }
  const examples = join(ROOT, 'examples/workspaces');
  for (const name of readdirSync(examples).sort()) {
    if (statSync(join(examples, name)).isDirectory()) out.push({ name: `examples/workspaces/${name}`, files: read(join(examples, name)) });
  }
  return out;
}

describe('problems the workspace checker reports on the course’s own files', () => {
  it('are all in Korean', () => {
    const missing = new Set<string>();
    const need = (where: string, text: string | undefined) => {
      if (text && isProse(text)) for (const part of simCatalogue.untranslated(text)) if (isProse(part)) missing.add(`${where}: ${part}`);
    };
    const list = workspaces();
    expect(list.length).toBeGreaterThan(100);
    for (const { name, files } of list) {
      const outcome = compileWorkspace(files, name);
      for (const p of outcome.ok ? outcome.warnings : [...outcome.errors, ...outcome.warnings]) {
        need(p.file, p.message);
        need(p.file, p.hint);
      }
    }
    const fixtures = join(ROOT, 'tests/fixtures');
    const single = [
      ...readdirSync(join(fixtures, 'logstash-corpus')).map((f) => `logstash-corpus/${f}`),
      'logstash-bad.conf',
      'flink/bad-option.sql',
    ];
    for (const file of single) {
      for (const p of checkConfigFile(file, readFileSync(join(fixtures, file), 'utf8')) ?? []) {
        need(file, p.message);
        need(file, p.hint);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
