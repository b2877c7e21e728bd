/**
 * The files `npm run new:exercise` writes. Starter and solution start identical, so
 * lessons:check flags the new exercise until the author makes them differ in outcome.
 */
export const SCHEMA_DIR = 'simulator/authoring/schemas';

/** `../` from a file at `path` (relative to the repository root) back to the root. */
export function toRoot(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

export function schemaComment(path: string, schema: 'exercise' | 'exercise-text' | 'pipeline'): string {
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
  // The Korean text of the same exercise (exercise.ko.yaml): the text fields only, one entry per check in the
  // same order with the same keys. Everything else (checks, seed, files, faults) stays in exercise.yaml.
  const korean = `${schemaComment(`${dir}/exercise.ko.yaml`, 'exercise-text')}title: ${title}   # 한국어 제목으로 바꾸세요
goal: >
  Logstash가 실행 도중에 크래시하고, 큐를 메모리에만 두고 있습니다. 로그 줄이 하나도 빠짐없이
  Elasticsearch에 정확히 한 번씩 도착하도록 파이프라인을 고치세요.
checks:
  - name: 유실 없음
    explain: Logstash가 크래시할 때 메모리 큐에 남아 있던 줄은 사라집니다.
    hint: Logstash는 입력과 출력 사이에서 이벤트를 어디에 보관하나요?
  - name: 두 번 색인되지 않음
    explain: Filebeat는 확인 응답을 받지 못한 배치를 다시 보냅니다. 다시 보낸 배치가 두 번 색인되면 안 됩니다.
hints:
  - "\`es\` 출력의 원장을 읽어 보세요. 어디서 줄이 유실되고, 어디서 중복되었나요?"
  - Logstash는 큐를 디스크에 둘 수 있습니다. 하지만 크래시에서 살아남는 것은 체크포인트된 것뿐이고, 리플레이는 다시 보냅니다.
  - "logstash에 \`queue.type: persisted\`와 \`queue.checkpoint.writes: 1\`을 설정하고, 이벤트를 id로 색인하세요. filebeat에 \`processors: [add_id]\`, 출력에 \`document_id: \\"%{[@metadata][_id]}\\"\`를 적습니다."
`;
  return {
    [`${dir}/exercise.yaml`]: exercise,
    [`${dir}/exercise.ko.yaml`]: korean,
    [`${dir}/starter/pipeline.yaml`]: pipeline,
    [`${dir}/solution/pipeline.yaml`]: pipeline,
  };
}
