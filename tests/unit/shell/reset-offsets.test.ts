/**
 * `kafka-consumer-groups --reset-offsets`: the dry run prints the plan in the tool's columns,
 * --execute commits it to the session's view that --describe shows afterwards, and a group
 * whose consumers are still members (Stable) is refused as the real tool refuses it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { RunHandle } from '../../../simulator/run/run.js';
import { runLine } from '../../../simulator/shell/index.js';
import { kafkaPipeline, runSpec, terminal } from './fixtures.js';

// session.timeout.ms 10s: a consumer that stays down leaves the group before the run ends.
const pipeline = (faults: string) => kafkaPipeline({ drain: '60s', faults, consumer: 'session.timeout.ms: 10s' });
const run = (text: string) => runSpec(text);

const rowsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('indexer ')).map((l) => l.split(/\s+/));

describe('kafka-consumer-groups --reset-offsets', () => {
  let stopped: RunHandle;
  let running: RunHandle;
  beforeAll(() => {
    // The consumer crashes for good: after session.timeout.ms the group has no members (Empty).
    stopped = run(pipeline('[{ crash: indexer, at: 3s }]'));
    running = run(pipeline('[]'));
  });

  it('accepts --execute as a flag (it used to ask for a value)', () => {
    const sh = terminal(stopped);
    const out = sh('kafka-consumer-groups --bootstrap-server localhost:9092 --group indexer --reset-offsets --to-earliest --topic logs --execute');
    expect(out.text).not.toContain('Missing required argument');
    expect(out.status).toBe(0);
  });

  it('without --execute prints the plan in the real columns, with the warning, and changes nothing', () => {
    const sh = terminal(stopped);
    const before = sh('kafka-consumer-groups --describe --group indexer').text;
    const out = sh('kafka-consumer-groups --group indexer --reset-offsets --to-earliest --topic logs');
    expect(out.text).toMatch(/^WARN: No action will be performed as the --execute option is missing\./);
    expect(out.text).toContain(`${'GROUP'.padEnd(30)} ${'TOPIC'.padEnd(30)} ${'PARTITION'.padEnd(10)} NEW-OFFSET`);
    const plan = out.text.split('\n').filter((l) => l.startsWith('indexer'));
    expect(plan).toHaveLength(3);
    for (const row of plan) expect(row).toMatch(/^indexer {24}logs {27}\d {10}0$/);
    expect(out.session).toBeUndefined();
    expect(sh('kafka-consumer-groups --describe --group indexer').text).toBe(before);
    expect(sh('kafka-consumer-groups --group indexer --reset-offsets --to-earliest --topic logs --dry-run').text).not.toContain('WARN');
  });

  it('with --execute, --describe shows the new offsets and the lag they leave', () => {
    const sh = terminal(stopped);
    sh('kafka-consumer-groups --group indexer --reset-offsets --to-latest --all-topics --execute');
    sh('kafka-consumer-groups --group indexer --reset-offsets --shift-by -5 --topic logs:1 --execute');
    const rows = rowsOf(sh('kafka-consumer-groups --describe --group indexer').text);
    expect(rows).toHaveLength(3);
    for (const [, , partition, current, end, lag] of rows) {
      expect(Number(current)).toBe(Number(end) - (partition === '1' ? 5 : 0));
      expect(Number(lag)).toBe(partition === '1' ? 5 : 0);
    }
  });

  it('clamps a target outside the retained range, as the tool does', () => {
    const out = terminal(stopped)('kafka-consumer-groups --group indexer --reset-offsets --to-offset 999999 --topic logs:0 --dry-run');
    expect(out.text).toMatch(/New offset \(999999\) is higher than latest offset for topic partition logs-0\. Value will be set to \d+/);
  });

  it('refuses while the group has members, in the real words', () => {
    const out = terminal(running)('kafka-consumer-groups --group indexer --reset-offsets --to-earliest --topic logs --execute');
    expect(out.status).toBe(1);
    expect(out.text).toContain("Error: Assignments can only be reset if the group 'indexer' is inactive, but the current state is Stable.");
    expect(out.session).toBeUndefined();
  });

  it('needs exactly one reset target and a scope', () => {
    const sh = terminal(stopped);
    expect(sh('kafka-consumer-groups --group indexer --reset-offsets --topic logs').text).toContain('Option [reset-offsets] takes exactly one of these options');
    expect(sh('kafka-consumer-groups --group indexer --reset-offsets --to-earliest').text).toContain('One of the reset scopes should be defined: --all-topics, --topic.');
  });

  it('forgets the reset when the session belongs to another run', () => {
    const sh = terminal(stopped);
    const out = sh('kafka-consumer-groups --group indexer --reset-offsets --to-earliest --topic logs --execute');
    const other = run(pipeline('[{ crash: indexer, at: 3s }]'));
    expect(runLine({ handle: other, session: out.session }, 'kafka-consumer-groups --describe --group indexer').text).toBe(runLine({ handle: other }, 'kafka-consumer-groups --describe --group indexer').text);
  });
});
