/**
 * Issue #18's careless specs through the two ways a learner runs one: the CLI (`npm run sim`, driven
 * in-process through its run API) and the browser worker's session (workers/session.ts). Each ends
 * at once with the located error, and nothing runs; a spec that loops ends on its budget instead.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../simulator/cli/run-cli.js';
import { createSession } from '../../../workers/session.js';
import { CARELESS, BUDGETED } from '../spec/careless-specs.js';

const dir = mkdtempSync(join(tmpdir(), 'pipeline-lab-limits-'));

function sim(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const session = () => createSession({ yieldToHost: () => new Promise((r) => setTimeout(r, 0)), wallClock: () => performance.now() });

describe('careless specs in the CLI', () => {
  for (const [i, c] of CARELESS.entries()) {
    it(`${c.name}: exit 1 with file:line:col, the limit and what to change`, () => {
      const file = join(dir, `careless-${i}.yaml`);
      writeFileSync(file, c.text);
      const started = performance.now();
      const r = sim([file, '--json']);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const line = r.stderr.split('\n').find((l) => !l.includes('warning:'))!;
      expect(line.startsWith(`${file}:${c.line}:${c.column}: `)).toBe(true);
      expect(line).toMatch(c.message);
      expect(line).toMatch(c.hint);
    });
  }

  it('a run that spends its event budget ends as budget, says why, and accounts the rest as in flight', () => {
    const file = join(dir, 'budgeted.yaml');
    writeFileSync(file, BUDGETED);
    const text = sim([file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ · 2000 events · ended: budget\nThe run stopped after 2,000 events, its budget \(max-events 2,000\)/);
    const json = JSON.parse(sim([file, '--json']).stdout);
    expect(json.ended).toBe('budget');
    expect(json.events).toBe(2000);
    expect(json.budget).toEqual({ kind: 'events', used: 2000, limit: 2000 });
    const es = json.outputs.es;
    expect(es.inFlight).toBeGreaterThan(0);
    expect(es.exactlyOnce + es.duplicated + es.lost + es.filtered + es.late + es.inFlight).toBe(es.generated);
  });
});

describe('careless specs in the worker session', () => {
  for (const c of CARELESS) {
    it(`${c.name}: the run is refused with the located error, and validate marks it in the editor`, async () => {
      const s = session();
      const reply = await s.run({ files: { 'pipeline.yaml': c.text }, seed: 1 });
      expect(reply.kind).toBe('invalid');
      if (reply.kind !== 'invalid') return;
      expect(reply.errors).toHaveLength(1);
      expect(reply.errors[0]).toMatchObject({ line: c.line, column: c.column, path: c.path });
      expect(reply.errors[0]!.message).toMatch(c.message);
      const marked = await s.validate(c.text, 'pipeline.yaml');
      expect(marked.errors.map((e) => [e.line, e.column])).toEqual([[c.line, c.column]]);
    });
  }

  it('a run that spends its event budget is done, ended: budget, with the budget that stopped it, and never passes', async () => {
    const reply = await session().run({ files: { 'pipeline.yaml': BUDGETED }, seed: 1 });
    expect(reply.kind).toBe('done');
    if (reply.kind !== 'done') return;
    expect(reply.result.ended).toBe('budget');
    expect(reply.result.budget).toEqual({ kind: 'events', used: 2000, limit: 2000 });
    expect(reply.passed).toBe(false);
    expect(reply.result.log.some((l) => l.source === 'simulator' && l.text.startsWith('The run stopped after 2,000 events'))).toBe(true);
  });
});
