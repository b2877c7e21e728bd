/**
 * Running the CLI inside a test: its output captured instead of printed, a run's `--json` text, and a
 * workspace written to a fresh temporary folder (what the export tests import and run again).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../simulator/cli/run-cli.js';

export interface CapturedIo {
  out: string;
  err: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function captureIo(): CapturedIo {
  const io: CapturedIo = { out: '', err: '', stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) };
  return io;
}

/** `npm run sim -- <path> --json`, which must succeed; its standard output. */
export function runJson(path: string): string {
  const io = captureIo();
  expect(runCli([path, '--json'], io), io.err).toBe(0);
  return io.out;
}

/** The files, written under a new temporary folder named `<prefix>…`; the folder. */
export function writeFolder(files: ReadonlyMap<string, string>, prefix = 'workspace-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of files) {
    mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...path.split('/')), text);
  }
  return dir;
}
