/**
 * lessons/10-operating count-jumped-after-a-crash, run from its real files: the indexer's restart
 * re-reads what it had not committed, and only an id that travels *inside* the Kafka record makes
 * the copies overwrite. Logstash writes no `@metadata` into Kafka (core/event-codec.ts), so the id
 * must be copied into a field and written with `codec => json`.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../simulator/cli/run-cli.js';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';

const EXERCISE = join(import.meta.dirname, '../../lessons/10-operating/exercises/count-jumped-after-a-crash');

interface EsOutput { generated: number; duplicated: number; lost: number; inFlight: number; documents: number }

/** The starter's files with `over` written on top, run with the exercise's seed. */
function run(over: ReadonlyMap<string, string>): EsOutput {
  const files = new Map([...readWorkspaceFolder(join(EXERCISE, 'starter')), ...over]);
  const dir = mkdtempSync(join(tmpdir(), 'count-jumped-'));
  for (const [path, text] of files) {
    mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...path.split('/')), text);
  }
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  expect(runCli([dir, '--seed', '29', '--json'], io), io.err).toBe(0);
  return (JSON.parse(io.out) as { outputs: Record<string, EsOutput> }).outputs['es']!;
}

const solution = readWorkspaceFolder(join(EXERCISE, 'solution'));

describe('count-jumped-after-a-crash', () => {
  it('the solution (id copied into event_id, codec => json, document_id %{[event_id]}) indexes every line once', () => {
    const es = run(solution);
    expect(es.duplicated).toBe(0);
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    expect(es.documents).toBe(es.generated);
  });

  it('the starter duplicates what the indexer read again', () => {
    expect(run(new Map()).duplicated).toBeGreaterThan(0);
  });

  it('%{[@metadata][_id]} read back from Kafka finds nothing: the copies stay', () => {
    const app = solution.get('indexer/app.yaml')!.replace('%{[event_id]}', '%{[@metadata][_id]}');
    expect(app).toContain('%{[@metadata][_id]}');
    const es = run(new Map([...solution, ['indexer/app.yaml', app]]));
    expect(es.duplicated).toBeGreaterThan(0);
  });

  it('without codec => json the plain codec writes only timestamp, host and message: event_id is lost too', () => {
    const conf = solution.get('logstash/pipeline/main.conf')!.replace(/^\s*codec => json\n/m, '');
    expect(conf).not.toContain('codec =>');
    const es = run(new Map([...solution, ['logstash/pipeline/main.conf', conf]]));
    expect(es.duplicated).toBeGreaterThan(0);
  });
});
