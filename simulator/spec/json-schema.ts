/** The pipeline schema as JSON Schema, for Monaco/yaml-language-server completion and hover text. */
import { z } from 'zod';
import { pipelineSchema } from './schema/pipeline.js';
import { PIPELINE_DOCS_KO } from './json-schema-ko/index.js';

/** The languages the editor's hover and completion docs come in (the site's page languages). */
export type DocLang = 'en' | 'ko';

/**
 * `lang: 'ko'` swaps each English description for its Korean twin (json-schema-ko/, keyed by the
 * English text so that a reworded English doc shows up as a missing translation in the tests
 * instead of a stale one); 'en' is the Zod schema's own text, unchanged.
 */
export function pipelineJsonSchema(lang: DocLang = 'en'): Record<string, unknown> {
  const schema = z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return lang === 'ko' ? (translateDescriptions(schema, PIPELINE_DOCS_KO) as Record<string, unknown>) : schema;
}

/** A copy of a JSON Schema with every `description` looked up in `docs` (kept when it has no entry). */
export function translateDescriptions(node: unknown, docs: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(node)) return node.map((n) => translateDescriptions(n, docs));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, (k === 'description' || k === 'markdownDescription') && typeof v === 'string' ? (docs[v] ?? v) : translateDescriptions(v, docs)]),
  );
}
