// One lint setup for the whole workspace; it also keeps package boundaries (core stays pure).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'bench/results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a literal union instead of enum.' },
      ],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
              message: 'core does no I/O.',
            },
            {
              group: [
                'fastify',
                '@fastify/*',
                'kysely',
                'pg',
                'better-sqlite3',
                'react',
                'react-dom',
                'antd',
                'antd-mobile',
              ],
              message: 'core stays framework-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a literal union instead of enum.' },
        {
          selector: "NewExpression[callee.name='Error']",
          message: 'Throw DomainError(code, details) from services.',
        },
      ],
    },
  },
  {
    // Migrations are frozen in time and take Kysely<any> on purpose (kysely-org/kysely's advice).
    files: ['apps/server/src/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}', 'apps/field/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
