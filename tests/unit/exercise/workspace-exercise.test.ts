/**
 * The workspace form of an exercise: starter/world.yaml beside real files. Loading, running,
 * locked faults (in world.yaml), locks into the compiled spec placed back in the real file, and
 * the editor's per-file validation.
 */
import { describe, it, expect } from 'vitest';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { exerciseSpec } from '../../../simulator/exercise/exercise-spec.js';
import { lockedSettingErrors, lockedSettingPlaces } from '../../../simulator/exercise/locks.js';
import { lockedFaultsWarning } from '../../../simulator/exercise/pipeline-text.js';
import { validateWorkspaceFile } from '../../../simulator/exercise/workspace-validate.js';
import { keyPlace } from '../../../simulator/exercise/workspace-locks.js';
import { runExercise } from '../../../simulator/exercise/run-exercise.js';
import { filebeatJsonSchema, logstashYmlJsonSchema, worldJsonSchema } from '../../../simulator/exercise/config-schemas.js';
import type { Exercise } from '../../../simulator/exercise/types.js';

const world = `duration: 5s
drain: 30s
workload:
  rate: 20/s
  key: status
  logs:
    web1: [/var/log/apache2/access.log]
faults:
  - { crash: logstash, at: 2s, restart-after: 1s }
`;
const filebeat = `filebeat.inputs:
  - type: filestream
    id: access
    paths: [/var/log/apache2/access.log*]
output.logstash:
  hosts: ["logstash:5044"]
  bulk_max_size: 50
`;
const logstashYml = 'pipeline.workers: 1\n';
const conf = `input { beats { port => 5044 } }
output {
  elasticsearch {
    hosts => ["http://es:9200"]
    index => "logs"
  }
}
`;
const es = 'cluster.name: lab\n';

function files(over: Record<string, string> = {}): Record<string, string> {
  return { 'world.yaml': world, 'web1/filebeat.yml': filebeat, 'logstash/logstash.yml': logstashYml, 'logstash/pipeline/main.conf': conf, 'es/elasticsearch.yml': es, ...over };
}

function load(extra = '', solution: Record<string, string> = {}): ReturnType<typeof loadExercise> {
  const starter = files();
  const all: Record<string, string> = {
    'exercise.yaml': `title: T\ngoal: G\neditable: [web1/filebeat.yml, logstash/logstash.yml, logstash/pipeline/main.conf]\nreadonly: [world.yaml, es/elasticsearch.yml]\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n${extra}`,
  };
  for (const [k, v] of Object.entries(starter)) all[`starter/${k}`] = v;
  for (const k of ['web1/filebeat.yml', 'logstash/logstash.yml', 'logstash/pipeline/main.conf']) all[`solution/${k}`] = solution[k] ?? starter[k]!;
  return loadExercise('ws', '02-a', all);
}

function ok(extra = ''): Exercise {
  const r = load(extra);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return r.exercise;
}

describe('workspace exercises: loading', () => {
  it('a starter/world.yaml makes the exercise a workspace with real paths', () => {
    const e = ok();
    expect(e.workspace).toBe(true);
    expect(e.editable).toContain('logstash/pipeline/main.conf');
    expect(e.solution['world.yaml']).toBe(world);
  });

  it('asks for world.yaml to be listed, and refuses a pipeline.yaml beside it', () => {
    const r = loadExercise('ws', '02-a', {
      'exercise.yaml': 'title: T\ngoal: G\neditable: [web1/filebeat.yml]\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n',
      'starter/world.yaml': world,
      'starter/web1/filebeat.yml': filebeat,
      'solution/web1/filebeat.yml': filebeat,
      'starter/pipeline.yaml': 'nodes: {}\n',
    });
    expect(r.ok).toBe(false);
    const messages = !r.ok ? r.errors.map((e) => e.message).join('\n') : '';
    expect(messages).toMatch(/`world.yaml` must be listed/);
    expect(messages).toMatch(/has no pipeline.yaml/);
  });

  it('refuses paths that climb out of starter/', () => {
    const r = loadExercise('ws', '02-a', { 'exercise.yaml': 'title: T\ngoal: G\neditable: [../x.yml]\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n' });
    expect(r.ok).toBe(false);
  });

  it('refuses a lock on a setting the compiled starter does not have, at its line in exercise.yaml', () => {
    const r = load('locked: [/nodes/logstash/pipeline.wokers]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 7, message: expect.stringMatching(/compiles to has no setting/) });
  });
});

describe('workspace exercises: running', () => {
  it('compiles the learner files over the starter and runs them', () => {
    const e = ok();
    const run = runExercise(e, { 'logstash/pipeline/main.conf': conf });
    expect('result' in run && run.result.outputs.es!.generated).toBe(100);
  });

  it('reports compile errors in the real file, prefixed by the root when asked', () => {
    const e = ok();
    const bad = exerciseSpec(e, { 'web1/filebeat.yml': filebeat.replace('logstash:5044', 'logstash:5045') }, { root: 'lessons/x/starter' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ file: 'lessons/x/starter/web1/filebeat.yml', line: 6, message: expect.stringMatching(/listens on port 5044, not 5045/) });
  });

  it('locked faults: world.yaml edits are warned about and the starter faults run', () => {
    // world.yaml editable here: a read-only world.yaml always runs the starter's anyway.
    const e = { ...ok(), editable: ['world.yaml'], readonly: ['es/elasticsearch.yml'] };
    const mine = { 'world.yaml': world.replace(/faults:[\s\S]*/, 'faults: []\n') };
    expect(lockedFaultsWarning(e, mine)).toMatchObject({ file: 'world.yaml', line: 8 });
    const spec = exerciseSpec(e, mine);
    expect(spec.ok && spec.spec.faults.length).toBe(1);
  });
});

describe('workspace exercises: locks into the compiled spec', () => {
  const e = ok('locked: [/nodes/logstash/pipeline.workers, /nodes/filebeat/bulk_max_size]\n');

  it('a change to a locked setting is refused in the file and at the line that writes it', () => {
    const errors = lockedSettingErrors(e, { 'web1/filebeat.yml': filebeat.replace('bulk_max_size: 50', 'bulk_max_size: 500') }, '');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'web1/filebeat.yml', line: 7, column: 3, message: expect.stringMatching(/`nodes.filebeat.bulk_max_size` is locked.*must stay 50 \(you have 500\)/) });
  });

  it('deleting a locked setting changes its compiled value to the default: refused too, at line 1 of its file', () => {
    const errors = lockedSettingErrors(e, { 'logstash/logstash.yml': '# nothing\n' }, '');
    expect(errors[0]).toMatchObject({ file: 'logstash/logstash.yml', line: 1, message: expect.stringMatching(/must stay 1 \(you have 2\)/) });
  });

  it('the same value written another way is not a change', () => {
    expect(lockedSettingErrors(e, { 'logstash/logstash.yml': 'pipeline:\n  workers: 1\n' }, '')).toEqual([]);
  });

  it('the editor marks each lock where it stands', () => {
    expect(lockedSettingPlaces(e, filebeat, 'web1/filebeat.yml')).toEqual([expect.objectContaining({ line: 7, column: 3, path: 'nodes.filebeat.bulk_max_size' })]);
    expect(lockedSettingPlaces(e, logstashYml, 'logstash/logstash.yml')).toEqual([expect.objectContaining({ line: 1, path: 'nodes.logstash.pipeline.workers' })]);
    expect(lockedSettingPlaces(e, conf, 'logstash/pipeline/main.conf')).toEqual([]);
  });

  it('finds keys in YAML, in the Logstash language and in properties files, not in comments', () => {
    expect(keyPlace('# workers: 3\npipeline.workers: 1\n', 'pipeline.workers')).toMatchObject({ line: 2, column: 1 });
    expect(keyPlace('output {\n  kafka { acks => "1" }\n}\n', 'acks')).toMatchObject({ line: 2, column: 11 });
    expect(keyPlace('min.insync.replicas=2\n', 'min.insync.replicas')).toMatchObject({ line: 1, column: 1 });
  });
});

describe('workspace exercises: validating one file', () => {
  const e = ok();
  it('a host nobody runs is marked in the file that names it', () => {
    const v = validateWorkspaceFile(e, filebeat.replace('logstash:5044', 'logstsh:5044'), 'web1/filebeat.yml', files());
    expect(v.errors).toEqual([expect.objectContaining({ file: 'web1/filebeat.yml', line: 6, message: expect.stringMatching(/no host "logstsh"/), hint: 'did you mean "logstash"?' })]);
  });

  it('a Logstash syntax error is marked once, in the pipeline file only', () => {
    const broken = conf.replace('index => "logs"', 'index => ');
    const v = validateWorkspaceFile(e, broken, 'logstash/pipeline/main.conf', files());
    expect(v.errors.length).toBe(1);
    expect(v.errors[0]!.file).toBe('logstash/pipeline/main.conf');
    expect(validateWorkspaceFile(e, filebeat, 'web1/filebeat.yml', files({ 'logstash/pipeline/main.conf': broken })).errors).toEqual([]);
  });
});

describe('schemas of the real YAML files', () => {
  it('declare the settings the checker knows, with their defaults in the hover text', () => {
    const fb = filebeatJsonSchema() as { properties: Record<string, { description?: string; properties?: Record<string, { description: string }> }> };
    expect(fb.properties['output.logstash']!.properties!.timeout!.description).toMatch(/Default: `30s`/);
    expect(fb.properties['queue.mem.events']!.description).toMatch(/3200/);
    const ls = logstashYmlJsonSchema() as { properties: Record<string, { enum?: string[] }> };
    expect(ls.properties['queue.type']!.enum).toEqual(['memory', 'persisted']);
    const w = worldJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(w.properties)).toContain('faults');
    expect(w.properties.workload!.properties).toHaveProperty('logs');
  });
});
