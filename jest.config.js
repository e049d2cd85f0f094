/* Jest runs every suite: unit tests next to the code, API tests against a real host,
 * and browser tests in e2e/ (Debian's Chromium). */
const transform = {
  '^.+\\.[tj]sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
  ],
};
const shared = {
  transform,
  // EUI's uuid dependency ships ESM only.
  transformIgnorePatterns: ['/node_modules/(?!uuid/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/common', '<rootDir>/server', '<rootDir>/standalone'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/public'],
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.test.ts'],
    },
  ],
  testTimeout: 30000,
};
