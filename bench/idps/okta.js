'use strict';
// Okta: OktaTwilioSso (lib) vs. okta_app_saml + okta_app_user_schema_property +
// okta_app_group_assignments declared directly with @cdktf/provider-okta (raw), same arguments.
const { entry } = require('./library');
const { ATTRIBUTE, connectionSid, groups } = require('./twilio-fixture');

const PROVIDER = { orgName: 'example-org', baseUrl: 'okta.com' };

/** Our construct, loaded the way a user loads the package (its entry points; bench/idps/library.js). */
exports.lib = () => {
  const { OktaProvider } = require('@cdktf/provider-okta/lib/provider');
  const { OktaTwilioSso } = entry('okta');
  const { TwilioTarget } = entry('twilio');
  return (stack, n) => {
    new OktaProvider(stack, 'okta', PROVIDER);
    for (let i = 0; i < n; i++) {
      new OktaTwilioSso(stack, `App${i}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid: connectionSid(i) }),
        groups: groups(i),
        attributes: [ATTRIBUTE],
      });
    }
  };
};

// What a careful hand-written stack would declare for the same app: literal values, no validation.
const FLEX_ROLES = ['admin', 'supervisor', 'agent', 'wfo.full_access', 'wfo.team_leader', 'wfo.data_analyst', 'wfo.data_auditor', 'wfo.quality_manager', 'wfo.quality_process_manager', 'wfo.dashboard_viewer'];
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const statement = (name, value) => ({ name, namespace: UNSPECIFIED, type: 'EXPRESSION', values: [value] });

exports.raw = () => {
  const { OktaProvider } = require('@cdktf/provider-okta/lib/provider');
  const { AppSaml } = require('@cdktf/provider-okta/lib/app-saml');
  const { AppUserSchemaProperty } = require('@cdktf/provider-okta/lib/app-user-schema-property');
  const { AppGroupAssignments } = require('@cdktf/provider-okta/lib/app-group-assignments');
  const { Construct } = require('constructs');
  return (stack, n) => {
    new OktaProvider(stack, 'okta', PROVIDER);
    for (let i = 0; i < n; i++) {
      const sid = connectionSid(i);
      const acs = `https://login.flex.us1.twilio.com/login/callback?connection=${sid}`;
      const scope = new Construct(stack, `App${i}`); // same construct paths (and logical IDs) as lib
      const app = new AppSaml(scope, 'Resource', {
        label: `Twilio Flex enhanced SSO ${sid}`,
        status: 'ACTIVE',
        ssoUrl: acs,
        recipient: acs,
        destination: acs,
        audience: `urn:flex:${sid}`,
        subjectNameIdTemplate: '$${user.userName}',
        subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        responseSigned: true,
        assertionSigned: true,
        signatureAlgorithm: 'RSA_SHA256',
        digestAlgorithm: 'SHA256',
        samlVersion: '2.0',
        samlSignedRequestEnabled: false,
        honorForceAuthn: true,
        authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        attributeStatements: [
          statement('email', 'user.email'),
          statement('full_name', 'String.join(" ", user.firstName, user.lastName)'),
          statement('roles', 'appuser.roles'),
          statement(ATTRIBUTE.name, ATTRIBUTE.value),
        ],
      });
      const roles = new AppUserSchemaProperty(scope, 'RolesProperty', {
        appId: app.id,
        index: 'roles',
        title: 'Twilio roles',
        description: `Roles sent to Twilio in the SAML 'roles' attribute (${FLEX_ROLES.join(', ')})`,
        type: 'array',
        arrayType: 'string',
        arrayEnum: FLEX_ROLES,
        arrayOneOf: FLEX_ROLES.map((r) => ({ const: r, title: r })),
        scope: 'NONE',
        union: true,
        master: 'PROFILE_MASTER',
      });
      const gs = groups(i).sort((a, b) => (a.principalId < b.principalId ? -1 : 1));
      new AppGroupAssignments(scope, 'GroupAssignments', {
        appId: app.id,
        group: gs.map((g, p) => ({ id: g.principalId, priority: p, profile: JSON.stringify({ roles: [...g.roles].sort() }) })),
        dependsOn: [roles],
      });
    }
  };
};
