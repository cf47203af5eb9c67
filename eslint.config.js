// ESLint flat configuration: the recommended JavaScript and typescript-eslint rules, with the few
// choices this code base makes.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Rules are generic over their options (RuleDefinition<any>): `any` is a deliberate choice there.
      '@typescript-eslint/no-explicit-any': 'off',
      // A leading underscore marks what is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Messages use NUL-delimited placeholders, and output sanitising matches control characters.
      'no-control-regex': 'off',
    },
  },
);
