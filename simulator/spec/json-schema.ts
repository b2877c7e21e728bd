/** The pipeline schema as JSON Schema, for Monaco/yaml-language-server completion and hover text. */
import { z } from 'zod';
import { pipelineSchema } from './schema/pipeline.js';

export function pipelineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
}
