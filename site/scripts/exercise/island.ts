/**
 * The hydrated exercise: editor, run controls, fault panel, results, ledger and terminal, wired
 * to the simulator worker. Loaded with dynamic import() by <pipeline-exercise> when the exercise
 * scrolls into view, so the lesson text never waits for it.
 */
import { h, richText } from './dom.js';
import { readIslandData, type IslandData } from './island-data.js';
import { SimClient, WorkerFailure } from './sim-client.js';
import { createEditor, type EditorHandle } from './editor.js';
import { createTerminal, type TerminalHandle } from './terminal.js';
import { createFaultPanel } from './fault-panel.js';
import { renderVerdict } from './results.js';
import { renderLedger } from './ledger-view.js';
import { renderDagGrids } from '../dag-grid/dag-grid-view.js';
import { renderCharts, preloadCharts, type ChartSet } from './charts.js';
import { createDiagramPanel } from '../diagram/panel.js';
import { createMetricsPanel } from '../metrics/panel.js';
import { createIncidentPanel } from './incident.js';
import { diffLines } from './line-diff.js';
import { clearDraft, loadDraft, loadHintsShown, loadResult, progressUnreadable, readProgress, recordAttempt, saveDraft, saveHintsShown, saveResult } from './storage.js';
import { parseSeed } from './seed.js';
import { nextStep } from './next-step.js';
import { decodeShare, encodeShare, sharePayloadOf } from './share.js';
import { exportButton, specSource } from '../export/export-ui.js';
import { workspaceFilesOf } from '../../../simulator/exercise/exercise-spec.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';
import { THEME_EVENT, currentTheme } from '../theme.js';
import type { LoadReply, RunProgress, RunReply, SpecIssue, TraceReply } from '../../../workers/api.js';
import type { SavedResult } from './storage.js';
import { GradeClient } from './grade-client.js';
import { renderGradeReport, renderGradingProgress } from './grade-view.js';
import { loadPrediction, savePrediction, type StoredPrediction } from './predict-store.js';
import { renderComparison, renderPredictForm } from './predict-view.js';
import { outcomeOf, type Outcome } from '../../../simulator/exercise/predict.js';
import type { RunResult } from '../../../simulator/run/result.js';

const PIPELINE = 'pipeline.yaml';

interface Ui {
  status: HTMLElement;
  alert: HTMLElement;
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  reset: HTMLButtonElement;
  solution: HTMLButtonElement;
  hint: HTMLButtonElement;
  share: HTMLButtonElement;
  seed: HTMLInputElement;
  progress: HTMLProgressElement;
  progressText: HTMLElement;
  tabs: HTMLElement;
  editor: HTMLElement;
  problems: HTMLElement;
  faults: HTMLElement;
  hints: HTMLElement;
  solutionBox: HTMLElement;
  results: HTMLElement;
  charts: HTMLElement;
  ledger: HTMLElement;
  /** The DAG-run grid of the last run (hidden when no DAG ran). */
  dagGrid: HTMLElement;
  terminal: HTMLElement;
  shareBox: HTMLElement;
  /** Says when the seed differs from the exercise's own (a run then explores but cannot pass). */
  seedNote: HTMLElement;
  solutionWhy: HTMLElement;
  /** "Next exercise" after a pass. */
  next: HTMLElement;
  diagram: HTMLElement;
  metrics: HTMLElement;
  /** An incident exercise's symptom and diagnosis (empty otherwise). */
  incident: HTMLElement;
  /** What an incident exercise keeps closed until a cause is named: the verdict, the ledger, the diagram, the charts. */
  groundTruth: HTMLElement[];
  /** Said in place of the closed verdict. */
  closedNote: HTMLElement;
  /** The prediction questions, before the first run (issue 29). */
  predict: HTMLElement;
  /** Each prediction beside what the first run did. */
  comparison: HTMLElement;
  /** Grading on every seed and fault schedule, and the smallest failing run. */
  grading: HTMLElement;
}

function button(label: string, cls = '', attrs: Record<string, string | boolean> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: cls, ...attrs }, label);
}

function buildUi(root: HTMLElement, data: IslandData, fileNames: string[]): Ui {
  const id = `ex-${data.slug}`;
  const ui: Ui = {
    status: h('p', { class: 'ex-status', role: 'status', 'aria-live': 'polite' }),
    alert: h('div', { class: 'ex-alert', role: 'alert', hidden: true }),
    run: button(t('ex.run'), 'ex-primary', { 'aria-keyshortcuts': 'Control+Enter' }),
    cancel: button(t('ex.cancel'), '', { disabled: true }),
    reset: button(t('ex.reset')),
    solution: button(t('ex.solution.show'), '', { disabled: true, 'aria-describedby': `${id}-solution-why` }),
    hint: button(t('ex.hint.show')),
    share: button(t('ex.share')),
    seed: h('input', { type: 'number', id: `${id}-seed`, min: 0, max: 4294967295, step: 1, inputmode: 'numeric', class: 'ex-seed' }),
    progress: h('progress', { max: 1, value: 0, id: `${id}-progress`, 'aria-label': t('ex.progress.label') }),
    progressText: h('span', { class: 'ex-progress__text' }),
    tabs: h('div', { role: 'tablist', class: 'ex-tabs', 'aria-label': t('ex.tabs.label') }),
    editor: h('div', { class: 'ex-editor', id: `${id}-editor`, role: 'tabpanel' }),
    problems: h('ul', { class: 'ex-problems', 'aria-label': t('ex.problems.label') }),
    faults: h('div', { class: 'ex-faults-body' }),
    hints: h('ol', { class: 'ex-hints' }),
    solutionBox: h('div', { class: 'ex-solution', hidden: true }),
    results: h('div', { class: 'ex-results-body' }),
    charts: h('div', { class: 'ex-charts' }),
    ledger: h('div', { class: 'ex-ledger' }),
    dagGrid: h('div', { class: 'ex-dag-grid' }),
    terminal: h('div', { class: 'ex-terminal-host' }),
    shareBox: h('div', { class: 'ex-share', hidden: true }),
    seedNote: h('p', { class: 'ex-note ex-seed-note', hidden: true }),
    solutionWhy: h('p', { class: 'ex-note ex-solution-why', id: `${id}-solution-why` }, t('ex.solution.why')),
    next: h('p', { class: 'ex-next', hidden: true }),
    diagram: h('div', { class: 'pd-panel' }),
    metrics: h('div', { class: 'ex-metrics' }),
    incident: h('section', { class: 'ex-inc', 'aria-label': t('inc.title'), hidden: true }),
    groundTruth: [],
    closedNote: h('p', { class: 'ex-note ex-inc__closed', hidden: true }, t('inc.closed')),
    predict: h('section', { class: 'ex-predict', hidden: true }),
    comparison: h('section', { class: 'ex-predict-compare', hidden: true }),
    grading: h('section', { class: 'ex-grading', hidden: true, 'aria-label': t('gr.title') }),
  };
  ui.tabs.hidden = fileNames.length < 2;
  // Each result section folds away on its own (a <details>), open to start with.
  const section = (cls: string, label: string, ...body: (HTMLElement | null)[]) =>
    h('details', { class: `ex-section ${cls}`, open: true }, h('summary', {}, label), ...body);
  const verdict = h('div', { class: 'ex-verdict-box' }, ui.results, ui.grading, ui.comparison, ui.next);
  const ledger = section('ex-section--ledger', t('ex.ledger.title'), ui.ledger);
  const dagRuns = section('ex-section--dag-grid', t('dg.title'), ui.dagGrid);
  dagRuns.hidden = true;
  const diagram = section('ex-section--diagram', t('pd.panel.title'), ui.diagram);
  const charts = section('ex-section--charts', t('ex.section.charts'), ui.charts);
  ui.groundTruth.push(verdict, ledger, diagram, charts);
  root.append(
    ui.alert,
    ui.incident,
    // The workbench: on wide screens files and editor on the left, the verdict and what the run
    // shows on the right, so Run and its verdict share one screen; narrow screens stack them.
    h(
      'div',
      { class: 'ex-bench' },
      h(
        'div',
        { class: 'ex-bench__edit' },
        h(
          'div',
          { class: 'ex-toolbar', role: 'toolbar', 'aria-label': t('ex.toolbar.label') },
          ui.run,
          ui.cancel,
          ui.reset,
          ui.hint,
          ui.solution,
          ui.share,
          h('span', { class: 'ex-seed-field' }, h('label', { for: ui.seed.id }, t('ex.seed')), ui.seed),
        ),
        // Visible, not only to screen readers: a greyed-out button with no reason puzzles everyone.
        ui.solutionWhy,
        ui.seedNote,
        h('div', { class: 'ex-progress', hidden: true }, ui.progress, ui.progressText),
        ui.status,
        ui.predict,
        ui.shareBox,
        ui.tabs,
        ui.editor,
        ui.problems,
        h('details', { class: 'ex-panel' }, h('summary', {}, t('ex.faults.title')), ui.faults),
        ui.hints,
        ui.solutionBox,
      ),
      h(
        'section',
        // Named after the exercise: a lesson with two exercises must not have two landmarks called "Results".
        { class: 'ex-bench__out ex-results', 'aria-label': t('ex.results.labelFor', { title: data.exercise.title }) },
        ui.closedNote,
        verdict,
        dagRuns,
        ledger,
        diagram,
        charts,
        section('ex-section--metrics', t('mx.title'), ui.metrics),
        section('ex-terminal', t('ex.terminal.title'), h('p', { class: 'ex-note' }, richText(t('ex.terminal.intro'))), ui.terminal),
      ),
    ),
  );
  return ui;
}

export async function mount(root: HTMLElement): Promise<void> {
  const data = readIslandData(root);
  if (!data) return;
  const ex = data.exercise;
  const slug = data.slug;
  const editable = ex.editable;
  const fileNames = [...editable, ...ex.readonly.filter((f) => !editable.includes(f))];
  const files: Record<string, string> = {};
  for (const name of fileNames) files[name] = ex.starter[name] ?? '';
  let seed = ex.seed;
  let restoredFrom: 'share' | 'draft' | undefined;
  // What was set aside, said once each: a draft and a progress entry can both be unreadable.
  const setAside: string[] = [];
  let shareProblem: string | undefined;

  const payload = sharePayloadOf(location.hash);
  if (payload !== undefined) {
    const decoded = await decodeShare(payload, slug, editable);
    if (decoded.ok) {
      Object.assign(files, decoded.state.files);
      seed = decoded.state.seed;
      restoredFrom = 'share';
    } else if (decoded.reason !== 'other-exercise') shareProblem = t(`ex.share.${decoded.reason}` as const);
  }
  if (!restoredFrom) {
    const draft = loadDraft(slug);
    if (draft === 'corrupt') setAside.push(t('ex.storage.corrupt'));
    else if (draft) {
      for (const name of editable) if (typeof draft.files[name] === 'string') files[name] = draft.files[name];
      seed = draft.seed;
      restoredFrom = 'draft';
    }
  }

  if (progressUnreadable(slug)) setAside.push(t('ex.storage.corruptProgress'));
  // Focus sat on the starter code (tabbing in hydrated the exercise): hand it on to Run, which
  // replaces that code, so the first Tab pass reaches Run.
  const hadFocus = root.contains(document.activeElement) && document.activeElement !== root;
  root.querySelector('.ex-static')?.setAttribute('hidden', '');
  const ui = buildUi(root, data, fileNames);
  if (hadFocus) ui.run.focus();
  ui.seed.value = String(seed);
  const announce = (m: string) => (ui.status.textContent = m);
  if (setAside.length > 0) {
    // Said once: the entry has been moved aside, so the next visit finds nothing to report.
    ui.alert.replaceChildren(...setAside.map((m) => h('p', {}, m)));
    ui.alert.hidden = false;
    announce(setAside.join(' '));
  } else if (shareProblem) announce(shareProblem);
  else if (restoredFrom) announce(t(restoredFrom === 'share' ? 'ex.restored.share' : 'ex.restored.draft'));

  const client = new SimClient();
  // Grading and prediction outcomes run in workers of their own (grade.worker.ts).
  const grader = new GradeClient();
  const fates = new GradeClient();
  const questions = ex.predictions ?? [];
  let prediction: StoredPrediction | undefined = questions.length > 0 ? (loadPrediction(slug, questions) ?? { guesses: questions.map(() => null), skipped: false }) : undefined;
  const showPrediction = () => {
    if (!prediction) return;
    const answered = prediction.guesses.some((g) => g !== null);
    // Once the first run has happened the comparison shows the answers; the form is only for before it.
    ui.predict.hidden = prediction.skipped || prediction.ranAt !== undefined;
    if (!ui.predict.hidden) renderPredictForm(ui.predict, `ex-${slug}-predict`, questions, prediction, (next) => savePrediction(slug, (prediction = next)), announce);
    ui.comparison.hidden = prediction.outcomes === undefined || !answered;
    if (!ui.comparison.hidden) renderComparison(ui.comparison, questions, prediction);
  };
  showPrediction();
  // The live pipeline diagram (site/scripts/diagram): shown above the results, follows runs and traces.
  const diagramHost = ui.diagram;
  let editor: EditorHandle | undefined;
  let charts: ChartSet | undefined;
  // The charts over time follow the diagram's scrubber (and pick up its time once they are drawn).
  let diagramTime: number | null = null;
  const diagram = createDiagramPanel(diagramHost, (timeMs) => {
    diagramTime = timeMs;
    charts?.setTime(timeMs);
    metricsPanel.setTime(timeMs);
  });
  // The operator's metrics (site/scripts/metrics) share the diagram's time; an alert's "Go to" moves it.
  // An incident's alert is drawn from the start: it is what paged the learner.
  const metricsPanel = createMetricsPanel(ui.metrics, { onSeek: (timeMs) => diagram.setTime(timeMs), ...(ex.incident?.alert ? { rules: [ex.incident.alert] } : {}) });
  // An incident exercise keeps the ground truth closed until the learner has named a cause.
  const setClosed = (closed: boolean) => {
    for (const el of ui.groundTruth) el.hidden = closed;
    ui.closedNote.hidden = !closed;
  };
  const incident = ex.incident ? createIncidentPanel(ui.incident, slug, ex.incident, (answered) => setClosed(!answered)) : undefined;
  if (incident) {
    ui.incident.hidden = false;
    setClosed(!incident.answered);
  }
  let current = fileNames[0] ?? PIPELINE;
  let attempted = readProgress(slug) !== null;
  let running = false;
  let hintsShown = Math.min(loadHintsShown(slug), ex.hints.length);
  const issuesByFile = new Map<string, SpecIssue[]>();

  /** The seed in the field, set back to the last good one (and said so) when it is not a whole number in range. */
  let goodSeed = seed;
  const currentSeed = (): number => {
    const parsed = parseSeed(ui.seed.value);
    if (parsed === undefined) {
      announce(t('ex.seed.invalid', { value: ui.seed.value || '""', seed: goodSeed }));
      ui.seed.value = String(goodSeed);
    } else goodSeed = parsed;
    ui.seedNote.hidden = goodSeed === ex.seed;
    ui.seedNote.textContent = t('ex.seed.explore', { seed: goodSeed, own: ex.seed });
    return goodSeed;
  };
  currentSeed();
  const textOf = (name: string) => editor?.value(name) ?? files[name] ?? '';
  const editedFiles = () => Object.fromEntries(editable.map((n) => [n, textOf(n)]));

  const showFailure = (error: unknown) => {
    const f = error instanceof WorkerFailure ? error : new WorkerFailure('threw', String(error));
    const restart = button(t('ex.worker.restart'), 'ex-primary');
    restart.addEventListener('click', () => {
      ui.alert.hidden = true;
      client.start();
      void loadInWorker().then(() => announce(t('ex.worker.restarted')));
    });
    ui.alert.replaceChildren(h('p', {}, t(`ex.worker.${f.kind}` as const)), h('p', { class: 'ex-note' }, t('ex.worker.draftSafe')), h('details', {}, h('summary', {}, t('ex.worker.details')), h('code', {}, f.detail)), restart);
    ui.alert.hidden = false;
    // The status line still said "Running…": replace it, so nothing claims a run is going on.
    announce(t(`ex.worker.${f.kind}` as const));
    setRunning(false);
  };

  const loadInWorker = async () => {
    const loaded = await client.call<LoadReply>((api) => api.load(slug, data.lessonDir, data.files, document.documentElement.lang));
    if (!loaded.ok) throw new WorkerFailure('threw', loaded.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  };

  const renderProblems = () => {
    ui.problems.replaceChildren();
    for (const [name, issues] of issuesByFile) {
      for (const i of issues) {
        const b = button(`${name}:${i.line}:${i.column}`, 'ex-link-button');
        b.addEventListener('click', () => {
          // The file's tab is selected too, so the tab list says which file the editor shows.
          if (fileNames.includes(name)) selectTab(fileNames.indexOf(name));
          editor?.reveal(name, i.line, i.column);
        });
        ui.problems.append(
          h('li', { class: `ex-problem ex-problem--${i.severity}` }, b, ' ', h('span', {}, `${i.severity === 'error' ? t('ex.problems.error') : t('ex.problems.warning')}: `, richText(simText(i.message, pageLang()))), i.hint ? h('span', { class: 'ex-problem__hint' }, ' — ', richText(simText(i.hint, pageLang()))) : null),
        );
      }
    }
  };

  // One debounce per file: a shared timer would validate only the last of several files opened at once.
  const validateTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Every file's current text (editable and read-only): a workspace file is judged with the others. */
  const allFiles = () => Object.fromEntries(fileNames.map((n) => [n, textOf(n)]));
  const validateNow = (name: string) => {
    void client
      .call((api) => api.validate(textOf(name), name, ex.workspace ? allFiles() : undefined))
      .then((v) => {
        const issues = [...v.errors, ...v.warnings];
        issuesByFile.set(name, issues);
        editor?.setIssues(name, issues);
        editor?.setLocked(name, v.locked);
        renderProblems();
      })
      .catch(showFailure);
  };
  const validateSoon = (name: string) => {
    // In a workspace a change in one file can fix or break another (a host renamed, a port changed): all are judged again.
    const names = ex.workspace ? fileNames : [name];
    for (const n of names) {
      clearTimeout(validateTimers.get(n));
      validateTimers.set(n, setTimeout(() => {
        if (!ex.workspace && !n.endsWith('.yaml') && !n.endsWith('.yml')) return;
        validateNow(n);
      }, 250));
    }
  };

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let savePending = false;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    savePending = true;
    saveTimer = setTimeout(() => {
      savePending = false;
      saveDraft(slug, editedFiles(), currentSeed());
    }, 300);
  };
  // Leaving the page (the language switch, a link) within the 300 ms would drop the last edits.
  window.addEventListener('pagehide', () => {
    if (!savePending) return;
    clearTimeout(saveTimer);
    savePending = false;
    saveDraft(slug, editedFiles(), currentSeed());
  });

  // Tabs (only shown with several files): arrow keys move between them (WAI-ARIA tabs pattern).
  const tabButtons = fileNames.map((name, i) => {
    // A real path shows its folder (the host: `web1/`, `logstash/pipeline/`) quieter than the file name.
    const cut = name.lastIndexOf('/') + 1;
    const label = [...(cut > 0 ? [h('span', { class: 'ex-tab__dir' }, name.slice(0, cut))] : []), name.slice(cut) + (editable.includes(name) ? '' : ` ${t('ex.tabs.readonly')}`)];
    const tab = h('button', { type: 'button', role: 'tab', id: `ex-${slug}-tab-${i}`, 'aria-controls': ui.editor.id, 'aria-selected': String(i === 0), tabindex: i === 0 ? 0 : -1 }, ...label);
    tab.addEventListener('click', () => selectTab(i));
    tab.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? fileNames.length - 1 : -2;
      if (next === -2) return;
      e.preventDefault();
      selectTab((next + fileNames.length) % fileNames.length);
      tabButtons[(next + fileNames.length) % fileNames.length]?.focus();
    });
    ui.tabs.append(tab);
    return tab;
  });
  const selectTab = (i: number) => {
    current = fileNames[i] ?? current;
    tabButtons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    ui.editor.setAttribute('aria-labelledby', tabButtons[i]?.id ?? '');
    editor?.show(current);
  };

  const setRunning = (on: boolean) => {
    running = on;
    ui.run.disabled = on;
    ui.cancel.disabled = !on;
    (ui.progress.parentElement as HTMLElement).hidden = !on;
    root.toggleAttribute('data-running', on);
  };

  const onProgress = (p: RunProgress) => {
    ui.progress.value = p.fraction;
    ui.progressText.textContent = t('ex.progress.text', { done: (p.simulatedMs / 1000).toFixed(1), total: (p.totalMs / 1000).toFixed(0), events: p.events.toLocaleString('en') });
  };

  /** The seed the shown run used (a terminal `sim run` uses the field's seed too). */
  let ranSeed = seed;
  /**
   * Draws a verdict and counts it: passed only on the exercise's own seed, so another seed lets
   * the learner explore but never marks the exercise done.
   */
  const showVerdict = (saved: SavedResult, warnings: readonly SpecIssue[] = [], override?: string) => {
    const fair = saved.passed && saved.seed === ex.seed;
    // The reference solution's cost was computed on the exercise's own seed: compared only with a run on that seed.
    const reference = saved.seed === ex.seed ? data.referenceCost : undefined;
    renderVerdict(ui.results, saved.result, saved.checks, fair, warnings, override ?? (saved.passed && !fair ? t('ex.result.otherSeed', { seed: saved.seed, own: ex.seed }) : undefined), reference);
    recordAttempt(slug, fair);
    attempted = true;
    ui.solution.disabled = false;
    ui.solutionWhy.hidden = true;
    root.dataset.passed = String(fair);
    const next = fair ? nextStep(root) : undefined;
    ui.next.hidden = !next;
    ui.next.replaceChildren(...(next ? [h('a', { href: next.href, class: 'ex-next__link' }, t(next.kind === 'exercise' ? 'ex.next' : 'ex.next.lesson', { title: next.title }))] : []));
  };

  /** The first finished run after predicting: what it did, per question, kept with the prediction. */
  const comparePrediction = async (result: RunResult, runFiles: Record<string, string>) => {
    if (!prediction || prediction.ranAt !== undefined) return;
    const answered = prediction.guesses.some((g) => g !== null);
    const changed = editable.some((n) => (runFiles[n] ?? '') !== (ex.starter[n] ?? ''));
    let outcomes: (Outcome | null)[] = questions.map((q) => (q.kind === 'fate' ? null : (outcomeOf(q, result) ?? null)));
    if (answered && questions.some((q) => q.kind === 'fate')) {
      // A record's fate needs the traces the simulator worker keeps: the grading worker reruns this run for them.
      const full = await fates.outcomes({ slug, lessonDir: data.lessonDir, exerciseFiles: data.files, files: runFiles }).catch(() => undefined);
      if (full) outcomes = outcomes.map((o, i) => o ?? full[i] ?? null);
    }
    prediction = { ...prediction, ranAt: Date.now(), outcomes, ...(changed ? { changed: true } : {}) };
    savePrediction(slug, prediction);
    showPrediction();
  };

  const showReply = async (reply: RunReply) => {
    ui.results.replaceChildren();
    charts?.destroy();
    ui.charts.replaceChildren();
    ui.ledger.replaceChildren();
    if (reply.kind === 'invalid') {
      // Each problem goes to the file it names (a workspace's real files; pipeline.yaml otherwise).
      const byFile = new Map<string, SpecIssue[]>();
      for (const i of [...reply.errors, ...reply.warnings]) {
        const name = fileNames.includes(i.file) ? i.file : current;
        byFile.set(name, [...(byFile.get(name) ?? []), i]);
      }
      for (const name of fileNames) {
        if (!byFile.has(name) && !issuesByFile.has(name)) continue;
        issuesByFile.set(name, byFile.get(name) ?? []);
        editor?.setIssues(name, issuesByFile.get(name)!);
      }
      renderProblems();
      ui.results.append(h('p', { class: 'ex-verdict ex-verdict--fail' }, t('ex.result.invalid', { n: reply.errors.length })));
      announce(t('ex.result.invalid', { n: reply.errors.length }));
      return;
    }
    if (reply.kind === 'cancelled') {
      ui.results.append(h('p', { class: 'ex-verdict ex-verdict--neutral' }, t('ex.result.cancelled')));
      announce(t('ex.result.cancelled'));
      return;
    }
    const runFiles = editedFiles();
    void comparePrediction(reply.result as unknown as RunResult, runFiles);
    // A run that passes on the exercise's seed is graded on every grading seed and fault schedule
    // before it counts: the verdict waits for that, so a lucky pipeline is never marked passed.
    let passed = reply.passed;
    let override: string | undefined;
    if (reply.passed && ranSeed === ex.seed) {
      ui.grading.hidden = false;
      renderGradingProgress(ui.grading, 0, ex.grading.seeds.length - 1 + (ex.grading.family ? ex.grading.budget : 0));
      try {
        const report = await grader.grade({ slug, lessonDir: data.lessonDir, exerciseFiles: data.files, files: runFiles }, (done, total) => renderGradingProgress(ui.grading, done, total));
        passed = report.passed;
        if (!passed) override = t('gr.failed');
        await renderGradeReport(ui.grading, report);
      } catch (error) {
        passed = false;
        override = t('gr.error', { error: error instanceof Error ? error.message : String(error) });
        ui.grading.replaceChildren();
        ui.grading.hidden = true;
      }
    }
    showVerdict({ seed: ranSeed, passed, checks: reply.checks, result: reply.result, savedAt: Date.now() }, reply.warnings, override);
    incident?.ranOnce();
    // While an incident is undiagnosed the verdict is closed: say the run is done, not what it found.
    announce(incident && !incident.answered ? t('inc.closed') : (ui.results.querySelector('.ex-verdict')?.textContent ?? ''));
    saveResult(slug, { seed: ranSeed, passed, checks: reply.checks, result: { ended: reply.result.ended, simulatedMs: reply.result.simulatedMs, events: reply.result.events }, savedAt: Date.now() });
    // How long the worker took to simulate (for the benches: click-to-verdict minus this is the page's share).
    root.dataset.wallMs = String(Math.round(reply.wallMs));
    void client.call((api) => api.diagram()).then((m) => {
      void metricsPanel.show(reply.result, m?.faults).then(() => metricsPanel.setTime(diagramTime));
      return m ? diagram.showRun(m, reply.result) : undefined;
    });
    charts = await renderCharts(ui.charts, reply.result);
    charts.setTime(diagramTime);
    void client.call((api) => api.dagGrids()).then((grids) => {
      const shown = renderDagGrids(ui.dagGrid, grids ?? [], `ex-${slug}`);
      if (ui.dagGrid.parentElement) ui.dagGrid.parentElement.hidden = !shown;
    });
    renderLedger(ui.ledger, reply.result, {
      entries: (output, kind) => client.call((api) => api.ledger(output, kind, 50)),
      trace: (id) =>
        client.call<TraceReply>((api, progress) => api.trace(id, progress), onProgress).then((r) => {
          if (r.ok) diagram.follow(r.story);
          return r;
        }),
    });
  };

  const run = async () => {
    if (running) return;
    ui.alert.hidden = true;
    // Old results would read as this run's: clear them until the new verdict arrives.
    charts?.destroy();
    charts = undefined;
    diagramTime = null;
    metricsPanel.clear();
    grader.stop();
    ui.grading.replaceChildren();
    ui.grading.hidden = true;
    ui.results.replaceChildren();
    ui.charts.replaceChildren();
    ui.ledger.replaceChildren();
    ui.dagGrid.replaceChildren();
    setRunning(true);
    ui.progress.value = 0;
    ui.progressText.textContent = t('ex.progress.preparing');
    announce(t('ex.running'));
    let heard = false;
    // Building a big run (the workload's true answer, every node) can take seconds before the first slice.
    const slow = setTimeout(() => {
      if (!heard) announce(t('ex.running.slowStart'));
    }, 5000);
    try {
      const reply = await client.call<RunReply>(
        (api, progress) => api.run({ files: editedFiles(), seed: (ranSeed = currentSeed()) }, progress),
        (p) => {
          heard = true;
          onProgress(p);
        },
      );
      setRunning(false);
      await showReply(reply);
    } catch (error) {
      showFailure(error);
    } finally {
      clearTimeout(slow);
    }
  };

  ui.run.addEventListener('click', () => void run());
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  ui.cancel.addEventListener('click', () => {
    client.cancel();
    announce(t('ex.cancelling'));
  });
  ui.reset.addEventListener('click', () => {
    for (const name of editable) editor?.setValue(name, ex.starter[name] ?? '');
    ui.seed.value = String(ex.seed);
    clearDraft(slug);
    announce(t('ex.reset.done'));
  });
  ui.seed.addEventListener('change', () => {
    currentSeed();
    saveSoon();
  });

  ui.hint.disabled = ex.hints.length === 0;
  const renderHints = () => {
    ui.hints.replaceChildren(...ex.hints.slice(0, hintsShown).map((text, i) => h('li', {}, h('strong', {}, t('ex.hint.number', { n: i + 1, total: ex.hints.length })), ' ', richText(text))));
    ui.hint.textContent = hintsShown >= ex.hints.length ? t('ex.hint.none') : hintsShown === 0 ? t('ex.hint.show') : t('ex.hint.next');
    ui.hint.disabled = hintsShown >= ex.hints.length;
  };
  ui.hint.addEventListener('click', () => {
    hintsShown = Math.min(ex.hints.length, hintsShown + 1);
    saveHintsShown(slug, hintsShown);
    renderHints();
    announce(t('ex.hint.shown', { n: hintsShown, total: ex.hints.length }));
  });
  renderHints();

  ui.solution.disabled = !attempted;
  ui.solutionWhy.hidden = attempted;
  // The last verdict survives a reload (drawn from what was saved; the run itself is not kept).
  const last = loadResult(slug);
  if (last) {
    ranSeed = last.seed;
    showVerdict(last);
    ui.results.prepend(h('p', { class: 'ex-note ex-restored-result' }, t('ex.results.restored', { when: new Date(last.savedAt).toLocaleString('en') })));
  } else ui.results.append(h('p', { class: 'ex-note ex-results-empty' }, t('ex.results.empty')));
  ui.solution.addEventListener('click', () => {
    if (!ui.solutionBox.hidden) {
      ui.solutionBox.hidden = true;
      ui.solution.textContent = t('ex.solution.show');
      return;
    }
    const blocks = editable.map((name) => {
      const diff = diffLines(textOf(name), ex.solution[name] ?? ex.starter[name] ?? '');
      const same = diff.every((d) => d.op === 'same');
      return h(
        'figure',
        { class: 'ex-diff' },
        h('figcaption', {}, t('ex.solution.diffTitle', { file: name })),
        same ? h('p', { class: 'ex-note' }, t('ex.solution.same')) : h('pre', { class: 'ex-diff__body', tabindex: 0, 'aria-label': t('ex.solution.diffTitle', { file: name }) }, ...diff.map((d) => h(d.op === 'add' ? 'ins' : d.op === 'del' ? 'del' : 'span', { class: `ex-diff__${d.op}` }, `${d.op === 'add' ? '+ ' : d.op === 'del' ? '- ' : '  '}${d.text}\n`))),
      );
    });
    const apply = button(t('ex.solution.apply'), 'ex-primary');
    apply.addEventListener('click', () => {
      for (const name of editable) editor?.setValue(name, ex.solution[name] ?? ex.starter[name] ?? '');
      announce(t('ex.solution.applied'));
    });
    ui.solutionBox.replaceChildren(h('h3', {}, t('ex.solution.title')), h('p', { class: 'ex-note' }, t('ex.solution.legend')), ...blocks, apply);
    ui.solutionBox.hidden = false;
    ui.solution.textContent = t('ex.solution.hide');
  });

  ui.share.addEventListener('click', async () => {
    const fragment = await encodeShare({ slug, files: editedFiles(), seed: currentSeed() });
    const url = `${location.origin}${location.pathname}#${fragment}`;
    history.replaceState(null, '', `#${fragment}`);
    const field = h('input', { type: 'text', readonly: true, value: url, class: 'ex-share__url', 'aria-label': t('ex.share.urlLabel') });
    ui.shareBox.replaceChildren(h('p', {}, t('ex.share.ready')), field);
    ui.shareBox.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      announce(t('ex.share.copied'));
    } catch {
      announce(t('ex.share.copyYourself'));
    }
  });

  // Export for real engines: the learner's files as they run now (a workspace's real files, or pipeline.yaml written as real files).
  ui.share.after(exportButton(() => (ex.workspace ? { kind: 'workspace', files: workspaceFilesOf(ex, editedFiles()) } : specSource(textOf(PIPELINE))), () => slug, announce));

  const faultHost = {
    text: () => textOf(PIPELINE),
    setText: (text: string) => editor?.setValue(PIPELINE, text),
    announce,
  };
  const faultPanel = editable.includes(PIPELINE) ? createFaultPanel(ui.faults, faultHost, ex.faultsLocked) : undefined;

  // The worker, the schema and the heavy libraries load in parallel.
  client.onDeath = showFailure;
  client.start();
  try {
    const [schema, configSchemas] = await Promise.all([client.call((api) => api.schema(pageLang())), client.call((api) => api.configSchemas(pageLang())), loadInWorker()]);
    editor = await createEditor(
      ui.editor,
      fileNames.map((name) => ({ name, text: files[name] ?? '', readOnly: !editable.includes(name) })),
      schema,
      {
        dark: currentTheme() === 'dark',
        label: t('ex.editor.label'),
        configSchemas,
        onRun: () => void run(),
        onChange: (name) => {
          saveSoon();
          validateSoon(name);
          if (name === PIPELINE) faultPanel?.refresh();
        },
      },
    );
  } catch (error) {
    showFailure(error);
  }
  selectTab(0);
  for (const name of fileNames) validateSoon(name);
  void client.call((api) => api.diagram(editedFiles())).then((m) => (m ? diagram.showModel(m) : undefined)).catch(() => undefined);
  document.addEventListener(THEME_EVENT, () => editor?.setTheme(currentTheme() === 'dark'));

  const terminal: TerminalHandle = await createTerminal(ui.terminal, {
    run: (line) => {
      // An undiagnosed incident keeps the ground truth closed in the terminal too: `ledger` and `trace` are the ledger.
      if (incident && !incident.answered && /^\s*(ledger|trace)\b/.test(line)) return Promise.resolve({ text: t('inc.closed'), status: 1 });
      return client.call(async (api, progress) => {
        const request = { files: editedFiles(), seed: currentSeed() };
        const reply = await api.shell(line, progress, request);
        if (reply.ran) ranSeed = request.seed;
        if (reply.ran) void showReply(reply.ran);
        // `trace <id>` also highlights the record's path on the diagram (the story is cached in the worker).
        const traced = /^\s*trace\s+(\S+)/.exec(line);
        if (traced && reply.status === 0) void api.trace(traced[1]!).then((r) => (r.ok ? diagram.follow(r.story) : undefined));
        return reply;
      }, onProgress);
    },
    complete: (line) => client.call((api) => api.complete(line)),
    cancel: () => client.cancel(),
  });
  new ResizeObserver(() => terminal.fit()).observe(ui.terminal);
  preloadCharts();

  // Programmatic access for scripts and tests: read and replace a file's text.
  Object.assign(root, {
    fileText: (name: string) => textOf(name),
    setFileText: (name: string, text: string) => editor?.setValue(name, text),
  });
  root.dataset.ready = 'true';
}
