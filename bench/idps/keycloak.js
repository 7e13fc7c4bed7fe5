'use strict';
// Keycloak: KeycloakTwilioSso (lib) vs. its resources replayed with the provider classes the
// library binds by hand (bench/idps/replay.js).
const { entry } = require('./library');
const { connectionSid, groups } = require('./twilio-fixture');
const replay = require('./replay');

const providers = (stack) => {
  const { KeycloakProvider } = entry('keycloak');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
};

exports.lib = () => {
  const { KeycloakTwilioSso } = entry('keycloak');
  const { TwilioTarget } = entry('twilio');
  return (stack, n) => {
    providers(stack);
    for (let i = 0; i < n; i++) {
      new KeycloakTwilioSso(stack, `App${i}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid: connectionSid(i) }),
        serverUrl: 'https://sso.example.com',
        realm: 'twilio',
        groups: groups(i),
      });
    }
  };
};

exports.template = (outdir, file) => replay.template(exports.lib(), outdir, file);
exports.raw = () => {
  const declare = replay.raw(process.env.BENCH_TEMPLATE);
  return (stack, n) => {
    providers(stack);
    declare(stack, n);
  };
};
