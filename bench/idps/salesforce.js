'use strict';
// Salesforce: SalesforceTwilioSso (lib) vs. its Terraform resources replayed with the provider
// classes (bench/idps/replay.js), including the same DX project files written with plain fs.
const { entry } = require('./library');
const { join } = require('path');
const { connectionSid } = require('./twilio-fixture');
const replay = require('./replay');

const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');

exports.lib = () => {
  const { SalesforceTwilioSso } = entry('salesforce');
  const { TwilioTarget } = entry('twilio');
  return (stack, n) => {
    for (let i = 0; i < n; i++) {
      new SalesforceTwilioSso(stack, `App${i}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid: connectionSid(i) }),
        myDomain: 'example-org',
        appName: `Twilio_Flex_${i}`, // one org: each app needs its own API name
        certificateFile: CERT,
        roles: ['agent'],
        profiles: ['Twilio Flex Agent'],
        deploy: { targetOrg: 'example-org' },
      });
    }
  };
};

exports.template = (outdir, file) => replay.template(exports.lib(), outdir, file);
exports.raw = () => replay.raw(process.env.BENCH_TEMPLATE);
