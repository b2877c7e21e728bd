/**
 * A Lab sweep whose runs together go beyond the sweep limits is refused before its first run, in the
 * CLI and in the Lab worker's session; a sweep point the spec limits refuse stops it the same way.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepSync, SweepError } from '../../../simulator/lab/sweep.js';
import { findCounterexample } from '../../../simulator/lab/counterexample.js';
import { runCli } from '../../../simulator/cli/run-cli.js';
import { createLabSession } from '../../../workers/lab-session.js';
import { checkSearch, checkSweep, LIMITS } from '../../../simulator/spec/limits.js';
import { simCatalogue } from '../../../simulator/i18n/messages/index.js';
import { beatsLogstashEs } from '../../support/specs.js';

/** 1,000,000 records per run (10,000/s for 100 s). */
const big = beatsLogstashEs().replace(/rate: [^,}\n]+/, 'rate: 10000/s').replace(/duration: \S+/, 'duration: 100s');

const lab = () => createLabSession({ yieldToHost: () => new Promise((r) => setTimeout(r, 0)), wallClock: () => performance.now() });

describe('sweep limits', () => {
  it('the test spec makes 1,000,000-record runs', () => {
    expect(big).toMatch(/rate: 10000\/s/);
    expect(big).toMatch(/duration: 100s/);
  });

  it('refuses a sweep whose runs together generate more than the limit, before running any', () => {
    const started = performance.now();
    const req = { spec: big, param: '/nodes/logstash/queue.type', values: ['memory', 'persisted'], seeds: [1, 2, 3, 4, 5, 6] };
    expect(() => sweepSync(req)).toThrow(SweepError);
    expect(() => sweepSync(req)).toThrow(`this sweep's 12 runs would generate 12,000,000 records together; the limit is ${LIMITS.sweepRecords.toLocaleString('en-US')} records per sweep`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a sweep of more runs than the limit', () => {
    const req = { spec: beatsLogstashEs(), param: '/faults', values: Array.from({ length: 101 }, (_, i) => i), seeds: Array.from({ length: 10 }, (_, i) => i) };
    expect(() => sweepSync(req)).toThrow('this sweep would make 1,010 runs (values × seeds); the limit is 1,000 runs per sweep');
  });

  it('refuses a sweep with a value the spec limits refuse, naming the point and the setting', () => {
    const req = { spec: beatsLogstashEs(), param: '/workload/rate', values: ['10/s', 1e12], seeds: [1] };
    expect(() => sweepSync(req)).toThrow(/^\/workload\/rate=1000000000000:\d+:\d+: this run would generate [\d,]+ records/);
  });

  it('the CLI exits 1 with the message, and the Lab worker replies with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeline-lab-sweep-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, big);
    let stderr = '';
    const code = runCli(['sweep', file, '--param', '/nodes/logstash/queue.type', '--values', 'memory,persisted', '--seeds', '6'], { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sim sweep: this sweep's 12 runs would generate 12,000,000 records together/);
    const reply = await lab().sweep({ spec: big, param: '/nodes/logstash/queue.type', values: ['memory', 'persisted'], seeds: [1, 2, 3, 4, 5, 6] });
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/^this sweep's 12 runs would generate 12,000,000 records together/) });
  });

  it('refuses a counterexample search whose budget could run more than an experiment may', () => {
    expect(() => findCounterexample({ spec: big, claim: 'outputs.es.lost == 0', budget: 40 })).toThrow(
      'a budget of 40 runs may make 81 runs of 1,000,000 records each (searching, shrinking and a confirming run); the limit is 1,000 runs and 10,000,000 records per experiment. Lower the budget to 4 or less',
    );
    expect(() => findCounterexample({ spec: beatsLogstashEs(), claim: 'outputs.es.lost == 0', budget: 500 })).toThrow(/may make 1,001 runs .* Lower the budget to 499 or less/);
  });

  it('says to make the runs smaller when even a budget of 1 makes too many records, and says it in Korean too', () => {
    const message = checkSearch(1, 4_000_000)!;
    expect(message).toBe(
      "a budget of 1 runs may make 3 runs of 4,000,000 records each (searching, shrinking and a confirming run); the limit is 1,000 runs and 10,000,000 records per experiment. Even a budget of 1 makes 3 runs: lower the spec's rate or duration to at most 3,333,333 records per run.",
    );
    for (const text of [message, checkSearch(40, 1_000_000)!, checkSweep(2000, [])!, checkSweep(100, Array.from({ length: 100 }, () => 200_000))!]) {
      expect(simCatalogue.match(text), text).toBeDefined();
      expect(simCatalogue.translate(text)).toMatch(/[가-힣]/);
    }
  });
});
