/**
 * The editor's hover and completion docs in Korean: on a Korean page every description of every
 * schema the editor registers (pipeline.yaml, filebeat.yml, logstash.yml, world.yaml) is Korean,
 * keeps the English's setting names and values (the backticked spans), and the English schemas
 * are exactly what they were (AUTHORING.md and simulator/authoring/schemas are made from them).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { configSchemas, filebeatJsonSchema, logstashYmlJsonSchema, worldJsonSchema } from '../../../simulator/exercise/config-schemas.js';
import { pipelineJsonSchema } from '../../../simulator/spec/json-schema.js';
import { PIPELINE_DOCS_KO } from '../../../simulator/spec/json-schema-ko/index.js';
import { GENERAL, INPUT_SETTINGS, OUTPUTS } from '../../../simulator/config/filebeat/settings.js';
import { LOGSTASH_SETTINGS } from '../../../simulator/config/logstash/settings.js';
import { createSession } from '../../../workers/session.js';

const HANGUL = /[\uAC00-\uD7A3]/;

/** Every description (and markdownDescription) of a schema, with where it is. */
function descriptions(node: unknown, at = '#'): { at: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => descriptions(n, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    (k === 'description' || k === 'markdownDescription') && typeof v === 'string' ? [{ at: `${at}/${k}`, text: v }] : descriptions(v, `${at}/${k}`),
  );
}

const codeSpans = (text: string) => new Set(text.match(/`[^`]+`/g) ?? []);

const schemas = {
  'pipeline.yaml': pipelineJsonSchema,
  'filebeat.yml': filebeatJsonSchema,
  'logstash.yml': logstashYmlJsonSchema,
  'world.yaml': worldJsonSchema,
} as const;

describe('Korean editor docs', () => {
  for (const [file, build] of Object.entries(schemas)) {
    it(`${file}: every description is Korean`, () => {
      const all = descriptions(build('ko'));
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((d) => !HANGUL.test(d.text))).toEqual([]);
    });

    it(`${file}: the English schema is the default and has no Korean`, () => {
      expect(build('en')).toEqual(build());
      expect(descriptions(build('en')).filter((d) => HANGUL.test(d.text))).toEqual([]);
    });

    it(`${file}: Korean and English describe the same places`, () => {
      const en = descriptions(build('en')).map((d) => d.at);
      const ko = descriptions(build('ko')).map((d) => d.at);
      expect(ko).toEqual(en);
    });
  }

  it('the English pipeline schema is the committed one (npm run docs:authoring)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../../simulator/authoring/schemas/pipeline.schema.json', import.meta.url), 'utf8'));
    expect(pipelineJsonSchema('en')).toEqual(committed);
  });

  it('the English hover labels read as before', () => {
    const fb = filebeatJsonSchema('en') as { properties: Record<string, { description?: string; properties?: Record<string, { description: string }>; items?: { properties: Record<string, { description: string }> } }> };
    expect(fb.properties['output.logstash']!.properties!.timeout!.description).toBe('Wait this long for an ACK before the connection is closed and the batch resent. Default: `30s`.');
    expect(fb.properties.processors!.items!.properties.dissect!.description).toBe('The dissect processor (accepted; not simulated).');
    const ls = logstashYmlJsonSchema('en') as { properties: Record<string, { description: string }> };
    expect(ls.properties['queue.page_capacity']!.description).toBe('Size of one persisted-queue page file. Default: `64mb`. (accepted; not simulated)');
    expect(ls.properties['node.name']!.description).toBe('A name for this node (default: the host name). (accepted; not simulated)');
  });

  it('the Korean hover labels translate Default and (accepted; not simulated)', () => {
    const fb = filebeatJsonSchema('ko') as { properties: Record<string, { description?: string; properties?: Record<string, { description: string }>; items?: { properties: Record<string, { description: string }> } }> };
    expect(fb.properties['output.logstash']!.properties!.timeout!.description).toBe('ACK를 이만큼 기다린 뒤 연결을 닫고 배치를 다시 보냅니다. (기본값: `30s`)');
    expect(fb.properties.processors!.items!.properties.dissect!.description).toBe('`dissect` 프로세서 (허용됨, 시뮬레이션하지 않음)');
    const ls = logstashYmlJsonSchema('ko') as { properties: Record<string, { description: string }> };
    expect(ls.properties['queue.page_capacity']!.description).toBe('영속 큐 페이지 파일 하나의 크기 (기본값: `64mb`) (허용됨, 시뮬레이션하지 않음)');
  });

  it('every Korean twin keeps the setting names and values its English writes in backticks', () => {
    const pairs: [string, string][] = [
      ...[GENERAL, INPUT_SETTINGS.filestream, INPUT_SETTINGS.log, ...Object.values(OUTPUTS)].flatMap((t) => Object.values(t).map((d): [string, string] => [d.doc, d.ko])),
      ...Object.values(LOGSTASH_SETTINGS).map((d): [string, string] => [d.doc, d.ko]),
      ...Object.entries(PIPELINE_DOCS_KO),
    ];
    const lost = pairs.flatMap(([en, ko]) => [...codeSpans(en)].filter((c) => !ko.includes(c)).map((c) => `${c} in: ${ko}`));
    expect(lost).toEqual([]);
  });

  it('the Korean catalogue of the pipeline schema has no stale entries', () => {
    const used = new Set(descriptions(pipelineJsonSchema('en')).map((d) => d.text));
    expect(Object.keys(PIPELINE_DOCS_KO).filter((en) => !used.has(en))).toEqual([]);
  });

  it('configSchemas passes the language to every schema', () => {
    for (const c of configSchemas('ko')) expect(descriptions(c.schema).every((d) => HANGUL.test(d.text))).toBe(true);
    expect(configSchemas('en')).toEqual(configSchemas());
  });

  it('the worker hands the page the schemas in the language it asks for', async () => {
    const api = createSession({ yieldToHost: () => Promise.resolve(), wallClock: () => 0 });
    expect(descriptions(await api.schema('ko')).every((d) => HANGUL.test(d.text))).toBe(true);
    expect(await api.schema()).toEqual(pipelineJsonSchema('en'));
    const ko = await api.configSchemas('ko');
    expect(ko.map((c) => c.uri)).toEqual(configSchemas('en').map((c) => c.uri));
    expect(ko.flatMap((c) => descriptions(c.schema)).every((d) => HANGUL.test(d.text))).toBe(true);
    expect(await api.configSchemas()).toEqual(configSchemas('en'));
  });
});
