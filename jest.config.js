// cdktf's validation of the cloud backend runs `terraform version`, which asks checkpoint-api.hashicorp.com
// for updates unless this is set. The network guard below sees this process only, not its children.
process.env.CHECKPOINT_DISABLE = '1';

/** @type {import('jest').Config} */
module.exports = {
  // Node's environment, plus the network guard's check after a file's last test.
  testEnvironment: '<rootDir>/test/support/network-guard-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // swc strips types without type-checking: `npm run build` type-checks, tests stay fast.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // No network in tests: any non-loopback connection or DNS lookup throws and fails the test.
  setupFilesAfterEnv: ['<rootDir>/test/support/network-guard.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The examples import the package by name, as users do: here that name means the sources
  // (tsconfig.json: paths), so `npm test` needs no build.
  moduleNameMapper: { '^cdktf-twilio-sso$': '<rootDir>/lib', '^cdktf-twilio-sso/(twilio|core|checks|okta|entra|salesforce|keycloak)$': '<rootDir>/lib/$1' },
};
