/**
 * Deliberately broken stacks for the check's self-test (`npm run test:terraform -- --self-test`).
 *
 * `control()` is a valid Okta stack shaped like what OktaTwilioSso synthesizes; it must validate and
 * plan. Each fixture breaks one thing and names the message the check must reject it with. Only
 * checks that okta/okta 4.20.0 (or Terraform itself) really performs before apply are used: that
 * provider validates few values itself (app_settings_json and group profile JSON, ConflictsWith,
 * RequiredWith); enums such as signature_algorithm are only checked by the Okta API at apply.
 */
import { StackJson } from './stack-json';

const SP = 'https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef';

/** The control stack's resources, typed for the fixtures that break them. */
interface ControlStack extends StackJson {
  resource: {
    okta_app_saml: { sso: Record<string, unknown> };
    okta_app_group_assignments: { groups: { app_id: string; group: Array<Record<string, unknown>> } };
  };
}

/** A valid Okta stack, as OktaTwilioSso synthesizes one. */
export function control(): ControlStack {
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

/** One broken stack and what must happen to it. */
export interface BrokenStack {
  readonly name: string;
  /** What is broken, and who rejects it. */
  readonly why: string;
  readonly build: (s: ControlStack) => StackJson;
  /** Also plan it (default: validate only). */
  readonly stage?: 'plan';
  /** The message it must be rejected with, or `accepted` for a documented gap the provider does not catch. */
  readonly expect: RegExp | 'accepted';
}

const app = (s: ControlStack): Record<string, unknown> => s.resource.okta_app_saml.sso;
const changed = (s: ControlStack, change: (s: ControlStack) => void): StackJson => {
  change(s);
  return s;
};

/** The broken stacks, each rejected for its own reason. */
export const BROKEN_STACKS: readonly BrokenStack[] = [
  {
    name: 'unknown-argument',
    why: 'okta_app_saml has no argument "signing_algorithm" (it is signature_algorithm)',
    build: (s) => changed(s, () => (app(s).signing_algorithm = 'RSA_SHA256')),
    expect: /Extraneous JSON object property[\s\S]*No argument or block type is named "signing_algorithm"/,
  },
  {
    name: 'group-profile-not-json',
    why: 'okta_app_group_assignments group.profile must be JSON (provider validator stringIsJSON)',
    build: (s) => changed(s, () => (s.resource.okta_app_group_assignments.groups.group[0].profile = '{"roles":["agent"]')),
    expect: /contains an invalid JSON/,
  },
  {
    name: 'app-settings-not-json',
    why: 'okta_app_saml app_settings_json must be JSON (provider validator stringIsJSON)',
    build: (s) => changed(s, () => (app(s).app_settings_json = 'roles=agent')),
    expect: /contains an invalid JSON/,
  },
  {
    name: 'conflicting-arguments',
    why: 'acs_endpoints and acs_endpoints_indices conflict (provider ConflictsWith)',
    build: (s) =>
      changed(s, () => {
        app(s).acs_endpoints = [SP];
        app(s).acs_endpoints_indices = [{ url: SP, index: 0 }];
      }),
    expect: /conflicts with/,
  },
  {
    name: 'single-logout-half-set',
    why: 'single_logout_url needs single_logout_issuer (provider RequiredWith)',
    build: (s) => changed(s, () => (app(s).single_logout_url = 'https://example.com/logout')),
    expect: /single_logout_issuer/,
  },
  {
    name: 'wrong-type',
    why: 'assertion_signed is a bool',
    build: (s) => changed(s, () => (app(s).assertion_signed = 'sometimes')),
    expect: /bool/,
  },
  {
    name: 'missing-required-argument',
    why: 'okta_app_saml label is required',
    build: (s) => changed(s, () => delete app(s).label),
    expect: /Missing required argument[\s\S]*label/,
  },
  {
    name: 'invalid-signature-algorithm-enum',
    why: 'okta/okta 4.20.0 has no validator on signature_algorithm; only the Okta API rejects RSA_MD5, at apply',
    build: (s) => changed(s, () => (app(s).signature_algorithm = 'RSA_MD5')),
    stage: 'plan',
    expect: 'accepted',
  },
];
