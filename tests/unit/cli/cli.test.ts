import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../simulator/cli/run-cli.js';
import { beatsLogstashEs } from '../../support/specs.js';

const root = new URL('../../../', import.meta.url).pathname;

/** The CLI in-process, with its output captured. */
function sim(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The real entry point, as `npm run sim` starts it. */
function spawnSim(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli/main.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'pipeline-lab-cli-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, beatsLogstashEs({ faults: '  - { link: filebeat->logstash, loss: 0.2, from: 0s, to: 5s }' }));
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, beatsLogstashEs().replace('timeout: 5s', 'timout: 5s'));

describe('npm run sim', () => {
  it('gives byte-identical --json output for the same spec and seed, and a different one for another seed', () => {
    const a = sim([good, '--seed', '7', '--json']);
    const b = sim([good, '--seed', '7', '--json']);
    const c = sim([good, '--seed', '8', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.seed).toBe(7);
    expect(result.outputs.es.generated).toBe(1000);
    expect(result).not.toHaveProperty('wallMs');
  });

  it('prints a readable ledger table by default', () => {
    const r = sim([good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/output\s+generated\s+exactlyOnce\s+duplicated\s+lost/);
    expect(r.stdout).toMatch(/^es\s+1000/m);
  });

  it('exits 1 with file:line:col and a hint for an invalid spec, without a stack trace', () => {
    const r = sim([bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:9:5: unknown key \`timout\` (did you mean \`timeout\`?)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors', () => {
    expect(sim([]).code).toBe(2);
    expect(sim([good, '--seed', 'x']).code).toBe(2);
    expect(sim([join(dir, 'missing.yaml')]).code).toBe(2);
    expect(sim([good, '--frobnicate']).code).toBe(2);
    expect(sim([good, '--trace', 'nope.log:1']).code).toBe(2);
  });

  it('traces a record hop by hop', () => {
    const r = sim([good, '--trace', 'access-0.log:3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('trace access-0.log:3');
    expect(r.stdout).toMatch(/→ es: /);
  });

  it('runs as a real process with the same bytes and exit codes', async () => {
    const [json, invalid] = await Promise.all([spawnSim([good, '--seed', '7', '--json']), spawnSim([bad])]);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(sim([good, '--seed', '7', '--json']).stdout);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('did you mean `timeout`?');
  });
});
