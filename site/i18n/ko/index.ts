/**
 * Korean UI strings: every `*.ts` file in this folder, merged. Each file exports one object
 * whose keys are the keys of its English twin in `../en/` (same file name). A new area
 * (`workspace.ts`, `limits.ts`, …) is picked up by the glob without an edit here.
 */
const modules = import.meta.glob<Record<string, Readonly<Record<string, string>>>>(['./*.ts', '!./index.ts'], { eager: true });

export const ko: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.keys(modules)
    .sort()
    .flatMap((path) => Object.values(modules[path]!)),
);
