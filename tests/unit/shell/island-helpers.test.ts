// Pure helpers of the exercise island (site/scripts/exercise): line editing, line diff,
// spec edits through the yaml Document API, and share-link encoding. No DOM needed.
import { describe, it, expect } from 'vitest';
import { LineEditor, commonPrefix } from '../../../site/scripts/exercise/line-editor.js';
import { diffLines, formatDiff } from '../../../site/scripts/exercise/line-diff.js';
import { addFault, listFaults, removeFault, setSeed, readSeed, nodeIdsOf } from '../../../site/scripts/exercise/spec-edit.js';
import { encodeShare, decodeShare, sharePayloadOf, MAX_FRAGMENT_CHARS } from '../../../site/scripts/exercise/share.js';

describe('LineEditor', () => {
  it('edits at the cursor and walks history without losing the line being typed', () => {
    const e = new LineEditor();
    e.insert('ledger');
    expect(e.submit()).toBe('ledger');
    e.insert('faults');
    e.submit();
    e.insert('hel');
    e.up();
    expect(e.buffer).toBe('faults');
    e.up();
    expect(e.buffer).toBe('ledger');
    e.down();
    e.down();
    expect(e.buffer).toBe('hel');
    e.home();
    e.insert('x');
    expect(e.buffer).toBe('xhel');
    e.end();
    e.backspace();
    expect(e.buffer).toBe('xhe');
  });
  it('Ctrl-W removes the previous word, Ctrl-U the start of the line', () => {
    const e = new LineEditor();
    e.insert('kafka-topics --describe --topic');
    e.killWord();
    expect(e.buffer).toBe('kafka-topics --describe ');
    e.killBefore();
    expect(e.buffer).toBe('');
  });
  it('completes the word before the cursor', () => {
    const e = new LineEditor();
    e.insert('kafka-con');
    e.completeWord('kafka-con', 'kafka-consumer-');
    expect(e.buffer).toBe('kafka-consumer-');
    expect(commonPrefix(['kafka-consumer-groups', 'kafka-console-consumer'])).toBe('kafka-cons');
  });
});

describe('diffLines', () => {
  it('marks removed and added lines around common ones', () => {
    const d = diffLines('a\nb\nc', 'a\nx\nc');
    expect(d).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
    ]);
    expect(formatDiff(d)).toBe('  a\n- b\n+ x\n  c');
  });
  it('an unchanged file is all "same"', () => {
    expect(diffLines('a\nb', 'a\nb').every((l) => l.op === 'same')).toBe(true);
  });
});

describe('spec edits keep comments', () => {
  const text = '# my pipeline\nduration: 10s # short\nnodes:\n  es: { type: elasticsearch }\n  fb: { type: beats, output: es }\n';
  it('adds and removes faults as YAML the learner could have typed', () => {
    const added = addFault(text, { link: 'fb->es', loss: 0.2, from: '0s', to: '5s' });
    if (!added.ok) throw new Error('edit failed');
    expect(added.text).toContain('# my pipeline');
    expect(added.text).toContain('duration: 10s # short');
    expect(added.text).toContain('- { link: fb->es, loss: 0.2, from: 0s, to: 5s }');
    const crash = addFault(added.text, { crash: 'es', at: '3s', 'restart-after': '2s' });
    if (!crash.ok) throw new Error('edit failed');
    expect(listFaults(crash.text)?.map((f) => f.summary)).toEqual(['link fb->es: loss 0.2 (0s–5s)', 'crash es at 3s, restarts after 2s']);
    const removed = removeFault(crash.text, 0);
    expect(removed.ok && listFaults(removed.text)?.length).toBe(1);
  });
  it('sets the seed and reads node ids', () => {
    const r = setSeed(text, 99);
    expect(r.ok && readSeed(r.text)).toBe(99);
    expect(nodeIdsOf(text)).toEqual(['es', 'fb']);
  });
  it('refuses to edit text that does not parse', () => {
    expect(addFault('nodes: [', { crash: 'x', at: '1s' }).ok).toBe(false);
    expect(listFaults('nodes: [')).toBeUndefined();
  });
});

describe('share links', () => {
  it('round-trips slug, editable files and seed; ignores files that are not editable', async () => {
    const fragment = await encodeShare({ slug: 'lose-nothing', files: { 'pipeline.yaml': 'seed: 3\n# ünïcödé', 'other.yaml': 'x' }, seed: 42 });
    const payload = sharePayloadOf(`#${fragment}`);
    expect(payload).toBeDefined();
    const decoded = await decodeShare(payload!, 'lose-nothing', ['pipeline.yaml']);
    expect(decoded).toEqual({ ok: true, state: { slug: 'lose-nothing', files: { 'pipeline.yaml': 'seed: 3\n# ünïcödé' }, seed: 42 } });
  });
  it('says corrupt, oversized or other-exercise instead of throwing', async () => {
    expect(await decodeShare('!!!', 's', ['pipeline.yaml'])).toEqual({ ok: false, reason: 'corrupt' });
    expect(await decodeShare('AAAA', 's', ['pipeline.yaml'])).toEqual({ ok: false, reason: 'corrupt' });
    expect(await decodeShare('A'.repeat(MAX_FRAGMENT_CHARS + 1), 's', [])).toEqual({ ok: false, reason: 'oversized' });
    const other = sharePayloadOf(`#${await encodeShare({ slug: 'a', files: {}, seed: 1 })}`)!;
    expect(await decodeShare(other, 'b', [])).toEqual({ ok: false, reason: 'other-exercise' });
  });
  it('stops a deflate bomb at the payload cap', async () => {
    const big = await encodeShare({ slug: 's', files: { 'pipeline.yaml': 'x'.repeat(2_000_000) }, seed: 1 });
    const payload = sharePayloadOf(`#${big}`)!;
    expect(payload.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(await decodeShare(payload, 's', ['pipeline.yaml'])).toEqual({ ok: false, reason: 'oversized' });
  });
});
