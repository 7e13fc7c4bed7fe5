'use strict';
// jest's Node environment plus the network guard's last check (test/support/network-guard.ts): a
// connection attempted after a file's last test ends (a timer, an un-awaited request, the file's own
// afterAll) fails that file, naming the host, instead of going unseen. Plain JS: jest loads it as is.
const { TestEnvironment } = require('jest-environment-node');
const net = require('net');
const path = require('path');

class NetworkGuardEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testFile = path.relative(config.projectConfig.rootDir, context.testPath);
  }

  async teardown() {
    if (this.networkGuardDone) return;
    this.networkGuardDone = true;
    const state = net[Symbol.for('cdktf-twilio-sso.network-guard')];
    const attempts = state ? state.attempts.splice(0) : [];
    await super.teardown();
    if (attempts.length > 0) {
      throw new Error(
        `After the last test of ${this.testFile}, the test suite tried to reach the network (tests may reach loopback only; see test/support/network-guard.ts):\n  - ${attempts.join('\n  - ')}`,
      );
    }
  }
}

module.exports = NetworkGuardEnvironment;
