export { parseSpec, validateData, type ParseOutcome } from './parse.js';
export { formatIssue, type SpecIssue } from './issues.js';
export { pipelineJsonSchema } from './json-schema.js';
export { parseDuration, parseRate, formatDuration } from './units.js';
export type * from './schema/pipeline.js';
