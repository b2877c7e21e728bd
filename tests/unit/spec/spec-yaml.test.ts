/**
 * A compiled spec written out as pipeline.yaml text (the Lab's import, a grading run opened in the
 * Lab) reads back as the same spec: every exercise workspace, starter and solution.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import '../../../simulator/config/flink/sql-runtime-node.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { specYaml } from '../../../simulator/spec/spec-yaml.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/compile.js';

const ROOT = join(import.meta.dirname, '../../..');
const folders = readdirSync(join(ROOT, 'lessons'))
  .filter((l) => existsSync(join(ROOT, 'lessons', l, 'exercises')))
  .flatMap((l) => readdirSync(join(ROOT, 'lessons', l, 'exercises')).map((e) => join('lessons', l, 'exercises', e)))
  .filter((dir) => !existsSync(join(ROOT, dir, 'starter', 'pipeline.yaml')));

describe('a compiled spec as pipeline.yaml text', () => {
  it.each(folders)('%s: the starter reads back as the same spec', (dir) => {
    const compiled = compileWorkspace(readWorkspaceFolder(join(ROOT, dir, 'starter')));
    if (!compiled.ok) return; // a starter that does not compile on purpose has no spec to write
    const back = parseSpec(specYaml(compiled.spec), 'pipeline.yaml');
    if (!back.ok) throw new Error(back.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
    expect(back.spec).toEqual(compiled.spec);
  });
});
