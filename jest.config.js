/** ts-jest in ESM mode: remark and its family are ESM-only. Type-checking is `tsc`'s job (npm test runs it first). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 20000,
  // Suites run side by side on both cores: each starts its servers on ports of its own (port 0).
  maxWorkers: 2,
};
