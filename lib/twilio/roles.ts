/**
 * The roles each Twilio product understands in the SAML `roles` attribute.
 * Flex: https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration (roles table) and the
 * Flex Insights roles (https://www.twilio.com/docs/flex/end-user-guide/insights/roles-and-permissions).
 * Frontline: `agent` is the only role in any Frontline guide (twilio.com/docs/frontline/sso/okta).
 */
export const FLEX_ROLES: readonly string[] = Object.freeze([
  'admin',
  'supervisor',
  'agent',
  'wfo.full_access',
  'wfo.team_leader',
  'wfo.data_analyst',
  'wfo.data_auditor',
  'wfo.quality_manager',
  'wfo.quality_process_manager',
  'wfo.dashboard_viewer',
]);

/** The roles Frontline accepts. */
export const FRONTLINE_ROLES: readonly string[] = Object.freeze(['agent']);
