'use strict';
// Keycloak: KeycloakTwilioSso (lib) vs. its resources replayed with the provider classes the
// library binds by hand (bench/idps/replay.js).
const { connectionSid, groups } = require('./twilio-fixture');
const replay = require('./replay');

const providers = (stack) => {
  const { KeycloakProvider } = require('cdktf-twilio-sso/keycloak');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
};

exports.lib = () => {
  const { KeycloakTwilioSso } = require('cdktf-twilio-sso/keycloak');
  const { TwilioTarget } = require('cdktf-twilio-sso/twilio');
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
