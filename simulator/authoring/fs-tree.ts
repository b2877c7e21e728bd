/** Reads a folder of lesson files into `{ 'lessons/…/file': text }` (Node only: the CLIs use it). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const TEXT = /\.(ya?ml|mdx?|json|properties|conf|sh|txt|sql|py)$/;

/** Every text file under `dir`, keyed by its path relative to `root` with forward slashes. */
export function readTree(root: string, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string) => {
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TEXT.test(name)) out[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, dir));
  return out;
}
