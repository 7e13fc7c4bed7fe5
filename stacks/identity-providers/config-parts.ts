import type { PropMapping } from './prop-mapping';

// Schema parts every identity provider's block shares. Shape only (types, required keys, unknown
// keys): what a value may be is the construct's rule, and what a key means is written once, in
// stacks/config/schema-docs.ts.

/** A `groups` or `users` entry of an identity-provider block: the principal's ID and its Twilio roles. */
export interface AssignmentConfig {
  id: string;
  roles?: string[];
}

const strings = { type: 'array', items: { type: 'string' } };

/** JSON Schema of a `groups`/`users` list; `roles` may be optional (Okta's userType source has none). */
export function assignmentListSchema(options: { rolesRequired?: boolean } = {}): object {
  return {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: options.rolesRequired ? ['id', 'roles'] : ['id'],
      properties: { id: { type: 'string' }, roles: strings },
    },
  };
}

/** JSON Schema of a list of names (roles, profiles, owners, …). */
export const stringListSchema = strings;

/** The keys every identity provider's block shares (see the README's vocabulary table). */
export interface SharedBlockConfig {
  displayName?: string;
  nameId?: string;
  email?: string;
  fullName?: string;
  attributes?: Array<{ name: string; value: string }>;
  certificateExpiryWarningDays?: number;
}

/** JSON Schema of the shared keys. */
export function sharedBlockSchema(): Record<string, object> {
  return {
    displayName: { type: 'string' },
    nameId: { type: 'string' },
    email: { type: 'string' },
    fullName: { type: 'string' },
    attributes: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } },
    },
    certificateExpiryWarningDays: { type: 'number' },
  };
}

/** `groups` and `users` items: the key `id` sets the prop `principalId`; no `roles`, none. */
const ASSIGNMENT: PropMapping = { props: { principalId: { key: 'id' }, roles: { key: 'roles', value: (v) => v ?? [] } } };

/** The item mappings of every identity provider with groups and users. */
export const ASSIGNMENT_ITEMS: Readonly<Record<string, PropMapping>> = { groups: ASSIGNMENT, users: ASSIGNMENT };

/** JSON Schema of a map of existing IDs in an `adopt` block (`{ agent: '<ID>' }`): any keys, string IDs. */
export const idMapSchema = { type: 'object', additionalProperties: { type: 'string' } };
