/**
 * The examples as real files: each folder under examples/workspaces/ that has no `.spec.yaml`
 * twin is the real-file form of `examples/<name>.yaml` (written by `npm run sim -- export`), and
 * runs to the same `--json` result. The one allowed difference: a spec-level warning points at the
 * real file that sets the value, not at pipeline.yaml.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../simulator/cli/run-cli.js';
import { checkConfigFile } from '../../../simulator/config/workspace/check-file.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';

const ROOT = join(import.meta.dirname, '../../../examples');
const WORKSPACES = join(ROOT, 'workspaces');
const twins = readdirSync(WORKSPACES).filter((n) => statSync(join(WORKSPACES, n)).isDirectory() && !existsSync(join(WORKSPACES, `${n}.spec.yaml`)));

function runJson(path: string): Record<string, unknown> {
  const io: CliIo & { out: string } = { out: '', stdout: (t: string) => void (io.out += t), stderr: () => undefined } as CliIo & { out: string };
  expect(runCli([path, '--json'], io)).toBe(0);
  const result = JSON.parse(io.out) as { warnings: { line?: number; column?: number }[] };
  for (const w of result.warnings) {
    delete w.line;
    delete w.column;
  }
  return result;
}

describe('every internal-spec example the real files can express has its real-file twin', () => {
  it('covers the examples of Beats, Logstash, Kafka and Flink', () => {
    expect(twins.length).toBeGreaterThanOrEqual(28);
  });

  for (const name of twins) {
    it(`${name}: the folder runs as examples/${name}.yaml does, and each file passes check`, () => {
      expect(runJson(join(WORKSPACES, name))).toEqual(runJson(join(ROOT, `${name}.yaml`)));
      for (const [path, text] of readWorkspaceFolder(join(WORKSPACES, name))) {
        const problems = checkConfigFile(path, text) ?? [];
        expect(problems.filter((p) => p.severity === 'error'), path).toEqual([]);
      }
      // batch-partitioned-lake simulates two hours, twice: on a busy machine that takes longer than the default 30 s.
    }, 120_000);
  }
});
