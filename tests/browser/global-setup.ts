/**
 * Browser tests' global setup (DESIGN §7): build the site once, serve it with
 * `astro preview` on a free port, wait until it answers, hand its URL to the tests as
 * `inject('baseURL')`, and stop the server on teardown.
 *
 * The build goes to a directory of this run's own (node_modules/.cache/pipeline-lab-site/<pid>),
 * not dist/: several people (and `npm run build`) share the working tree, and a build that
 * empties dist/ under a running preview turns every page into a 404.
 * PIPELINE_LAB_SKIP_BUILD=1 serves the existing dist/ instead (handy while iterating on tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/astro.js', import.meta.url));
const SERVER_READY_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/** Runs `astro <args>` to completion; rejects with the tail of its output when it fails. */
function runAstro(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, ...args], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`browser tests: \`astro ${args.join(' ')}\` failed (exit ${code}), so there is no site to test.\n--- last output ---\n${output.split('\n').slice(-40).join('\n')}`));
    });
  });
}

async function waitUntilServing(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`browser tests: astro preview exited (code ${server.exitCode}) before serving.\n${log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`browser tests: astro preview did not answer at ${url} within ${SERVER_READY_TIMEOUT_MS / 1000}s.\n${log()}`);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // The server runs in its own process group: signal the group so no grandchild survives.
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipBuild = process.env.PIPELINE_LAB_SKIP_BUILD === '1' && existsSync(`${root}dist/index.html`);
  const outDir = skipBuild ? `${root}dist` : `${root}node_modules/.cache/pipeline-lab-site/${process.pid}`;
  const cleanUp = () => {
    if (!skipBuild) rmSync(outDir, { recursive: true, force: true });
  };
  if (!skipBuild) {
    try {
      await runAstro(['build', '--outDir', outDir]);
    } catch (error) {
      cleanUp();
      throw error;
    }
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [astroBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const onExit = () => {
    if (server.pid !== undefined && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', onExit);

  try {
    await waitUntilServing(`${url}/`, server, () => output.split('\n').slice(-20).join('\n'));
  } catch (error) {
    await stop(server);
    cleanUp();
    throw error;
  }
  project.provide('baseURL', url);

  return async () => {
    process.off('exit', onExit);
    await stop(server);
    cleanUp();
  };
}
