/**
 * Every refusal of the run-size limits (simulator/spec/limits.ts) and its hint read in Korean on a
 * Korean page: the careless specs of issue #18, and one spec beyond each other limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { simCatalogue, simText } from '../../../site/i18n/sim/index.js';
import { ALLOWED, CARELESS } from '../spec/careless-specs.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** The ordinary pipeline with one setting pushed past its limit. */
const beyond: Record<string, string> = {
  'log files': ALLOWED.replace('  rate: 200/s', '  rate: 200/s\n  files: 100000'),
  'max-events': ALLOWED.replace('# no extra setting', 'max-events: 900000000000'),
  'pipeline workers': ALLOWED.replace('    type: logstash\n', '    type: logstash\n    pipeline.workers: 100000\n'),
  'sliding windows': ALLOWED.replace('duration: 60s', 'duration: 1000s')
    .replace('  rate: 200/s', '  rate: 1900/s')
    .replace('    source: { node: kafka, topic: logs }\n', '    source: { node: kafka, topic: logs }\n    job: { window: { type: sliding, size: 1h, slide: 1s }, aggregate: count }\n'),
  'consumer instances': ALLOWED.replace(
    '  es: { type: elasticsearch }\n',
    '  es: { type: elasticsearch }\n  app:\n    type: consumer\n    source: { node: kafka, topic: logs, group.id: app }\n    instances: 100000\n    output: { elasticsearch: { node: es, index: app } }\n',
  ),
  'member-partitions': ALLOWED.replace('        partitions: 3\n', '        partitions: 900\n').replace(
    '  es: { type: elasticsearch }\n',
    '  es: { type: elasticsearch }\n  app:\n    type: consumer\n    source: { node: kafka, topic: logs, group.id: app }\n    instances: 200\n    output: { elasticsearch: { node: es, index: app } }\n',
  ),
};

/** A batch layer scheduled every second over 2 h 30 m: 9,000 runs are allowed, every 100 ms is not. */
const lake = readFileSync(join(import.meta.dirname, '../../../examples/batch-partitioned-lake.yaml'), 'utf8');
beyond['batch runs'] = lake.replace('interval: 1h', 'interval: 100ms');

const cases = [...CARELESS.map((c) => [c.name, c.text] as const), ...Object.entries(beyond)];

describe('limit refusals on a Korean page', () => {
  it('refuses a batch node scheduled too often, at its schedule', () => {
    expect(parseSpec(lake.replace('interval: 1h', 'interval: 1s'), 'p.yaml').ok).toBe(true);
    const r = parseSpec(beyond['batch runs']!, 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 24, message: expect.stringMatching(/90,000 runs .*the limit is 10,000 runs per batch node/) });
  });

  it.each(cases)('%s: refused, and message and hint translate', (_name, text) => {
    const r = parseSpec(text, 'pipeline.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The limit itself, not a schema problem of the test's own spec.
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/limit/);
    for (const e of r.errors) {
      for (const part of [e.message, e.hint ?? '']) {
        if (!part) continue;
        expect(simCatalogue.untranslated(part), part).toEqual([]);
        expect(simText(part, 'ko')).toMatch(HANGUL);
      }
    }
  });
});
