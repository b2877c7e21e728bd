/**
 * A setting picker: a list of the common settings of the current spec (params.ts) that fills a
 * JSON Pointer field, which the learner may also type freely, with the value the spec has now.
 */
import { h } from '../exercise/dom.js';
import { t } from '../../i18n/index.js';
import { readAt } from '../../../simulator/lab/spec-edit.js';
import type { ParamSuggestion } from './params.js';

export interface ParamPicker {
  root: HTMLElement;
  pointer: HTMLInputElement;
  /** Rebuilds the list from the spec (keeps the typed pointer). */
  refresh(suggestions: readonly ParamSuggestion[], spec: string): void;
}

let uid = 0;

export function createParamPicker(prefix: string, onPick: (s: ParamSuggestion) => void): ParamPicker {
  const n = ++uid;
  const selectId = `${prefix}-common-${n}`;
  const pointerId = `${prefix}-pointer-${n}`;
  const helpId = `${pointerId}-help`;
  const currentId = `${pointerId}-now`;
  const select = h('select', { id: selectId, class: 'lab-param-select' });
  const pointer = h('input', { type: 'text', id: pointerId, class: 'lab-pointer', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${helpId} ${currentId}` });
  const current = h('span', { id: currentId, class: 'lab-note', 'aria-live': 'polite' });
  let list: readonly ParamSuggestion[] = [];
  let specText = '';

  const showCurrent = () => {
    const p = pointer.value.trim();
    if (!p.startsWith('/')) return (current.textContent = '');
    const v = readAt(specText, p);
    current.textContent = v === undefined ? t('lab.param.absent') : t('lab.param.current', { value: JSON.stringify(v) });
  };

  select.addEventListener('change', () => {
    const s = list[Number(select.value)];
    if (!s) return;
    pointer.value = s.pointer;
    showCurrent();
    onPick(s);
  });
  // The menu follows what is typed: it shows the matching common setting, or none.
  const followTyped = () => {
    const i = list.findIndex((s) => s.pointer === pointer.value.trim());
    select.value = i >= 0 ? String(i) : '';
  };
  pointer.addEventListener('input', () => {
    showCurrent();
    followTyped();
  });

  const root = h(
    'div',
    { class: 'lab-param' },
    h('div', { class: 'lab-field' }, h('label', { for: selectId }, t('lab.param.common')), select),
    h('div', { class: 'lab-field lab-field--wide' }, h('label', { for: pointerId }, t('lab.param.pointer')), pointer, h('span', { id: helpId, class: 'lab-note' }, t('lab.param.pointerHelp')), current),
  );

  return {
    root,
    pointer,
    refresh(suggestions, spec) {
      list = suggestions;
      specText = spec;
      const chosen = suggestions.findIndex((s) => s.pointer === pointer.value.trim());
      select.replaceChildren(h('option', { value: '' }, t('lab.param.choose')), ...suggestions.map((s, i) => h('option', { value: String(i) }, `${s.label} — ${s.pointer}`)));
      select.value = chosen >= 0 ? String(chosen) : '';
      showCurrent();
    },
  };
}
