// ESLint flat config. typescript-eslint's syntactic `recommended` preset only: the type-checked
// presets build a TypeScript program per file set and take minutes on two cores; `npm run typecheck`
// already covers what the type checker finds.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

export default defineConfig(
  {
    // Build output, local data, coverage and installed packages are not ours to lint.
    ignores: ['**/node_modules/', 'dist/', 'web/dist/', 'data/', 'coverage/', 'test-results/'],
  },
  {
    linterOptions: {
      // A disable comment that silences nothing hides the next real finding on that line.
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Server code, tests, benches and CLI run on Node; the web app's own block adds the browser.
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          // `_name` marks a parameter or binding kept on purpose (a callback's position, a rest-omit).
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
    },
    extends: [reactHooks.configs.flat.recommended],
  },
  // Last: switches off every stylistic rule that would fight Prettier's output.
  prettier,
);
