/** A workspace that does not compile is not exported: the refusal points at the file, in both languages. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { exportBundle } from '../../../simulator/export/index.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('a workspace with an error is refused in both languages', () => {
  it('names the file and line, and the Korean refusal carries the Korean problem', () => {
    const files = new Map(readWorkspaceFolder(join(ROOT, 'examples/workspaces/kafka-at-least-once')));
    files.set('logstash/logstash.yml', 'queue.type: "persisted"\nqueue.typo: 1\n');
    const bundle = exportBundle({ kind: 'workspace', files });
    if (bundle.ok) throw new Error('a workspace with an error was exported');
    const [r] = bundle.refusals;
    expect(r!.en).toMatch(/^fix the files first: logstash\/logstash\.yml:2:\d+: /);
    expect(r!.ko).toMatch(/^먼저 파일을 고치세요: logstash\/logstash\.yml:2:\d+: /);
    const problem = r!.ko.replace(/^먼저 파일을 고치세요: [^ ]+ /, '');
    expect(problem).toMatch(/[\uac00-\ud7a3]/);
  });
});
