/** The bundle README names only the comparisons a pipeline has: no Kafka offsets without a Kafka. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { exportBundle } from '../../../simulator/export/index.js';

const ROOT = join(import.meta.dirname, '../../..');

function readme(example: string, name: string): string {
  const parsed = parseSpec(readFileSync(join(ROOT, 'examples', example), 'utf8'), example);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const bundle = exportBundle({ kind: 'spec', spec: parsed.spec });
  if (!bundle.ok) throw new Error(bundle.refusals.map((r) => r.en).join('\n'));
  return bundle.value.get(name) ?? '';
}

describe('the bundle README', () => {
  it.each([
    ['README.md', 'Kafka log-end offsets'],
    ['README.ko.md', 'Kafka 로그 끝 오프셋'],
  ])('%s compares Kafka offsets only when the pipeline has a Kafka', (name, line) => {
    expect(readme('lab-beats-logstash-es.yaml', name)).not.toContain(line);
    expect(readme('kafka-at-least-once.yaml', name)).toContain(line);
  });
});
