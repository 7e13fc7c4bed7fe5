'use strict';
// Entra ID: EntraTwilioSso (lib) vs. the same resources replayed with the provider classes
// (bench/idps/replay.js: azuread, time and msgraph classes the construct uses).
const { ATTRIBUTE, connectionSid, groups } = require('./twilio-fixture');
const replay = require('./replay');

const TENANT = '00000000-0000-4000-8000-000000000001';
const providers = (stack) => {
  const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
  const { MsgraphProvider } = require('../../dist/lib/entra/msgraph');
  new AzureadProvider(stack, 'azuread', { tenantId: TENANT });
  new MsgraphProvider(stack, 'msgraph', { tenantId: TENANT });
};

exports.lib = () => {
  const { EntraTwilioSso, TwilioTarget } = require('../../dist/lib');
  return (stack, n) => {
    providers(stack);
    for (let i = 0; i < n; i++) {
      new EntraTwilioSso(stack, `App${i}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid: connectionSid(i) }),
        tenantId: TENANT,
        groups: groups(i).map((g, k) => ({ principalId: `6f0e3d1a-0000-4000-8000-${String(i * 2 + k).padStart(12, '0')}`, roles: g.roles })),
        attributes: [{ name: ATTRIBUTE.name, source: 'department' }],
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
