/**
 * The terminal panel: xterm.js only displays; the shell itself runs in the worker
 * (simulator/shell, a pure function of the run and the line). Line editing and history
 * are LineEditor's; Tab asks the worker for completions; Ctrl-C cancels what runs.
 * Escape leaves the terminal (Tab is completion here, so it cannot be the way out).
 */
import type { Terminal as XTerm } from '@xterm/xterm';
import { LineEditor, commonPrefix } from './line-editor.js';
import { t, pageLang } from '../../i18n/index.js';
import { terminalText } from '../../i18n/sim/index.js';

export interface ShellBackend {
  run(line: string): Promise<{ text: string; status: number }>;
  complete(line: string): Promise<{ word: string; candidates: string[] }>;
  cancel(): void;
}

/**
 * Latin monospace faces first (they set the cell width), then monospace and gothic faces with
 * Hangul: a Korean page's messages are drawn in them, two cells per syllable, as xterm counts
 * wide characters. The system's faces first; 'Noto Sans KR' (the page's web font, Hangul slices only)
 * last, for machines with no Hangul face (xterm's DOM renderer redraws when a slice arrives).
 */
export const TERMINAL_FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'D2Coding', 'NanumGothicCoding', '나눔고딕코딩', 'Noto Sans Mono CJK KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'NanumGothic', 'Noto Sans KR', monospace";

const PROMPT = '\x1b[1;32mlearner@pipeline-lab\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

export interface TerminalHandle {
  /** Runs a line as if typed (used by tests through the DOM, and by buttons such as "trace this record"). */
  type(line: string): Promise<void>;
  fit(): void;
  dispose(): void;
}

export async function createTerminal(container: HTMLElement, backend: ShellBackend): Promise<TerminalHandle> {
  const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
  // The stylesheet comes as text and goes into a <style> once: a lazily imported CSS chunk is not
  // emitted by Astro's build (only page-referenced CSS is), so `?inline` keeps it with the script.
  if (!document.getElementById('xterm-css')) {
    const css = (await import('@xterm/xterm/css/xterm.css?inline')).default;
    document.head.append(Object.assign(document.createElement('style'), { id: 'xterm-css', textContent: css }));
  }
  const term: XTerm = new Terminal({
    convertEol: true,
    cursorBlink: false,
    fontFamily: TERMINAL_FONT,
    fontSize: 13,
    rows: 16,
    scrollback: 2000,
    screenReaderMode: true,
    theme: { background: '#111418', foreground: '#e6e9ed' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(container);
  term.textarea?.setAttribute('aria-label', t('ex.terminal.inputLabel'));
  const safeFit = () => {
    try {
      fit.fit();
    } catch {
      /* not laid out yet (hidden panel) */
    }
  };
  safeFit();
  const editor = new LineEditor();
  let busy = false;

  const redraw = () => {
    const back = editor.buffer.length - editor.cursor;
    term.write(`\r\x1b[2K${PROMPT}${editor.buffer}${back > 0 ? `\x1b[${back}D` : ''}`);
  };

  const print = (text: string) => {
    if (text) term.write(`${terminalText(text, pageLang()).replace(/\r?\n/g, '\r\n')}\r\n`);
  };

  const execute = async (line: string) => {
    term.write('\r\n');
    if (line.trim() === '') {
      redraw();
      return;
    }
    busy = true;
    try {
      const out = await backend.run(line);
      print(out.text);
    } catch (error) {
      print(`\x1b[31m${t('ex.terminal.failed', { reason: error instanceof Error ? error.message : String(error) })}\x1b[0m`);
    } finally {
      busy = false;
      redraw();
    }
  };

  const tab = async () => {
    const { word, candidates } = await backend.complete(editor.beforeCursor());
    if (candidates.length === 0) return;
    if (candidates.length === 1) {
      const only = candidates[0]!;
      editor.completeWord(word, only + (only.endsWith('=') || only.endsWith('/') ? '' : ' '));
    } else {
      const prefix = commonPrefix(candidates);
      if (prefix.length > word.length) editor.completeWord(word, prefix);
      else {
        term.write('\r\n');
        print(candidates.join('  '));
      }
    }
    redraw();
  };

  term.attachCustomKeyEventHandler((event) => {
    if (event.type === 'keydown' && event.key === 'Escape') {
      // Give keyboard users a way out: focus whatever follows the terminal.
      const focusables = [...document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]')];
      const here = focusables.indexOf(term.textarea as HTMLElement);
      focusables.slice(here + 1).find((el) => !container.contains(el))?.focus();
      return false;
    }
    return true;
  });

  term.onData((data) => {
    if (busy) {
      if (data === '\x03') backend.cancel();
      return;
    }
    switch (data) {
      case '\r':
        void execute(editor.submit());
        return;
      case '\x7f':
      case '\b':
        editor.backspace();
        break;
      case '\x1b[3~':
        editor.delete();
        break;
      case '\x1b[A':
        editor.up();
        break;
      case '\x1b[B':
        editor.down();
        break;
      case '\x1b[C':
        editor.right();
        break;
      case '\x1b[D':
        editor.left();
        break;
      case '\x1b[H':
      case '\x1bOH':
      case '\x01':
        editor.home();
        break;
      case '\x1b[F':
      case '\x1bOF':
      case '\x05':
        editor.end();
        break;
      case '\x15':
        editor.killBefore();
        break;
      case '\x0b':
        editor.killAfter();
        break;
      case '\x17':
        editor.killWord();
        break;
      case '\x03':
        term.write('^C\r\n');
        editor.submit();
        editor.killBefore();
        break;
      case '\x0c':
        term.clear();
        break;
      case '\t':
        void tab();
        return;
      default:
        if (data.startsWith('\x1b')) return;
        editor.insert(data);
    }
    redraw();
  });

  print(t('ex.terminal.welcome'));
  redraw();

  return {
    async type(line: string) {
      editor.insert(line);
      redraw();
      await execute(editor.submit());
    },
    fit: safeFit,
    dispose: () => term.dispose(),
  };
}
