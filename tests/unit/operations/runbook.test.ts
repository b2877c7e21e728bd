/**
 * `<host>/runbook.sh` in a workspace (simulator/config/workspace/runbook.ts): the real command lines,
 * each ending in `# at <time>`, compiled to `operations:`; every problem at its file:line:col.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileWorkspace } from '../../../simulator/config/workspace/compile.js';
import { formatIssue } from '../../../simulator/spec/issues.js';

const STARTER = 'lessons/03-kafka/exercises/add-partitions-keep-order/starter';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function withRunbook(text: string): string[] {
  const ws = files(STARTER);
  ws.set('ops/runbook.sh', text);
  const out = compileWorkspace(ws);
  return out.ok ? [] : out.errors.map(formatIssue);
}

describe('runbook.sh', () => {
  it('compiles each command to an operation at its time', () => {
    const out = compileWorkspace(files(STARTER));
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.spec.operations).toEqual([{ at: 60_000, run: 'kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6' }]);
  });

  it('marks an unknown flag at its column, with the flag it resembles', () => {
    expect(withRunbook('#!/bin/sh\nkafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partition 6   # at 60s\n')).toEqual([
      'ops/runbook.sh:2:68: partition is not a recognized option (did you mean --partitions?)',
    ]);
  });

  it('needs the time of every command', () => {
    expect(withRunbook('kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6\n')[0]).toBe(
      'ops/runbook.sh:1:1: a runbook command says when it is run: end it with a comment such as `# at 60s` (the time is since the run started (world.yaml duration))',
    );
  });

  it('checks --bootstrap-server against the workspace hosts', () => {
    expect(withRunbook('kafka-topics.sh --bootstrap-server kafak:9092 --alter --topic logs --partitions 6   # at 60s\n')[0]).toBe('ops/runbook.sh:1:36: no host "kafak" in this workspace (kafak:9092) (did you mean "kafka"?)');
  });

  it('puts what Kafka refuses at run time on the runbook line: fewer partitions than the topic has', () => {
    expect(withRunbook('#!/bin/sh\n\nkafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 2   # at 60s\n')).toEqual([
      'ops/runbook.sh:3:1: The topic logs currently has 3 partition(s); 2 would not be an increase. (Kafka never removes partitions: a smaller count means a new topic)',
    ]);
  });

  it('refuses kafka-consumer-groups without an action a runbook performs', () => {
    expect(withRunbook('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group indexer   # at 10s\n')[0]).toMatch(/^ops\/runbook\.sh:1:1: a runbook runs kafka-consumer-groups\.sh --reset-offsets/);
  });
});

describe('the terminal shows each operation at its time', () => {
  it('`operations` lists the runbook and what each command printed', async () => {
    const { runSync } = await import('../../../simulator/run/run.js');
    const { runLine } = await import('../../../simulator/shell/index.js');
    const out = compileWorkspace(files(STARTER));
    if (!out.ok) throw new Error('starter does not compile');
    const handle = runSync({ ...out.spec, duration: 70_000, drain: 5_000 });
    expect(runLine({ handle }, 'operations').text).toBe(
      [
        'runbook:',
        '  T+60.000s    kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6',
        '',
        'what happened:',
        '  T+60.000s    $ kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6',
      ].join('\n'),
    );
  });
});
