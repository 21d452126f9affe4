// ESLint flat config: type-aware TypeScript rules, React hooks, and the folder boundaries of STYLE.md
// as no-restricted-imports, so the runtime split is enforced by lint rather than good intentions.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong in main/.' };
const electron = { name: 'electron', message: 'Electron belongs in main/.' };
const rendererPatterns = [
  nodeBuiltins,
  {
    group: ['**/main/**'],
    message: 'The renderer reaches main/ only through window.api (renderer/platform).',
  },
];
const appAbove = {
  group: ['**/app/**'],
  message: 'renderer/app (the shell) imports the features; nothing below imports the shell.',
};
const featuresAbove = {
  group: ['**/features/**'],
  message:
    'renderer/components and renderer/db serve the features; what two features share moves down here.',
};

export default tseslint.config(
  {
    ignores: [
      '**/*.d.mts',
      'dist/',
      'release/',
      '.tsbuild/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Validators refuse control characters on purpose.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration stays off.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation stays on.',
        },
        {
          selector: "Property[key.name='sandbox'][value.value=false]",
          message: 'The sandbox stays on.',
        },
        {
          selector: "Property[key.name='webSecurity'][value.value=false]",
          message: 'webSecurity stays on.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Benchmarks run some functions inside the page.
    files: ['scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electron,
            { name: 'react', message: 'shared/ is pure TypeScript.' },
            { name: 'dexie', message: 'shared/ is pure TypeScript.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['react-*', 'dexie-*', '@mantine/*', '**/main/**', '**/renderer/**'],
              message: 'shared/ imports nothing from main/, renderer/ or UI libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '(useLiveQuery)' }],
      // Only matters under the React Compiler, which this project does not use (TanStack Table trips it).
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: [electron], patterns: rendererPatterns }],
    },
  },
  {
    // The floors of the renderer: app (the shell) on features on components and db. Nothing looks up.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [...rendererPatterns, appAbove] },
      ],
    },
  },
  {
    files: ['renderer/components/**/*.{ts,tsx}', 'renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [...rendererPatterns, appAbove, featuresAbove] },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='db'][property.name=/^(customers|sites|contracts|inventoryChunks|snapshots|imports|trueUps|rmas|timeEntries|cases|ecpsIncidents|reports|catalogOverrides|settings|changes|meta|outbox|syncVersions|syncConflicts|syncState|transaction)$/]",
          message:
            'Components read through hooks and write through repositories in renderer/db, never db.* directly.',
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'main/ has no UI.' },
            { name: 'dexie', message: 'main/ never touches the local database.' },
          ],
          patterns: [
            {
              group: ['react-*', 'dexie-*', '@mantine/*', '**/renderer/**'],
              message: 'main/ imports nothing from the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/ipc/handle.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'ipcMain',
          property: 'handle',
          message: 'Register capabilities through main/ipc/handle.ts.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
