// The Store (electron/core/store.ts) owns the SQLite connection and everything that lives as long as it. In the
// rest of the core a statement is either cached by the store (static SQL) or prepared once on purpose (SQL built
// at run time, or a statement whose mode the code changes), and no module keeps state per connection.
export const store = [
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']",
          message:
            'Use db.cached(sql) for static SQL, or db.prepareOnce(sql) for SQL built at run time or a statement whose mode you change (electron/core/store.ts).',
        },
        {
          selector: 'NewExpression[callee.name=/^Weak(Map|Set)$/]',
          message:
            'State that lives as long as a connection is a field of the Store (electron/core/store.ts).',
        },
      ],
    },
  },
];
