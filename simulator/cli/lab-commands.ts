/**
 * `npm run sim -- sweep|counterfactual|counterexample …`: the lab's experiments, headless,
 * with the same numbers as the browser (they call the same functions).
 */
import { readFileSync } from 'node:fs';
import { parseValues, scalarFromText, sweepSync, summarize, SweepError } from '../lab/sweep.js';
import { sweepToCsv, sweepToJson } from '../lab/export.js';
import { counterfactual } from '../lab/counterfactual.js';
import { findCounterexample } from '../lab/counterexample.js';
import type { CliIo } from './run-cli.js';

export const LAB_USAGE = `       npm run sim -- sweep <pipeline.yaml> --param /faults/0/loss --values 0,0.05,0.1 [--seeds 3] [--metric es.lost] [--csv|--json]
       npm run sim -- counterfactual <pipeline.yaml> --param <pointer> --value <v> [--seed N] [--json]
       npm run sim -- counterexample <pipeline.yaml> --claim "outputs.es.lost == 0" [--budget 40] [--json]

  --param is a JSON Pointer into the spec (/nodes/flink/execution.checkpointing.interval); --values takes a
  list (0,0.1,0.2 or 1s,5s) or a range (0..0.3 step 0.1); --seeds N runs seeds 1…N at every value.`;

function options(argv: readonly string[]): { file: string; opts: Map<string, string>; flags: Set<string> } | string {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--csv' || a === '--json') flags.add(a.slice(2));
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      opts.set(a.slice(2), v);
    } else positional.push(a);
  }
  if (positional.length !== 1) return 'name one pipeline file';
  return { file: positional[0]!, opts, flags };
}

/** Returns an exit code. */
export function runLabCommand(command: string, argv: readonly string[], io: CliIo): number {
  const parsed = options(argv);
  if (typeof parsed === 'string') {
    io.stderr(`sim ${command}: ${parsed}\n${LAB_USAGE}\n`);
    return 2;
  }
  const { file, opts, flags } = parsed;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    io.stderr(`sim ${command}: cannot read ${file}\n`);
    return 2;
  }
  try {
    if (command === 'sweep') {
      const param = opts.get('param');
      const valuesText = opts.get('values');
      if (!param || !valuesText) throw new UsageError('sweep needs --param and --values');
      const values = parseValues(valuesText);
      if (typeof values === 'string') throw new UsageError(values);
      const seedCount = Number(opts.get('seeds') ?? 1);
      if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > 100) throw new UsageError('--seeds takes a whole number from 1 to 100');
      const result = sweepSync({ spec: text, param, values, seeds: Array.from({ length: seedCount }, (_, i) => i + 1) });
      // The same bytes as the Lab's sweep.json download.
      if (flags.has('json')) io.stdout(sweepToJson(result));
      else if (flags.has('csv')) io.stdout(sweepToCsv(result));
      else {
        const metrics = opts.get('metric')?.split(',') ?? Object.keys(result.points[0]?.metrics ?? {}).filter((m) => !m.startsWith('link.') && /\.(lost|duplicated)$|error\.final$/.test(m));
        io.stdout(`sweep ${param} over ${values.length} values × ${seedCount} seed(s)\n`);
        for (const metric of metrics) {
          io.stdout(`\n${metric} (mean [min … max] across seeds)\n`);
          for (const row of summarize(result, metric)) io.stdout(`  ${String(row.value).padStart(10)}  ${row.mean.toFixed(2)} [${row.min} … ${row.max}]\n`);
        }
      }
      return 0;
    }
    if (command === 'counterfactual') {
      const param = opts.get('param');
      const value = opts.get('value');
      if (!param || value === undefined) throw new UsageError('counterfactual needs --param and --value');
      const cf = counterfactual(text, param, scalarFromText(value), Number(opts.get('seed') ?? 1));
      if (flags.has('json')) io.stdout(`${JSON.stringify(cf)}\n`);
      else {
        io.stdout(`${param}: ${JSON.stringify(cf.before.value)} → ${JSON.stringify(cf.after.value)} (same seed, same faults)\n\n`);
        for (const [metric, d] of Object.entries(cf.delta)) io.stdout(`  ${metric.padEnd(36)} ${d > 0 ? '+' : ''}${d}\n`);
        io.stdout(`\n${cf.changedRecords} record fate(s) changed\n`);
        for (const [output, moves] of Object.entries(cf.transitions)) for (const [move, n] of Object.entries(moves)) io.stdout(`  ${output}: ${move} ${n}\n`);
        for (const c of cf.changes.slice(0, 10)) io.stdout(`  e.g. ${c.record} in ${c.output}: ${c.before.kind}${c.before.where ? ` at ${c.before.where}` : ''} → ${c.after.kind}${c.after.where ? ` at ${c.after.where}` : ''}\n`);
      }
      return 0;
    }
    if (command === 'counterexample') {
      const claim = opts.get('claim');
      if (!claim) throw new UsageError('counterexample needs --claim, e.g. --claim "outputs.es.lost == 0"');
      const budget = Number(opts.get('budget') ?? 40);
      const ce = findCounterexample({ spec: text, claim, budget });
      if (flags.has('json')) io.stdout(`${JSON.stringify(ce)}\n`);
      else if (!ce.found) io.stdout(`no counterexample to "${claim}" in ${ce.runs} runs\n`);
      else {
        io.stdout(`"${claim}" breaks with seed ${ce.seed} (${ce.runs} runs, shrunk from ${ce.unshrunk?.length} to ${ce.faults?.length} fault(s)):\n`);
        for (const f of ce.faults ?? []) io.stdout(`  - ${JSON.stringify(f)}\n`);
        io.stdout(`${ce.check?.explanation}\n\nreplay it: save the spec below and run npm run sim -- <file> --seed ${ce.seed}\n\n${ce.spec}`);
      }
      return 0;
    }
    io.stderr(`sim: unknown command ${command}\n`);
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sim ${command}: ${error.message}\n${LAB_USAGE}\n`);
      return 2;
    }
    if (error instanceof SweepError || error instanceof Error) {
      io.stderr(`sim ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}
