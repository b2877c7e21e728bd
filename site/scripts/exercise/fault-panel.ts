/**
 * The fault panel: adds and removes entries of the spec's `faults:` list through spec-edit.ts
 * (the yaml Document API), so what the panel does shows up in the editor as ordinary YAML —
 * the learner sees the very lines they could have typed.
 */
import { h } from './dom.js';
import { addFault, listFaults, nodeIdsOf, removeFault, type FaultInput } from './spec-edit.js';
import { t } from '../../i18n/index.js';

export interface FaultPanelHost {
  text(): string;
  setText(text: string): void;
  announce(message: string): void;
}

let uid = 0;

function field(label: string, input: HTMLInputElement): HTMLElement {
  input.id ||= `ex-f-${++uid}`;
  return h('div', { class: 'ex-field' }, h('label', { for: input.id }, label), input);
}

const num = (name: string) => h('input', { type: 'number', name, min: 0, max: 1, step: 0.01, value: 0, inputmode: 'decimal' });
const dur = (name: string, value: string, placeholder = '') => h('input', { type: 'text', name, value, placeholder, size: 6, spellcheck: 'false' });

export function createFaultPanel(root: HTMLElement, host: FaultPanelHost, locked: boolean): { refresh(): void } {
  const list = h('ul', { class: 'ex-fault-list' });
  const linksId = `ex-links-${++uid}`;
  const nodesId = `ex-nodes-${++uid}`;
  const links = h('datalist', { id: linksId });
  const nodes = h('datalist', { id: nodesId });

  const link = h('input', { type: 'text', name: 'link', list: linksId, placeholder: 'filebeat->logstash', spellcheck: 'false' });
  const loss = num('loss');
  const duplicate = num('duplicate');
  const reorder = num('reorder');
  const from = dur('from', '0s');
  const to = dur('to', '', t('ex.faults.never'));
  const crash = h('input', { type: 'text', name: 'crash', list: nodesId, placeholder: 'logstash', spellcheck: 'false' });
  const at = dur('at', '10s');
  const restart = dur('restart-after', '5s', t('ex.faults.staysDown'));

  const apply = (fault: FaultInput) => {
    const r = addFault(host.text(), fault);
    if (!r.ok) return host.announce(t('ex.faults.cannotEdit'));
    host.setText(r.text);
    host.announce(t('ex.faults.added'));
  };

  const addLink = h('button', { type: 'button' }, t('ex.faults.addLink'));
  addLink.addEventListener('click', () => {
    if (!/^[^\s>]+->[^\s>]+$/.test(link.value)) return host.announce(t('ex.faults.badLink'));
    const p = (i: HTMLInputElement) => (Number(i.value) > 0 ? Math.min(1, Number(i.value)) : undefined);
    const input: FaultInput = { link: link.value, loss: p(loss), duplicate: p(duplicate), reorder: p(reorder), from: from.value || undefined, to: to.value || undefined };
    apply(input);
  });
  const addCrash = h('button', { type: 'button' }, t('ex.faults.addCrash'));
  addCrash.addEventListener('click', () => {
    if (!crash.value.trim() || !at.value.trim()) return host.announce(t('ex.faults.badCrash'));
    apply({ crash: crash.value.trim(), at: at.value.trim(), 'restart-after': restart.value.trim() || undefined });
  });

  const form = h(
    'div',
    { class: 'ex-fault-forms' },
    h('fieldset', {}, h('legend', {}, t('ex.faults.linkLegend')), field(t('ex.faults.link'), link), field(t('ex.faults.loss'), loss), field(t('ex.faults.duplicate'), duplicate), field(t('ex.faults.reorder'), reorder), field(t('ex.faults.from'), from), field(t('ex.faults.to'), to), addLink),
    h('fieldset', {}, h('legend', {}, t('ex.faults.crashLegend')), field(t('ex.faults.node'), crash), field(t('ex.faults.at'), at), field(t('ex.faults.restartAfter'), restart), addCrash),
  );
  if (locked) for (const el of form.querySelectorAll('input, button')) (el as HTMLInputElement).disabled = true;

  root.append(h('p', { class: 'ex-note' }, locked ? t('ex.faults.locked') : t('ex.faults.intro')), list, form, links, nodes);

  const refresh = () => {
    const text = host.text();
    const rows = listFaults(text);
    list.replaceChildren();
    if (!rows) list.append(h('li', {}, t('ex.faults.unreadable')));
    else if (rows.length === 0) list.append(h('li', {}, t('ex.faults.none')));
    for (const row of rows ?? []) {
      const remove = h('button', { type: 'button', class: 'ex-link-button', 'aria-label': t('ex.faults.removeLabel', { what: row.summary }), disabled: locked }, t('ex.faults.remove'));
      remove.addEventListener('click', () => {
        const r = removeFault(host.text(), row.index);
        if (r.ok) {
          host.setText(r.text);
          host.announce(t('ex.faults.removed'));
        }
      });
      list.append(h('li', {}, h('code', {}, row.summary), ' ', remove));
    }
    const ids = nodeIdsOf(text);
    links.replaceChildren(...ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => h('option', { value: `${a}->${b}` }))));
    nodes.replaceChildren(...ids.map((id) => h('option', { value: id })));
  };
  refresh();
  return { refresh };
}
