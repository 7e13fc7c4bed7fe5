import type { RoleAssignment } from '../../lib/core';

/** A `groups` or `users` entry of an identity-provider block: the principal's ID and its Twilio roles. */
export interface AssignmentConfig {
  id: string;
  roles?: string[];
}

/**
 * JSON Schema of a `groups`/`users` list. `id` is any non-empty string unless the provider's IDs have
 * a shape (Entra object IDs are UUIDs); `roles` may be optional (Okta's userType source has none).
 */
export function assignmentListSchema(options: { id?: object; rolesRequired?: boolean } = {}): object {
  const roles = { type: 'array', items: { type: 'string' }, ...(options.rolesRequired ? { minItems: 1 } : {}) };
  return {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: options.rolesRequired ? ['id', 'roles'] : ['id'],
      properties: { id: options.id ?? { type: 'string', minLength: 1 }, roles },
    },
  };
}

/** JSON Schema of an `attributes` list: `{ name, value }`, the value in the identity provider's language. */
export function attributeListSchema(valueDescription: string): object {
  return {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'value'],
      properties: {
        name: { type: 'string', description: "the attribute name Twilio reads, e.g. 'department'" },
        value: { type: 'string', minLength: 1, description: valueDescription },
      },
    },
  };
}

/** The keys every identity provider's block shares (see the README's vocabulary table). */
export interface SharedBlockConfig {
  displayName?: string;
  nameId?: string;
  email?: string;
  fullName?: string;
  attributes?: Array<{ name: string; value: string }>;
  certificateExpiryWarningDays?: number;
}

/** JSON Schema of the shared keys; descriptions name the identity provider's language. */
export function sharedBlockSchema(language: { nameId: string; value: string }): Record<string, object> {
  return {
    displayName: { type: 'string', minLength: 1, description: "the app's name as people see it in the identity provider" },
    nameId: { type: 'string', minLength: 1, description: `where the NameID comes from: ${language.nameId}` },
    email: { type: 'string', minLength: 1, description: `where 'email' comes from: ${language.value}` },
    fullName: { type: 'string', minLength: 1, description: `where 'full_name' comes from (Flex): ${language.value}` },
    attributes: attributeListSchema(language.value),
    certificateExpiryWarningDays: { type: 'integer', minimum: 0, maximum: 3650, description: 'warn when the signing certificate ends within this many days' },
  };
}

/** The construct props of the shared keys (the config spells them as the props do). */
export function sharedProps(c: SharedBlockConfig): SharedBlockConfig {
  return {
    displayName: c.displayName,
    nameId: c.nameId,
    email: c.email,
    fullName: c.fullName,
    attributes: c.attributes,
    certificateExpiryWarningDays: c.certificateExpiryWarningDays,
  };
}

/** Construct props that the config names differently, for every identity provider with groups/users. */
export const ASSIGNMENT_PROPS_TO_KEYS: Record<string, string> = { principalId: 'id' };

/** The constructs' role assignments from a config list (IDs become principal IDs; no roles, none). */
export function toRoleAssignments(list: AssignmentConfig[] | undefined): RoleAssignment[] {
  return (list ?? []).map((a) => ({ principalId: a.id, roles: a.roles ?? [] }));
}

/** JSON Schema of a map of existing IDs in an `adopt` block (`{ agent: '<ID>' }`): any keys, non-empty IDs. */
export function idMapSchema(description: string): object {
  return { type: 'object', description, additionalProperties: { type: 'string', minLength: 1 } };
}
