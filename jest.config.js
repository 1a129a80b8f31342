/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', isolatedModules: false }],
  },
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
