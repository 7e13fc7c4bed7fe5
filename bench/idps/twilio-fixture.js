'use strict';
// The same N Twilio apps for every identity provider and both modes: Flex enhanced SSO targets with
// distinct connection SIDs, two groups with roles, one extra attribute.

/** `JQ` + 32 hex characters, distinct per index. */
function connectionSid(i) {
  return `JQ${i.toString(16).padStart(32, '0')}`;
}

/** Group IDs and roles of app i (Okta-style IDs; other IdPs use them as opaque principal IDs). */
function groups(i) {
  return [
    { principalId: `00gagents${String(i).padStart(11, '0')}`, roles: ['agent'] },
    { principalId: `00gsupers${String(i).padStart(11, '0')}`, roles: ['supervisor', 'wfo.team_leader'] },
  ];
}

const ATTRIBUTE = { name: 'department', value: 'user.department' };

module.exports = { connectionSid, groups, ATTRIBUTE };
