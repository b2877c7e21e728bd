/**
 * The generated part of AUTHORING.md (between the markers) and the editor JSON Schemas,
 * all derived from the Zod schemas and the check-path description. `npm run docs:authoring`
 * writes them; a unit test fails when the committed files are stale.
 */
import { nodeSchema, pipelineSchema } from '../spec/schema/pipeline.js';
import { pipelineJsonSchema } from '../spec/json-schema.js';
import { exerciseJsonSchema, exerciseSchema } from '../exercise/schema.js';
import { exerciseTextJsonSchema, exerciseTextSchema } from '../exercise/localize.js';
import { lessonFrontmatterSchema } from '../exercise/lesson-frontmatter.js';
import { listCheckPaths } from '../exercise/check-paths.js';
import { describedAs, keyDocs, keyTable, typeLiteralOf, unionOptions } from './schema-docs.js';
import { SCHEMA_DIR } from './scaffold.js';
import { EXTRA_SEEDS } from './check-exercise.js';

export const BEGIN = '<!-- BEGIN GENERATED: npm run docs:authoring (do not edit by hand) -->';
export const END = '<!-- END GENERATED -->';

function checkPathTable(): string {
  const rows = listCheckPaths().map((p) => `| \`${p.path}\` | ${p.unit} | ${p.doc.replace(/\|/g, '\\|')} |`);
  return ['| path | unit | what it is |', '| --- | --- | --- |', ...rows].join('\n');
}

export function generatedSection(): string {
  const nodeTables = unionOptions(nodeSchema).map((variant) => {
    const type = typeLiteralOf(variant) ?? '?';
    return `#### \`type: ${type}\`\n\n${describedAs(variant)}\n\n${keyTable(keyDocs(variant, `nodes.<id>.`).filter((r) => r.key !== 'nodes.<id>.type'))}`;
  });
  return [
    BEGIN,
    '',
    '### `exercise.yaml` keys',
    '',
    keyTable(keyDocs(exerciseSchema)),
    '',
    '### `exercise.ko.yaml` keys (the Korean text of an exercise)',
    '',
    keyTable(keyDocs(exerciseTextSchema)),
    '',
    '### Lesson frontmatter keys (`index.mdx`)',
    '',
    keyTable(keyDocs(lessonFrontmatterSchema)),
    '',
    '### Check paths',
    '',
    'A check reads these values of the run result. `<output>`, `<answer>`, `<architecture>` and `<node-or-link>` are ids from your',
    'pipeline; write an id that is not a plain name in brackets and quotes: `query.error["es/counts"].max`,',
    '`outputs.es.lostAt["filebeat->logstash"]`. Units: `count` (records), `ms` (compare with `5s`, `250ms`), `ratio` (compare with `0.01` or `1%`), `bytes` (compare with `64KB`, `2MB`).',
    '',
    'How output ids are named: an Elasticsearch node `es` is the output `es`, and when two or more indices are written into it',
    'each index is also an output `es/<index>` (`outputs["es/counts"]`); an S3 node `lake` is the output `lake`; a Kafka node',
    '`kafka` gives one output per topic no job reads, `kafka/<topic>`. Answers (`query.error`) are named `<es-node>/<index>`',
    'after the index a windowed job writes. Architectures are named after their `type: serving` node.',
    '',
    `Seeds: \`lessons:check\` runs the solution with the exercise's \`seed\` and with the next ${EXTRA_SEEDS} (seed + 1 … seed + ${EXTRA_SEEDS}), and the starter`,
    "with the exercise's seed; learners always run with the exercise's seed.",
    '',
    checkPathTable(),
    '',
    '### Pipeline spec keys (`pipeline.yaml`)',
    '',
    keyTable(keyDocs(pipelineSchema, '', ['nodes'])),
    '',
    ...nodeTables.flatMap((t) => [t, '']),
    END,
  ].join('\n');
}

/** AUTHORING.md with its generated section replaced (or an error if the markers are missing). */
export function withGeneratedSection(markdown: string): string | { error: string } {
  const begin = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (begin < 0 || end < begin) return { error: `AUTHORING.md needs the markers\n${BEGIN}\n${END}` };
  return markdown.slice(0, begin) + generatedSection() + markdown.slice(end + END.length);
}

/** Editor JSON Schemas and the check-path list, path → text. */
export function schemaFiles(): Record<string, string> {
  return {
    [`${SCHEMA_DIR}/exercise.schema.json`]: `${JSON.stringify(exerciseJsonSchema(), null, 2)}\n`,
    [`${SCHEMA_DIR}/exercise-text.schema.json`]: `${JSON.stringify(exerciseTextJsonSchema(), null, 2)}\n`,
    [`${SCHEMA_DIR}/pipeline.schema.json`]: `${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`,
    // Machine-readable check paths, for tools (and the editor's completion of checks, should it want them).
    [`${SCHEMA_DIR}/check-paths.json`]: `${JSON.stringify(listCheckPaths(), null, 2)}\n`,
  };
}
