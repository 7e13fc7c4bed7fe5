/*
 * Deliberately broken stacks for the self-test of scripts/terraform/check-stacks.js
 * (`npm run test:terraform`, or `node scripts/terraform/check-stacks.js --self-test`).
 *
 * `control()` is a valid Okta stack shaped like what OktaTwilioSso synthesizes; it must validate and
 * plan. Each fixture breaks one thing and names the message the check must reject it with. Only
 * checks that okta/okta 4.20.0 (or Terraform itself) really performs before apply are used: that
 * provider validates few values itself (app_settings_json and group profile JSON, ConflictsWith,
 * RequiredWith); enums such as signature_algorithm are only checked by the Okta API at apply.
 */
'use strict';

const APP = 'okta_app_saml';
const SP = 'https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef';

function control() {
  return {
    provider: { okta: [{ org_name: 'example-org', base_url: 'okta.com' }] },
    terraform: {
      required_providers: { okta: { source: 'okta/okta', version: '4.20.0' } },
      backend: { local: { path: 'terraform.fixture.tfstate' } },
    },
    resource: {
      okta_app_saml: {
        sso: {
          label: 'Twilio Flex enhanced SSO fixture',
          sso_url: SP,
          recipient: SP,
          destination: SP,
          audience: 'urn:flex:JQ0123456789abcdef0123456789abcdef',
          subject_name_id_format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
          subject_name_id_template: '$${user.userName}',
          response_signed: true,
          assertion_signed: true,
          signature_algorithm: 'RSA_SHA256',
          digest_algorithm: 'SHA256',
          honor_force_authn: true,
          authn_context_class_ref: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
          attribute_statements: [{ name: 'email', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', type: 'EXPRESSION', values: ['user.email'] }],
        },
      },
      okta_app_group_assignments: {
        groups: {
          app_id: '${okta_app_saml.sso.id}',
          group: [{ id: '00g1agents0000000001', priority: 0, profile: '{"roles":["agent"]}' }],
        },
      },
    },
    output: { entity_url: { value: '${okta_app_saml.sso.entity_url}' } },
  };
}

const app = (stack) => stack.resource[APP].sso;

const fixtures = [
  {
    name: 'unknown-argument',
    why: 'okta_app_saml has no argument "signing_algorithm" (it is signature_algorithm)',
    build: (s) => ((app(s).signing_algorithm = 'RSA_SHA256'), s),
    expect: /Extraneous JSON object property[\s\S]*No argument or block type is named "signing_algorithm"/,
  },
  {
    name: 'group-profile-not-json',
    why: 'okta_app_group_assignments group.profile must be JSON (provider validator stringIsJSON)',
    build: (s) => ((s.resource.okta_app_group_assignments.groups.group[0].profile = '{"roles":["agent"]'), s),
    expect: /contains an invalid JSON/,
  },
  {
    name: 'app-settings-not-json',
    why: 'okta_app_saml app_settings_json must be JSON (provider validator stringIsJSON)',
    build: (s) => ((app(s).app_settings_json = 'roles=agent'), s),
    expect: /contains an invalid JSON/,
  },
  {
    name: 'conflicting-arguments',
    why: 'acs_endpoints and acs_endpoints_indices conflict (provider ConflictsWith)',
    build: (s) => {
      app(s).acs_endpoints = [SP];
      app(s).acs_endpoints_indices = [{ url: SP, index: 0 }];
      return s;
    },
    expect: /conflicts with/,
  },
  {
    name: 'single-logout-half-set',
    why: 'single_logout_url needs single_logout_issuer (provider RequiredWith)',
    build: (s) => ((app(s).single_logout_url = 'https://example.com/logout'), s),
    expect: /single_logout_issuer/,
  },
  {
    name: 'wrong-type',
    why: 'assertion_signed is a bool',
    build: (s) => ((app(s).assertion_signed = 'sometimes'), s),
    expect: /bool/,
  },
  {
    name: 'missing-required-argument',
    why: 'okta_app_saml label is required',
    build: (s) => (delete app(s).label, s),
    expect: /Missing required argument[\s\S]*label/,
  },
  {
    name: 'invalid-signature-algorithm-enum',
    why: 'okta/okta 4.20.0 has no validator on signature_algorithm; only the Okta API rejects RSA_MD5, at apply',
    build: (s) => ((app(s).signature_algorithm = 'RSA_MD5'), s),
    stage: 'plan',
    expect: 'accepted',
  },
];

module.exports = { control, fixtures };
