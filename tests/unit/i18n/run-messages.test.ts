/**
 * The Korean sweep over every run the course ships: each example (a yaml spec, a workspace's
 * internal-spec twin, a workspace folder, as `npm run sim` runs them) and each exercise's solution
 * (its runbook included, as lessons:check runs it) is run once, and every text a Korean page shows
 * about it must come out in Korean: the run's warnings, a sample of each ledger fate with its
 * traced hops, the terminal lines of the shell's own commands (`faults`, `operations`, `ledger`,
 * `ledger <output>`, the Airflow and AWS read commands the pipeline has, its runbook's commands
 * typed by hand), the `help` pages, the simulator's own run-log lines (batch layer, Airflow, faults,
 * operators, the nodes' notes) and the check engine's notes of a failed check. Real tools' output
 * stays as the tools print it (REAL_TOOL_LINES; sim-messages.test.ts shows the terminal keeping it).
 *
 * To keep it quick, a spec that compiles to the same pipeline as one already run (an example and its
 * real-file twin) runs once, each run traces every record in the same pass, the help pages are read
 * once, and the check notes come from evaluating each exercise's checks against other runs' results.
 */
import { readdirSync, readFileSync } from 'node:fs';
// Node only: workspace job.sql files are parsed synchronously here (the browser worker loads the parser lazily).
import '../../../simulator/config/flink/sql-runtime-node.js';
import { describe, expect, it } from 'vitest';
import { checkWhyText, simCatalogue, terminalLine, untranslatedTerminalLine } from '../../../site/i18n/sim/index.js';
import { parseSpec, type PipelineSpec } from '../../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../../simulator/run/run.js';
import type { RunResult } from '../../../simulator/run/result.js';
import { commandNames, complete, ledgerEntries, recordStory, formatStory, runLine, type LedgerKind } from '../../../simulator/shell/index.js';
import { simLine } from '../../../simulator/shell/log-format/index.js';
import { compileWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { groupExerciseFiles } from '../../../simulator/exercise/bundle.js';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { exerciseSpec } from '../../../simulator/exercise/exercise-spec.js';
import { localizeExercise } from '../../../simulator/exercise/localize.js';
import { planOperations } from '../../../simulator/operations/plan.js';
import { evaluateChecks } from '../../../simulator/exercise/evaluate.js';
import { formatIssue, type SpecIssue } from '../../../simulator/spec/issues.js';
import { checkWhy } from '../../../site/scripts/exercise/check-words.js';
import type { Exercise } from '../../../simulator/exercise/types.js';

const HANGUL = /[\uac00-\ud7a3]/;
/** Three English words in a row, outside code spans: prose a Korean page must not show (as sim-messages.test.ts). */
const ENGLISH_PROSE = /\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/i;
const prose = (text: string) => ENGLISH_PROSE.test(text.replace(/`[^`]*`/g, ''));

const KINDS: LedgerKind[] = ['lost', 'duplicated', 'inFlight', 'late', 'lateSideOutput', 'deadLettered', 'filtered'];

interface Case {
  name: string;
  spec: PipelineSpec;
  seed?: number;
  /** What the spec's checks said beside the run (message and hint). */
  issues: readonly SpecIssue[];
}

function specCase(path: string): Case {
  const parsed = parseSpec(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return { name: path, spec: parsed.spec, issues: parsed.warnings };
}

function workspaceCase(dir: string): Case {
  const outcome = compileWorkspaceFolder(dir);
  if (!outcome.ok) throw new Error(outcome.errors.map(formatIssue).join('\n'));
  return { name: `${dir}/`, spec: outcome.spec, issues: outcome.warnings };
}

/** Every exercise, and its Korean edition (a failed check's explanation and hint are the author's, in the page's language). */
const exercises: { exercise: Exercise; ko: Exercise }[] = [...groupExerciseFiles(readTree(process.cwd(), 'lessons'))].map(([slug, bundle]) => {
  const loaded = loadExercise(slug, bundle.lessonDir, bundle.files);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatIssue).join('\n'));
  return { exercise: loaded.exercise, ko: localizeExercise(loaded.exercise, bundle.files, 'ko').exercise };
});

function exerciseCase(e: Exercise): Case {
  const parsed = exerciseSpec(e, e.solution, e.workspace ? { root: `${e.dir}/solution` } : {});
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return { name: `${e.lesson}/${e.slug}`, spec: parsed.spec, seed: e.seed, issues: parsed.warnings };
}

const WS = 'examples/workspaces';
const CASES: (readonly [string, () => Case])[] = [
  ...readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort().map((f) => [`examples/${f}`, () => specCase(`examples/${f}`)] as const),
  ...readdirSync(WS).filter((f) => f.endsWith('.spec.yaml')).sort().map((f) => [`${WS}/${f}`, () => specCase(`${WS}/${f}`)] as const),
  ...readdirSync(WS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().map((d) => [`${WS}/${d}/`, () => workspaceCase(`${WS}/${d}`)] as const),
  ...exercises.map(({ exercise: e }) => [`${e.lesson}/${e.slug}`, () => exerciseCase(e)] as const),
];

/** The English prose of a text the page translates with the full catalogue (warnings, fates, hops). */
function englishOf(text: string): string[] {
  return simCatalogue.untranslated(text).filter(prose);
}

/**
 * Lines real tools print, which stay English on a Korean page (the AWS CLI's error, Airflow's empty
 * table, Flink's CLI, Kafka's tools): the terminal has no template for them, on purpose.
 */
const REAL_TOOL_LINES = [
  /^An error occurred \(\w+\) when calling the \w+ operation: /, // AWS CLI v2 (botocore's ClientError)
  /^No data found$/, // Airflow's console with no rows
  /^Job has been submitted with JobID \w+$/, // flink run
  /^The program finished with the following exception: (?:java\.|org\.)/, // Flink's CLI, a Java exception
  /^WARN: No action will be performed as the --execute option is missing\./, // kafka-consumer-groups --reset-offsets
  /^Error: Assignments can only be reset if the group '[^']+' is inactive/, // kafka-consumer-groups
  /^Error while executing topic command : /, // kafka-topics
];

/** A line's text without the run log's `[clock][LEVEL][source] ` or a listing's clock column. */
const bare = (line: string) => line.replace(/^\[[^\]]*\]\[[^\]]*\]\[[^\]]*\] /, '').replace(/^\s*T\+[\d.]+s\s+/, '').trim();

/** Tool names a command line starts with (`$ ` when the run log echoes what an operator typed). */
const TOOLS = new Set([...commandNames(), 'flink', 'kafka-topics.sh', 'kafka-consumer-groups.sh', 'kafka-configs.sh']);

/** The English prose of terminal output the page translates line by line. */
function englishLines(text: string): string[] {
  const english: string[] = [];
  for (const line of text.split('\n')) {
    const rest = bare(line);
    if (!rest || !prose(rest) || REAL_TOOL_LINES.some((re) => re.test(rest))) continue;
    const left = untranslatedTerminalLine(line).filter(prose);
    if (left.length === 0) continue;
    // A command line is code: only a note after it, in parentheses, is prose.
    if (rest.startsWith('$ ') || TOOLS.has(rest.split(' ')[0]!)) {
      const note = rest.indexOf(' (');
      if (note >= 0 && prose(rest.slice(note))) english.push(...untranslatedTerminalLine(rest.slice(note + 1)).filter(prose));
      continue;
    }
    english.push(...left);
  }
  return english;
}

/** The first completions of a partly typed command (DAG, run, stream, table and schedule names). */
const names = (handle: RunHandle, typed: string) => complete({ handle }, typed).candidates.slice(0, 2);

/** Terminal commands whose output the simulator writes or annotates, for what the pipeline has, and its runbook typed by hand. */
function commandsFor(handle: RunHandle): string[] {
  const commands = ['faults', 'operations', 'ledger', ...[...handle.outputs.keys()].map((o) => `ledger ${o}`)];
  for (const dag of names(handle, 'airflow dags list-runs -d ')) {
    commands.push(`airflow dags list-runs -d ${dag}`);
    for (const run of names(handle, `airflow tasks states-for-dag-run ${dag} `)) commands.push(`airflow tasks states-for-dag-run ${dag} ${run}`);
  }
  for (const s of names(handle, 'aws kinesis describe-stream-summary --stream-name ')) commands.push(`aws kinesis describe-stream-summary --stream-name ${s}`, `aws kinesis list-shards --stream-name ${s}`);
  for (const s of names(handle, 'aws firehose describe-delivery-stream --delivery-stream-name ')) commands.push(`aws firehose describe-delivery-stream --delivery-stream-name ${s}`);
  for (const t of names(handle, 'aws dynamodb scan --table-name ')) commands.push(`aws dynamodb scan --table-name ${t}`);
  for (const s of names(handle, 'aws scheduler get-schedule --name ')) commands.push(`aws scheduler get-schedule --name ${s}`);
  for (const op of handle.spec.operations ?? []) commands.push(op.run);
  return commands;
}

/** Everything English a Korean page would show about one run. */
function sweep(c: Case, handle: RunHandle): string[] {
  const english: string[] = [];
  for (const i of c.issues) english.push(...englishOf(i.message), ...(i.hint ? englishOf(i.hint) : []));
  for (const w of handle.result.warnings) english.push(...englishOf(w.message));
  // A sample per fate: a few records of each kind in each output, the first of them with its hops.
  const sample = new Set<number>([0]);
  for (const out of handle.outputs.keys()) {
    for (const kind of KINDS) {
      const { entries } = ledgerEntries(handle, out, kind, 3);
      for (const e of entries) english.push(...englishOf(e.fate));
      if (entries[0]) sample.add(entries[0].rid);
    }
  }
  for (const rid of sample) {
    const story = recordStory(handle, rid);
    for (const step of story.steps) english.push(...englishOf(step.what));
    english.push(...englishLines(formatStory(story)));
  }
  for (const command of commandsFor(handle)) english.push(...englishLines(runLine({ handle }, command).text));
  // The simulator's own run-log lines, as /var/log/sim.log prints them (each distinct text once).
  const seen = new Set<string>();
  for (const l of handle.result.log) {
    if (seen.has(l.text)) continue;
    seen.add(l.text);
    english.push(...englishLines(simLine(l)));
  }
  return [...new Set(english)];
}

/**
 * The check engine's notes in a failed check's explanation, in the pieces the page translates
 * (site/i18n/sim checkWhyText): the author's text is in the page's language already, the engine's is not.
 */
function engineNotes(why: string): string[] {
  const at = why.lastIndexOf(' Hint: ');
  const body = at < 0 ? why : why.slice(0, at);
  return body.split(' — ').flatMap((part) => part.split('; ')).filter((piece) => !HANGUL.test(piece)).flatMap(englishOf);
}

describe('the sweep itself', () => {
  it('finds a run-log line no template knows, and lets real tools and typed commands be', () => {
    expect(englishLines('[T+1.000s][INFO ][batch] something entirely new happened here')).toEqual(['[T+1.000s][INFO ][batch] something entirely new happened here']);
    expect(englishLines('An error occurred (ResourceNotFoundException) when calling the ListShards operation: Stream logs under account 123456789012 not found.')).toEqual([]);
    expect(englishLines('  T+40.000s    $ airflow backfill create --dag-id batch_view --from-date 2026-01-01 --to-date 2026-01-02')).toEqual([]);
    expect(englishLines('aws glue get-partitions --database-name <db>    (a note nobody translated yet)')).toEqual(['(a note nobody translated yet)']);
  });

  it('reads the new lines in Korean: a DAG try, a Flink rescale, a runbook note, a usage note, a check note', () => {
    expect(terminalLine('[T+16.000s][INFO ][batch] scheduled__2026-01-01T00:01:00+00:00 try 2 committed 12 rows to partition dt=2026-01-01 (INSERT INTO: appended)', 'ko')).toBe(
      '[T+16.000s][INFO ][batch] scheduled__2026-01-01T00:01:00+00:00 시도 2: 파티션 dt=2026-01-01에 행 12개를 커밋했습니다 (INSERT INTO: 덧붙임)',
    );
    expect(terminalLine('[T+9.000s][INFO ][flink] job v2 runs with parallelism 2; subtask 0: key groups 0-63, 1 key, 2 window cells; subtask 1: key groups 64-127, 3 keys, 1 window cell', 'ko')).toBe(
      '[T+9.000s][INFO ][flink] 잡 v2 실행 중, 병렬도 2; 서브태스크 0: 키 그룹 0-63, 키 1개, 윈도우 셀 2개; 서브태스크 1: 키 그룹 64-127, 키 3개, 윈도우 셀 1개',
    );
    expect(terminalLine('  T+30.000s    Job has been submitted with JobID 3b1d (parallelism 4)', 'ko')).toBe('  T+30.000s    Job has been submitted with JobID 3b1d (병렬도 4)');
    expect(terminalLine('  T+30.000s    Job has been submitted with JobID 3b1d', 'ko')).toBe('  T+30.000s    Job has been submitted with JobID 3b1d');
    expect(terminalLine('aws glue get-partitions --database-name <db> --table-name <table>    (the partitions the catalog holds)', 'ko')).toBe('aws glue get-partitions --database-name <db> --table-name <table>    (카탈로그에 등록된 파티션)');
    expect(checkWhyText('this run has no flink `speed` in `jobs` (flinks in this run: none)', 'ko')).toBe('이번 실행의 `jobs`에 없는 flink: `speed` (이번 실행의 flink: 없음)');
  });
});

describe("a runbook line the simulator refuses, as the editor shows it", () => {
  const JOB = '0123456789abcdef0123456789abcdef';
  const lines = [
    'kafka-topic.sh --list', 'kafkacat -L', "kafka-topics.sh --bootstrap-server kafka:9092 --describe 'x", '',
    'kafka-topics.sh --bootstrap-server kafka:9092 --describe', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --describe',
    'kafka-topics.sh --alter --topic logs --partitions 8', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --partitions 8',
    'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --replication-factor 3', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --config retention.ms=1',
    'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 0',
    'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic nope --partitions 8', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 4',
    'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 2', 'kafka-topics.sh --bootstrap-server nowhere:9092,elsewhere:9092 --alter --topic logs --partitions 8',
    'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partition 8', 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic',
    'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe', 'kafka-consumer-groups.sh --group g --reset-offsets --to-earliest --topic logs',
    'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --reset-offsets --to-earliest --topic logs', 'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group g --reset-offsets --to-earliest',
    'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group g --reset-offsets --topic logs', 'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group g --reset-offsets --to-datetime 2026-01-01T00:00:00.000 --topic logs',
    'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group g --reset-offsets --shift-by x --topic logs', 'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group g --reset-offsets --to-earliest --topic logs --execute --dry-run',
    'flink', 'flink list', `flink stop ${JOB}`, 'flink stop --savepointPath s3://flink/savepoints', 'flink stop --savepointPath s3://flink/savepoints abc',
    `flink stop --savepointPath s3://flink/savepoints ${JOB}`, `flink cancel -s s3://flink/savepoints ${JOB}`, 'flink cancel', `flink cancel ${JOB}`,
    'flink run', 'flink run -p 0 /opt/flink/usrlib/job.jar', 'flink run -s s3://flink/savepoints/none /opt/flink/usrlib/job.jar', 'flink run -m nowhere:8081 /opt/flink/usrlib/job.jar',
  ];

  it('says every refusal of its own in Korean', () => {
    const { spec } = specCase('examples/flink-rescale-savepoint.yaml');
    const { problems } = planOperations({ ...spec, operations: lines.map((run, i) => ({ at: 1000 * (i + 1), run })) });
    expect(problems.length).toBeGreaterThan(30);
    const english = problems.flatMap((p) => [...englishOf(p.message), ...(p.hint ? englishOf(p.hint) : [])]);
    expect([...new Set(english)]).toEqual([]);
  });
});

describe('a Korean page shows no English-only simulator text for any shipped run', () => {
  /** Results of the runs so far, for the check notes below. */
  const results: RunResult[] = [];
  /** Pipelines already run (an example and its real-file twin compile to the same one). */
  const ran = new Map<string, string>();

  it.each(CASES.map(([name, make]) => [name, make] as const))('%s', (_name, make) => {
    const c = make();
    const key = JSON.stringify([c.spec, c.seed]);
    if (ran.has(key)) return;
    ran.set(key, c.name);
    const handle = runSync(c.spec, { ...(c.seed !== undefined ? { seed: c.seed } : {}), metrics: false, trace: 'all' });
    results.push(handle.result);
    expect(sweep(c, handle)).toEqual([]);
  });

  it('the help pages', () => {
    const english = ['help', ...commandNames().map((c) => `help ${c}`)].flatMap((command) => englishLines(runLine({ handle: undefined }, command).text));
    expect([...new Set(english)]).toEqual([]);
  });

  it("the check engine's notes: each exercise's checks against its own and other runs", () => {
    expect(results.length).toBeGreaterThan(50);
    const english: string[] = [];
    exercises.forEach(({ ko: e }, i) => {
      for (const result of [results[i % results.length]!, results[(i * 7 + 3) % results.length]!, results[(i * 13 + 5) % results.length]!]) {
        for (const check of evaluateChecks(e, result)) if (!check.pass) english.push(...engineNotes(checkWhy(check)));
      }
    });
    expect([...new Set(english)]).toEqual([]);
  });
});
