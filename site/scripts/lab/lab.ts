/**
 * The hydrated Lab: the pipeline editor (Monaco + monaco-yaml with the pipeline JSON Schema,
 * markers from the simulator's own parser), presets, seed, fault panel and a single run through
 * the simulator worker (the exercise island's modules), and the three experiment panels on the
 * lab worker. Share links, the spec download and a local draft keep an experiment around.
 */
import { h } from '../exercise/dom.js';
import { SimClient, WorkerFailure } from '../exercise/sim-client.js';
import { createEditor, type EditorHandle } from '../exercise/editor.js';
import { createFaultPanel } from '../exercise/fault-panel.js';
import { renderCharts, type ChartSet } from '../exercise/charts.js';
import { renderLedger } from '../exercise/ledger-view.js';
import { createMetricsPanel } from '../metrics/panel.js';
import { endedText } from '../exercise/results.js';
import { readSeed } from '../exercise/spec-edit.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';
import { THEME_EVENT, currentTheme } from '../theme.js';
import type { RunProgress, RunReply, SpecIssue, TraceReply } from '../../../workers/api.js';
import { LabClient, LabFailure } from './lab-client.js';
import { suggestParams, type ParamSuggestion } from './params.js';
import { createSweepPanel } from './sweep-panel.js';
import { createCounterfactualPanel } from './counterfactual-panel.js';
import { createCounterexamplePanel } from './counterexample-panel.js';
import { defaultSettings, download, sharedExperiment, shareFragment, PIPELINE_FILE, type Experiment } from './experiment.js';
import { loadLabDraft, saveLabDraft } from './draft.js';
import type { LabHost } from './host.js';
import { exportButton, importPanel, specSource } from '../export/export-ui.js';
import { createLabPredictPanel } from './predict-panel.js';
import type { RunResult } from '../../../simulator/run/result.js';

export interface Preset {
  id: string;
  file: string;
  text: string;
}

interface LabData {
  presets: Preset[];
  defaultPreset: string;
}

function readData(root: HTMLElement): LabData | undefined {
  try {
    const text = root.querySelector('script[type="application/json"].lab-data')?.textContent;
    return text ? (JSON.parse(text) as LabData) : undefined;
  } catch {
    return undefined;
  }
}

const slot = (root: HTMLElement, name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
const $ = <T extends HTMLElement>(root: HTMLElement, sel: string) => root.querySelector<T>(sel)!;

export async function mount(root: HTMLElement): Promise<void> {
  const data = readData(root);
  if (!data || data.presets.length === 0) return;
  const presetOf = (id: string) => data.presets.find((p) => p.id === id) ?? data.presets[0]!;

  // Where the first text comes from: a share link, else the last draft, else the default preset.
  let initial: Experiment | undefined;
  let restored: string | undefined;
  const shared = await sharedExperiment(location.hash);
  if (shared?.ok) {
    initial = shared.experiment;
    restored = t('lab.restored.share');
  } else if (shared) restored = t(`lab.share.${shared.reason}` as const);
  if (!initial) {
    const draft = loadLabDraft();
    if (draft && !shared) {
      initial = { pipeline: draft.pipeline, seed: draft.seed, settings: draft.settings };
      restored = t('lab.restored.draft');
    }
  }
  const preset = presetOf(data.defaultPreset);
  let text = initial?.pipeline ?? preset.text;

  const status = $<HTMLElement>(root, '.lab-run-status');
  const presetSelect = $<HTMLSelectElement>(root, '#lab-preset');
  const loadPreset = $<HTMLButtonElement>(root, '#lab-preset-load');
  const seedField = $<HTMLInputElement>(root, '#lab-seed');
  const runButton = $<HTMLButtonElement>(root, '#lab-run');
  const cancelButton = $<HTMLButtonElement>(root, '#lab-run-cancel');
  const progressBox = $<HTMLElement>(root, '.lab-run-progress');
  const progress = $<HTMLProgressElement>(root, '.lab-run-progress progress');
  const progressText = $<HTMLElement>(root, '.lab-run-progress span');
  const editorBox = $<HTMLElement>(root, '#lab-editor');
  const problems = $<HTMLElement>(root, '.lab-problems');
  const results = slot(root, 'run-results');
  const chartsBox = slot(root, 'run-charts');
  const ledgerBox = slot(root, 'run-ledger');
  const shareBox = slot(root, 'share');
  // The operator's metrics of the single run, under its charts (no diagram here: "Go to" marks the time on the charts).
  const metricsBox = h('div', { class: 'lab-run-metrics' });
  chartsBox.after(h('section', { 'aria-label': t('mx.title') }, h('h3', {}, t('mx.title')), metricsBox));
  const metricsPanel = createMetricsPanel(metricsBox, { onSeek: (timeMs) => metricsPanel.setTime(timeMs) });

  seedField.value = String(initial?.seed ?? readSeed(text) ?? 1);
  presetSelect.value = preset.id;
  const say = (region: HTMLElement, message: string) => (region.textContent = message);
  if (restored) say(status, restored);

  const sim = new SimClient();
  const lab = new LabClient();
  let editor: EditorHandle | undefined;
  let charts: ChartSet | undefined;
  let suggestions: ParamSuggestion[] = suggestParams(text);
  const specText = () => editor?.value(PIPELINE_FILE) ?? text;
  const seed = () => Math.max(0, Math.floor(Number(seedField.value) || 0));

  const host: LabHost = {
    client: lab,
    spec: specText,
    seed,
    setSpec: (next) => {
      text = next;
      editor?.setValue(PIPELINE_FILE, next);
      changed();
    },
    setSeed: (s) => (seedField.value = String(s)),
    suggestions: () => suggestions,
    say,
    failed: (region, error) => {
      // Only a failure of the worker is the simulator's; anything else broke in the page.
      if (error instanceof LabFailure || error instanceof WorkerFailure) say(region, t('lab.worker.failed', { detail: error.message }));
      else say(region, t('lab.page.failed', { detail: error instanceof Error ? error.message : String(error) }));
    },
  };

  // Export for real engines beside the spec download; the import of real configuration files under the share box.
  const exportSay = (m: string) => say(shareBox, m);
  // While the text is the one an import put there, Export writes the imported files themselves
  // (a Flink job.sql survives, which the internal spec could not write back).
  let imported: { text: string; files: Map<string, string> } | undefined;
  const exportSource = () => (imported && imported.text === specText() ? { kind: 'workspace' as const, files: imported.files } : specSource(specText()));
  const exportName = () => {
    const s = specSource(specText());
    return s?.kind === 'spec' ? s.spec.name : undefined;
  };
  $<HTMLButtonElement>(root, '#lab-share').after(exportButton(exportSource, exportName, (m) => { shareBox.hidden = false; exportSay(m); }));
  shareBox.after(importPanel((next, files) => {
    host.setSpec(next);
    imported = { text: specText(), files };
  }));

  const sweep = createSweepPanel(slot(root, 'sweep'), host);
  const cf = createCounterfactualPanel(slot(root, 'counterfactual'), host);
  const ce = createCounterexamplePanel(slot(root, 'counterexample'), host);
  if (initial) {
    sweep.apply(initial.settings.sweep);
    cf.apply(initial.settings.counterfactual);
    ce.apply(initial.settings.counterexample);
  }
  const experiment = (): Experiment => ({ pipeline: specText(), seed: seed(), settings: { sweep: sweep.settings(), counterfactual: cf.settings(), counterexample: ce.settings() } });

  // A preset experiment may ask for a prediction before its first run (predict-panel.ts).
  const predictPanel = createLabPredictPanel((m) => say(status, m));
  editorBox.before(predictPanel.form);
  results.before(predictPanel.comparison);
  const presetInEditor = () => data.presets.find((p) => p.text === specText());
  predictPanel.follow(presetInEditor()?.id, false);

  const faultPanel = createFaultPanel(slot(root, 'faults'), { text: specText, setText: (next) => host.setSpec(next), announce: (m) => say(status, m) }, false);

  const renderProblems = (issues: readonly SpecIssue[]) => {
    problems.replaceChildren(
      ...issues.map((i) => {
        const b = h('button', { type: 'button', class: 'lab-link lab-mono' }, `${PIPELINE_FILE}:${i.line}:${i.column}`);
        b.addEventListener('click', () => editor?.reveal(PIPELINE_FILE, i.line, i.column));
        return h('li', { class: `lab-problem lab-problem--${i.severity}` }, b, ' ', `${i.severity === 'error' ? t('lab.problems.error') : t('lab.problems.warning')}: ${simText(i.message, pageLang())}`, i.hint ? h('span', { class: 'lab-problem__hint' }, ` — ${simText(i.hint, pageLang())}`) : null);
      }),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** After any edit: re-derive the helper lists, re-validate, save the draft (debounced). */
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const current = specText();
      suggestions = suggestParams(current);
      sweep.refresh();
      cf.refresh();
      ce.refresh();
      faultPanel.refresh();
      saveLabDraft(experiment());
      void sim
        .call((api) => api.validate(current, PIPELINE_FILE))
        .then((v) => {
          const issues = [...v.errors, ...v.warnings];
          editor?.setIssues(PIPELINE_FILE, issues);
          renderProblems(issues);
        })
        .catch(() => undefined);
    }, 250);
  };

  // Single run (the simulator worker, as on the exercise page).
  let running = false;
  const setRunning = (on: boolean) => {
    running = on;
    runButton.disabled = on;
    cancelButton.disabled = !on;
    progressBox.hidden = !on;
  };
  const onProgress = (p: RunProgress) => {
    progress.value = p.fraction;
    progressText.textContent = t('ex.progress.text', { done: (p.simulatedMs / 1000).toFixed(1), total: (p.totalMs / 1000).toFixed(0), events: p.events.toLocaleString('en') });
  };
  const showReply = async (reply: RunReply) => {
    if (reply.kind === 'cancelled') return say(status, t('lab.run.cancelled'));
    charts?.destroy();
    metricsPanel.clear();
    results.replaceChildren();
    chartsBox.replaceChildren();
    ledgerBox.replaceChildren();
    if (reply.kind === 'invalid') {
      renderProblems([...reply.errors, ...reply.warnings]);
      editor?.setIssues(PIPELINE_FILE, [...reply.errors, ...reply.warnings]);
      return say(status, t('lab.run.invalid', { n: reply.errors.length }));
    }
    const summary = Object.entries(reply.result.outputs)
      .map(([id, o]) => t('lab.run.output', { id, exactlyOnce: o.exactlyOnce, lost: o.lost, duplicated: o.duplicated }))
      .join('; ');
    results.append(h('p', { class: 'lab-summary' }, endedText(reply.result)), h('p', {}, t('lab.run.summary', { summary })));
    say(status, `${endedText(reply.result)} ${t('lab.run.summary', { summary })}`);
    const asLoaded = presetInEditor();
    predictPanel.ran(reply.result as unknown as RunResult, !asLoaded || seed() !== (readSeed(asLoaded.text) ?? 1));
    charts = await renderCharts(chartsBox, reply.result);
    void sim.call((api) => api.diagram()).then((m) => metricsPanel.show(reply.result, m?.faults));
    renderLedger(ledgerBox, reply.result, {
      entries: (output, kind) => sim.call((api) => api.ledger(output, kind, 50)),
      trace: (id) => sim.call<TraceReply>((api, p) => api.trace(id, p), onProgress),
    });
  };
  const runOnce = async () => {
    if (running) return;
    setRunning(true);
    say(status, t('lab.running'));
    try {
      const reply = await sim.call<RunReply>((api, p) => api.run({ files: { [PIPELINE_FILE]: specText() }, seed: seed() }, p), onProgress);
      setRunning(false);
      await showReply(reply);
    } catch (error) {
      setRunning(false);
      sim.start();
      host.failed(status, error);
    }
  };
  runButton.addEventListener('click', () => void runOnce());
  cancelButton.addEventListener('click', () => {
    sim.cancel();
    say(status, t('lab.cancelling'));
  });
  root.addEventListener('keydown', (e) => {
    // Ctrl+Enter runs from the editor, and from the prediction form (answer, then run, without the mouse).
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (editorBox.contains(e.target as Node) || predictPanel.form.contains(e.target as Node))) {
      e.preventDefault();
      void runOnce();
    }
  });

  loadPreset.addEventListener('click', () => {
    const p = data.presets.find((x) => x.id === presetSelect.value);
    if (!p) return;
    // A new pipeline has other faults and nodes: the panels start over from its own suggestions.
    const fresh = defaultSettings();
    sweep.apply(fresh.sweep);
    cf.apply(fresh.counterfactual);
    ce.apply(fresh.counterexample);
    host.setSpec(p.text);
    seedField.value = String(readSeed(p.text) ?? 1);
    predictPanel.follow(p.id, true);
    say(status, t('lab.preset.loaded', { name: presetSelect.selectedOptions[0]?.textContent ?? p.id }));
  });
  seedField.addEventListener('change', changed);

  // Export: the spec as a file, the experiment as a link.
  $<HTMLButtonElement>(root, '#lab-download-spec').addEventListener('click', () => {
    download(PIPELINE_FILE, specText(), 'application/yaml');
    say(status, t('lab.export.downloaded', { file: PIPELINE_FILE }));
  });
  $<HTMLButtonElement>(root, '#lab-share').addEventListener('click', async () => {
    const fragment = await shareFragment(experiment());
    const url = `${location.origin}${location.pathname}#${fragment}`;
    history.replaceState(null, '', `#${fragment}`);
    const field = h('input', { type: 'text', readonly: true, value: url, class: 'lab-share__url', id: 'lab-share-url', 'aria-label': t('lab.export.urlLabel') });
    shareBox.replaceChildren(h('p', {}, t('lab.export.shareReady')), field);
    shareBox.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      say(status, t('lab.export.copied'));
    } catch {
      say(status, t('lab.export.copyYourself'));
    }
  });

  sweep.refresh();
  cf.refresh();
  ce.refresh();
  faultPanel.refresh();

  sim.start();
  try {
    const schema = await sim.call((api) => api.schema(pageLang()));
    editor = await createEditor(editorBox, [{ name: PIPELINE_FILE, text, readOnly: false }], schema, { dark: currentTheme() === 'dark', label: t('lab.editor.label'), onChange: changed });
  } catch (error) {
    host.failed(status, error);
  }
  document.addEventListener(THEME_EVENT, () => editor?.setTheme(currentTheme() === 'dark'));
  changed();

  // The lab worker loads while the page is idle, so the first experiment does not wait for it.
  if ('requestIdleCallback' in window) requestIdleCallback(() => lab.warm(), { timeout: 2000 });
  else setTimeout(() => lab.warm(), 200);

  // For scripts and tests: read and replace the pipeline text.
  Object.assign(root, { specText, setSpecText: host.setSpec });
  root.dataset.ready = 'true';
}
