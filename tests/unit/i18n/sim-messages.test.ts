/**
 * The simulator's learner-facing messages on a Korean page (issue #23): the template engine, the
 * catalogue's own consistency, and runs with faults whose every fate, traced hop, warning and
 * terminal line of the shell's own commands comes out in Korean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimCatalogue, compileTemplate, placeholdersOf } from '../../../simulator/i18n/messages/template.js';
import { checkWhyText, simCatalogue, simText, simTemplateAreas, terminalLine, terminalText, untranslatedTerminalLine } from '../../../site/i18n/sim/index.js';
import { fateTemplates, hopTemplates } from '../../../simulator/i18n/messages/ledger.js';
import { shellTemplates } from '../../../simulator/i18n/messages/shell.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { checkSimMessages } from '../../../simulator/authoring/check-i18n.js';
import { runSync } from '../../../simulator/run/run.js';
import { ledgerEntries, recordStory, formatStory, runLine, type LedgerKind } from '../../../simulator/shell/index.js';

const HANGUL = /[\uac00-\ud7a3]/;
/** Three English words in a row, outside code spans: prose a Korean page must not show. */
const ENGLISH_PROSE = /\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/i;
const prose = (text: string) => ENGLISH_PROSE.test(text.replace(/`[^`]*`/g, ''));

describe('template engine', () => {
  const catalogue = new SimCatalogue([
    { en: 'lost at {where}: {why*}', ko: '{where}에서 유실: {why*}' },
    { en: 'message lost on the link', ko: '링크에서 메시지가 유실되었습니다' },
  ]);

  it('fills parameters and translates nested messages', () => {
    expect(catalogue.translate('lost at a->b: message lost on the link')).toBe('a->b에서 유실: 링크에서 메시지가 유실되었습니다');
  });

  it('leaves an unknown message unchanged and names it', () => {
    expect(catalogue.translate('something new')).toBe('something new');
    expect(catalogue.untranslated('something new')).toEqual(['something new']);
    expect(catalogue.untranslated('lost at x: something new')).toEqual(['something new']);
    expect(catalogue.untranslated('lost at x: message lost on the link')).toEqual([]);
  });

  it('escapes the template text (dots, parentheses) and anchors it', () => {
    const t = compileTemplate({ en: 'deleted by retention.ms ({ms} ms)', ko: '' });
    expect(t.pattern.test('deleted by retention.ms (15000 ms)')).toBe(true);
    expect(t.pattern.test('deleted by retentionXms (15000 ms)')).toBe(false);
    expect(t.pattern.test('x deleted by retention.ms (15000 ms)')).toBe(false);
  });

  it('shows English pages the simulator text as it is', () => {
    expect(simText('lost at kafka: logs-0: deleted by retention.ms (15000 ms)', 'en')).toBe('lost at kafka: logs-0: deleted by retention.ms (15000 ms)');
    expect(simText('lost at kafka: logs-0: deleted by retention.ms (15000 ms)', 'ko')).toBe('kafka에서 유실: logs-0: retention.ms(15000 ms)가 지나 삭제되었습니다');
  });
});

describe('catalogue', () => {
  const all = Object.entries(simTemplateAreas).flatMap(([area, list]) => list.map((t) => ({ area, ...t })));

  it.each(all.map((t) => [t.area, t.en, t.ko] as const))('%s: "%s" has a Korean twin with the same placeholders', (_area, en, ko) => {
    expect(ko.trim()).not.toBe('');
    // A template of only parameters and punctuation ("`{path}`: {what*}") has no words to translate.
    if (/[a-z]/i.test(en.replace(/\{\w+\*?\}/g, ''))) expect(ko).toMatch(HANGUL);
    expect(placeholdersOf(ko)).toEqual(placeholdersOf(en));
  });

  it('has each English template once', () => {
    const seen = new Set<string>();
    for (const t of all) {
      expect(seen.has(t.en), t.en).toBe(false);
      seen.add(t.en);
    }
  });

  it('gives the terminal no template that begins with a parameter (it would swallow the columns before it)', () => {
    for (const t of [...shellTemplates, ...fateTemplates, ...hopTemplates]) expect(t.en.startsWith('{'), t.en).toBe(false);
  });

  it('never writes the machine particle pattern 을(를), (으)로, 이(가), 은(는)', () => {
    for (const t of all) expect(t.ko).not.toMatch(/\((을|를|으|이|가|은|는)\)/);
  });
});

describe('lessons:check on the catalogue (check-i18n)', () => {
  it('finds nothing wrong with the shipped catalogue', () => {
    expect(checkSimMessages()).toEqual([]);
  });

  it('reports a message without Korean, a placeholder that differs, and a message listed twice', () => {
    const found = checkSimMessages({
      ledger: [
        { en: 'lost at {where}: {why*}', ko: '' },
        { en: 'filtered at {where}', ko: '{place}에서 필터링됨' },
      ],
      shell: [{ en: 'filtered at {where}', ko: '{where}에서 필터링됨' }],
    }).map((p) => `${p.file}: ${p.message}`);
    expect(found).toEqual([
      'simulator/i18n/messages/ledger.ts: the message "lost at {where}: {why*}" has no Korean text',
      'simulator/i18n/messages/ledger.ts: the Korean text of "lost at {where}: {why*}" has placeholders {}; the English has {where, why}',
      'simulator/i18n/messages/ledger.ts: the Korean text of "filtered at {where}" has placeholders {place}; the English has {where}',
      'simulator/i18n/messages/shell.ts: the message "filtered at {where}" is in the catalogue twice (also in simulator/i18n/messages/ledger.ts)',
    ]);
  });
});

describe('terminal lines', () => {
  it('translates the command summaries of `help` and keeps the command column', () => {
    const line = '  faults                  the fault schedule of the last run and what happened when each fault struck';
    expect(terminalLine(line, 'ko')).toBe('  faults                  마지막 실행의 장애 일정과 장애마다 일어난 일');
  });

  it('translates a fault log line after its time and source columns', () => {
    expect(terminalLine('  T+30.000s    logstash                 process crashed: volatile state lost', 'ko')).toBe('  T+30.000s    logstash                 프로세스 크래시: 휘발성 상태가 사라졌습니다');
  });

  it("leaves real tools' output as the tools print it", () => {
    const kafka = 'Topic: logs\tTopicId: 7\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=1';
    const curl = "curl: (7) Failed to connect to localhost port 9200 after 0 ms: Couldn't connect to server";
    expect(terminalText(`${kafka}\n${curl}`, 'ko')).toBe(`${kafka}\n${curl}`);
  });
});

describe('check notes', () => {
  it('translates the engine notes around the author text and the Hint label', () => {
    const why = 'Kafka의 설명. — see lostAt: logstash 151 Hint: 힌트 글';
    expect(checkWhyText(why, 'ko')).toBe('Kafka의 설명. — lostAt 참고: logstash 151 힌트: 힌트 글');
    expect(checkWhyText(why, 'en')).toBe(why);
  });
});

/**
 * Runs with faults (loss, duplicates, crashes, retention, an unclean election, rejected documents,
 * late data, a Flink restore): every message a learner reads about them has a Korean template.
 */
describe('a Korean page shows no English-only simulator text for runs with faults', () => {
  const examples = ['kafka-at-most-once', 'logstash-memory-queue-loss', 'beats-rotation-loss', 'logstash-grok-dlq', 'flink-checkpoint-replay', 'kappa-retention-shortfall', 'beats-resend-duplicates', 'lambda'];
  const kinds: LedgerKind[] = ['lost', 'duplicated', 'inFlight', 'late', 'lateSideOutput', 'deadLettered', 'filtered'];

  it.each(examples)('%s', (name) => {
    const parsed = parseSpec(readFileSync(`examples/${name}.yaml`, 'utf8'), `${name}.yaml`);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const handle = runSync(parsed.spec, { trace: 'all', metrics: false });
    const english: string[] = [];
    const need = (text: string) => english.push(...simCatalogue.untranslated(text));
    for (const w of handle.result.warnings) need(w.message);
    const shellLines: string[] = [];
    for (const out of handle.outputs.keys()) {
      for (const kind of kinds) {
        const { entries } = ledgerEntries(handle, out, kind, 20);
        for (const e of entries) {
          need(e.fate);
          const story = recordStory(handle, e.rid);
          for (const step of story.steps) need(step.what);
          shellLines.push(...formatStory(story).split('\n'));
        }
      }
    }
    for (const command of ['help', 'faults', 'ledger', ...[...handle.outputs.keys()].map((o) => `ledger ${o}`), 'sim nope', 'nope']) shellLines.push(...runLine({ handle }, command).text.split('\n'));
    for (const line of shellLines) if (line.trim() && prose(line)) english.push(...untranslatedTerminalLine(line).filter(prose));
    expect([...new Set(english)]).toEqual([]);
    // And what the page shows is Korean, not the English it came from.
    expect(terminalText(runLine({ handle }, 'help').text, 'ko')).toMatch(HANGUL);
  });
});
