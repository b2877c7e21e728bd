/**
 * Experiment results as CSV and JSON, and back. One CSV row per (value, seed) point, one
 * column per metric, so a spreadsheet or pandas reads it as is.
 */
import type { SweepResult, SweepPoint } from './sweep.js';

function csvCell(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sweepToCsv(result: SweepResult): string {
  const metrics = [...new Set(result.points.flatMap((p) => Object.keys(p.metrics)))].sort();
  const header = ['param', 'value', 'seed', ...metrics];
  const rows = result.points.map((p) => [result.param, p.value, p.seed, ...metrics.map((m) => p.metrics[m] ?? '')]);
  return [header, ...rows].map((r) => r.map((c) => csvCell(c as string | number | boolean)).join(',')).join('\n') + '\n';
}

/** Splits one CSV line, honouring quotes. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

function typed(s: string): number | string | boolean {
  if (s === 'true') return true;
  if (s === 'false') return false;
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
}

export function sweepFromCsv(csv: string): SweepResult {
  const lines = csv.split('\n').filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  const metrics = header.slice(3);
  const points: SweepPoint[] = [];
  let param = '';
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    param = cells[0] ?? param;
    const m: Record<string, number> = {};
    metrics.forEach((name, i) => {
      const v = cells[i + 3];
      if (v !== undefined && v !== '') m[name] = Number(v);
    });
    points.push({ value: typed(cells[1] ?? ''), seed: Number(cells[2]), metrics: m });
  }
  const values = [...new Map(points.map((p) => [String(p.value), p.value])).values()];
  const seeds = [...new Set(points.map((p) => p.seed))];
  return { param, values, seeds, points };
}

/** One line, as every `--json` of the CLI prints it: the Lab's sweep.json and `sim sweep --json` are the same bytes. */
export function sweepToJson(result: SweepResult): string {
  return `${JSON.stringify(result)}\n`;
}

export function sweepFromJson(json: string): SweepResult {
  const data = JSON.parse(json) as SweepResult;
  if (typeof data.param !== 'string' || !Array.isArray(data.points)) throw new Error('not a sweep result');
  return data;
}
