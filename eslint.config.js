// Lint keeps the architecture honest (STYLE §1, §5): simulator/ is pure and deterministic,
// workers/ never reaches into site/, and nothing under simulator/ touches the DOM.
import tseslint from 'typescript-eslint';

const determinism = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'simulator/ must be deterministic: use the seeded Rng from core/prng.ts.' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'simulator/ has no wall clock: use virtual time (ctx.now()).' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'simulator/ has no wall clock: use virtual time (ctx.now()).' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'simulator/ has no wall clock: `new Date()` reads it.' },
];

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'self', 'postMessage', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'fetch'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/cli/**', 'simulator/authoring/*-cli.ts', 'simulator/authoring/fs-*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...determinism],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'simulator/ runs in Node and in a Worker: no DOM or host APIs.' }))],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/site/**', '**/workers/**'], message: 'simulator/ is the bottom layer: it imports nothing from site/ or workers/.' },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'simulator/ core must run in a browser Worker: no Node built-ins (CLI and authoring tools excepted).' },
          ],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/site/**'], message: 'workers/ sits below site/: it never imports from it.' }] }],
    },
  },
);
