/**
 * The ledger view: for one output, the records that were lost, duplicated or are still in
 * flight; picking one asks the worker for its trace and shows the hops as an ordered list.
 */
import type { PageResult, LedgerKind, LedgerEntry, TraceReply } from '../../../workers/api.js';
import { h } from './dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';

export interface LedgerBackend {
  entries(output: string, kind: LedgerKind): Promise<{ total: number; entries: LedgerEntry[] }>;
  trace(id: string): Promise<TraceReply>;
}

const KINDS: LedgerKind[] = ['lost', 'duplicated', 'inFlight', 'late', 'lateSideOutput', 'deadLettered', 'filtered'];
let uid = 0;

export function renderLedger(root: HTMLElement, result: PageResult, backend: LedgerBackend): void {
  const outputs = Object.keys(result.outputs);
  if (outputs.length === 0) return;
  const n = ++uid;
  const outputSel = h('select', { id: `ex-ledger-out-${n}` }, ...outputs.map((o) => h('option', { value: o }, o)));
  const kindSel = h('select', { id: `ex-ledger-kind-${n}` }, ...KINDS.map((k) => h('option', { value: k }, t(`ex.ledger.kind.${k}` as const))));
  const list = h('ul', { class: 'ex-ledger-list' });
  const count = h('p', { class: 'ex-note', 'aria-live': 'polite' });
  const story = h('div', { class: 'ex-story', 'aria-live': 'polite' });

  const showStory = async (id: string) => {
    story.replaceChildren(h('p', { class: 'ex-note' }, t('ex.ledger.tracing', { id })));
    const reply = await backend.trace(id);
    if (!reply.ok) {
      story.replaceChildren(h('p', { class: 'ex-note' }, reply.message));
      return;
    }
    const s = reply.story;
    story.replaceChildren(
      h('h4', {}, t('ex.ledger.storyTitle', { id: s.id })),
      h(
        'ol',
        { class: 'ex-hops' },
        h('li', {}, h('span', { class: 'ex-hop__time' }, `${(s.writtenAtMs / 1000).toFixed(3)} s`), h('span', { class: 'ex-hop__where' }, 'app'), t('ex.ledger.written', { file: s.file })),
        ...s.steps.map((st) => h('li', {}, h('span', { class: 'ex-hop__time' }, `${(st.timeMs / 1000).toFixed(3)} s`), h('span', { class: 'ex-hop__where' }, st.where), simText(st.what, pageLang()))),
      ),
      h('ul', { class: 'ex-fates' }, ...Object.entries(s.fate).map(([out, fate]) => h('li', {}, h('strong', {}, `${out}: `), simText(fate, pageLang())))),
    );
  };

  const refresh = async () => {
    const { total, entries } = await backend.entries(outputSel.value, kindSel.value as LedgerKind);
    count.textContent = total === 0 ? t('ex.ledger.none') : t('ex.ledger.count', { total, shown: entries.length });
    list.replaceChildren(
      ...entries.map((e) => {
        const b = h('button', { type: 'button', class: 'ex-link-button' }, e.id);
        b.addEventListener('click', () => void showStory(e.id));
        return h('li', {}, b, h('span', { class: 'ex-ledger-fate' }, ` — ${simText(e.fate, pageLang())}`));
      }),
    );
  };
  // Open on the first output and fate that has records, so the first thing shown is not "None."
  // when the run did lose or copy something somewhere.
  for (const o of outputs) {
    const kind = KINDS.find((k) => (result.outputs[o]?.[k] ?? 0) > 0);
    if (kind) {
      outputSel.value = o;
      kindSel.value = kind;
      break;
    }
  }
  outputSel.addEventListener('change', () => void refresh());
  kindSel.addEventListener('change', () => void refresh());

  root.append(
    h('p', { class: 'ex-note' }, t('ex.ledger.intro')),
    h('div', { class: 'ex-ledger-controls' }, h('label', { for: outputSel.id }, t('ex.ledger.output')), outputSel, h('label', { for: kindSel.id }, t('ex.ledger.kind')), kindSel),
    count,
    list,
    story,
  );
  void refresh();
}
