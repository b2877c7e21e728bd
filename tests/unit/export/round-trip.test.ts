/**
 * Export → import gives the same run: for every example and every exercise solution the writer
 * can express, the bundle, run as a folder, prints byte-identical `--json` to the original.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../simulator/cli/run-cli.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { exportBundle, importWorkspace, unzipFiles, zipFiles, type ExportSource } from '../../../simulator/export/index.js';
import { writeFileSync } from 'node:fs';

import { captureIo, runJson, writeFolder } from '../../support/cli-run.js';

const ROOT = join(import.meta.dirname, '../../..');




interface Case { name: string; source: ExportSource; original: string }

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(ROOT, 'examples', f);
    const parsed = parseSpec(readFileSync(path, 'utf8'), f);
    if (parsed.ok) out.push({ name: `examples/${f}`, source: { kind: 'spec', spec: parsed.spec }, original: path });
  }
  for (const d of readdirSync(join(ROOT, 'examples/workspaces'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const path = join(ROOT, 'examples/workspaces', d.name);
    out.push({ name: `examples/workspaces/${d.name}`, source: { kind: 'workspace', files: readWorkspaceFolder(path) }, original: path });
  }
  for (const lesson of readdirSync(join(ROOT, 'lessons')).sort()) {
    const dir = join(ROOT, 'lessons', lesson, 'exercises');
    if (!existsSync(dir)) continue;
    for (const ex of readdirSync(dir).sort()) {
      const base = join(dir, ex);
      if (existsSync(join(base, 'starter/world.yaml'))) {
        // A workspace exercise: the starter's files with the solution's over them.
        const files = new Map([...readWorkspaceFolder(join(base, 'starter')), ...readWorkspaceFolder(join(base, 'solution'))]);
        out.push({ name: `${lesson}/${ex}`, source: { kind: 'workspace', files }, original: writeFolder(files, 'export-') });
      } else if (existsSync(join(base, 'solution/pipeline.yaml'))) {
        const path = join(base, 'solution/pipeline.yaml');
        const parsed = parseSpec(readFileSync(path, 'utf8'), path);
        if (parsed.ok) out.push({ name: `${lesson}/${ex}`, source: { kind: 'spec', spec: parsed.spec }, original: path });
      }
    }
  }
  return out;
}

const all = cases();
const exported = all.map((c) => ({ ...c, bundle: exportBundle(c.source) }));

describe('export → import round trip', () => {
  it('exports every workspace and the internal specs the writer can express; refuses the rest with a reason in both languages', () => {
    const refused = exported.filter((c) => !c.bundle.ok);
    for (const c of refused) {
      if (c.bundle.ok) continue;
      expect(c.source.kind, `${c.name} is a workspace and must export`).toBe('spec');
      for (const r of c.bundle.refusals) {
        expect(r.en.length, c.name).toBeGreaterThan(10);
        expect(r.ko).toMatch(/[가-힣]/);
      }
    }
    // Not vacuous: the Beats/Logstash/Kafka/consumer pipelines and every workspace export.
    expect(exported.filter((c) => c.bundle.ok).length).toBeGreaterThanOrEqual(20);
  });

  for (const c of exported) {
    if (!c.bundle.ok) continue;
    const bundle = c.bundle.value;
    it(`${c.name}: the bundle runs to byte-identical --json`, { timeout: 60_000 }, () => {
      const imported = importWorkspace(bundle);
      expect(imported.worldAdded).toBe(false);
      expect(imported.outcome.ok, JSON.stringify(imported.outcome.ok ? [] : imported.outcome.errors[0])).toBe(true);
      const original = runJson(c.original);
      const back = runJson(writeFolder(bundle, 'export-'));
      // A spec-level warning (e.g. acks=0 with several requests in flight) points at its line in
      // pipeline.yaml; from real files it points at the file the node came from. Everything else,
      // the warning's path and message included, must be the same bytes.
      const unlocated = (s: string) => s.replace(/"line":\d+,"column":\d+,/g, '');
      if ((JSON.parse(original) as { warnings: unknown[] }).warnings.length === 0) expect(back).toBe(original);
      else expect(unlocated(back)).toBe(unlocated(original));
    });
  }
});

describe('determinism', () => {
  const c = exported.find((e) => e.bundle.ok && e.name.endsWith('kafka-at-least-once.yaml'))!;
  it('the same pipeline gives the same files and the same zip, byte for byte', () => {
    const again = exportBundle(c.source);
    expect(again.ok && c.bundle.ok).toBe(true);
    if (!again.ok || !c.bundle.ok) return;
    expect([...again.value]).toEqual([...c.bundle.value]);
    const zip = zipFiles(c.bundle.value, 'kafka-at-least-once-bundle');
    expect(Buffer.from(zipFiles(again.value, 'kafka-at-least-once-bundle')).equals(Buffer.from(zip))).toBe(true);
    expect([...unzipFiles(zip)]).toEqual([...c.bundle.value]);
  });

  it('the CLI writes the bundle to a folder', () => {
    const to = mkdtempSync(join(tmpdir(), 'export-cli-'));
    const io = captureIo();
    expect(runCli(['export', join(ROOT, 'examples/kafka-at-least-once.yaml'), '--to', to], io), io.err).toBe(0);
    expect(readFileSync(join(to, 'compose.yaml'), 'utf8')).toContain('apache/kafka:4.0.0');
    const refused = captureIo();
    const lake = join(mkdtempSync(join(tmpdir(), 'export-lake-')), 'lake.yaml');
    writeFileSync(lake, readFileSync(join(ROOT, 'examples/lambda.yaml'), 'utf8').replace(/node: s3\b/g, 'node: lake').replace('  s3: { type: s3 }', '  lake: { type: s3 }'));
    expect(runCli(['export', lake, '--to', to], refused)).toBe(1);
    expect(refused.err).toContain('always called `s3`');
  });
});

describe('import', () => {
  it('real files without world.yaml get a default world and run', () => {
    const files = readWorkspaceFolder(join(ROOT, 'examples/workspaces/beats-logstash-es'));
    files.delete('world.yaml');
    const imported = importWorkspace(files);
    expect(imported.worldAdded).toBe(true);
    expect(imported.files.get('world.yaml')).toContain('/var/log/apache2/access.log');
    expect(imported.outcome.ok, JSON.stringify(imported.outcome.ok ? '' : imported.outcome.errors)).toBe(true);
  });

  it('a broken file is reported with file:line:col, as the editor does', () => {
    const files = readWorkspaceFolder(join(ROOT, 'examples/workspaces/beats-logstash-es'));
    files.set('logstash/pipeline/main.conf', 'input { beats { port => 5044 } }\noutput { elasticsearch { hosts => ["http://nowhere:9200"] } }\n');
    const imported = importWorkspace(files);
    expect(imported.outcome.ok).toBe(false);
    if (imported.outcome.ok) return;
    expect(imported.outcome.errors[0]).toMatchObject({ file: 'logstash/pipeline/main.conf', line: 2 });
  });
});
