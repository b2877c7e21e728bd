/**
 * The files `npm run new:exercise` writes. Starter and solution start identical, so
 * lessons:check flags the new exercise until the author makes them differ in outcome.
 */
export const SCHEMA_DIR = 'simulator/authoring/schemas';

/** `../` from a file at `path` (relative to the repository root) back to the root. */
export function toRoot(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

export function schemaComment(path: string, schema: 'exercise' | 'pipeline'): string {
  return `# yaml-language-server: $schema=${toRoot(path)}${SCHEMA_DIR}/${schema}.schema.json\n`;
}

export function scaffoldExercise(lessonDir: string, slug: string): Record<string, string> {
  const dir = `lessons/${lessonDir}/exercises/${slug}`;
  const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const exercise = `${schemaComment(`${dir}/exercise.yaml`, 'exercise')}title: ${title}
goal: >
  Logstash crashes half-way through the run and keeps its queue in memory. Change the
  pipeline so that every log line still reaches Elasticsearch exactly once.
seed: 1
editable: [pipeline.yaml]
faults: locked            # the learner cannot remove the crash
checks:
  - check: outputs.es.lost == 0
    name: Nothing is lost
    explain: Lines still in Logstash's in-memory queue when it crashes are gone.
    hint: Where does Logstash keep events between input and output?
  - check: outputs.es.duplicated == 0
    guard: true               # the starter passes it: it catches a fix that replays without a stable id
    name: Nothing is indexed twice
    explain: Filebeat resends batches it got no acknowledgement for; a resent batch must not be indexed twice.
hints:
  - Read the ledger of the \`es\` output — where were lines lost, where duplicated?
  - Logstash can keep its queue on disk — but only what it has checkpointed survives a crash, and a replay resends.
  - "Set \`queue.type: persisted\` and \`queue.checkpoint.writes: 1\` on logstash, and index each event under its id: \`processors: [add_id]\` on filebeat, \`document_id: \\"%{[@metadata][_id]}\\"\` on the output."
`;
  // No schema modeline in the pipelines: learners see these files from line 1. Editors find their schema
  // through .vscode/settings.json (`yaml.schemas`), which maps starter/ and solution/ pipelines to it.
  const pipeline = `# Filebeat → Logstash → Elasticsearch; Logstash is slower than the traffic, so its queue holds events when it crashes.
name: ${slug}
duration: 10s
workload:
  rate: 50/s
nodes:
  filebeat:
    type: beats
    output: logstash
    bulk_max_size: 50          # small batches: each is acknowledged as soon as it is in Logstash's queue
  logstash:
    type: logstash
    queue.type: memory         # the solution makes this durable
    pipeline.workers: 1
    processing-time: 25ms      # a busy Logstash: its queue fills up
    output:
      elasticsearch: { node: es, index: logs }
  es: { type: elasticsearch }
faults:
  - { crash: logstash, at: 5s, restart-after: 2s }
`;
  return {
    [`${dir}/exercise.yaml`]: exercise,
    [`${dir}/starter/pipeline.yaml`]: pipeline,
    [`${dir}/solution/pipeline.yaml`]: pipeline,
  };
}
