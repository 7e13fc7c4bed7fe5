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

/** JSON Schema of an `attributes` list whose entries are `{ name, <valueKey> }` (expression, formula, …). */
export function attributeListSchema(valueKey: string): object {
  return {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name', valueKey],
      properties: { name: { type: 'string' }, [valueKey]: { type: 'string' } },
    },
  };
}

/** The constructs' role assignments from a config list (IDs become principal IDs; no roles, none). */
export function toRoleAssignments(list: AssignmentConfig[] | undefined): RoleAssignment[] {
  return (list ?? []).map((a) => ({ principalId: a.id, roles: a.roles ?? [] }));
}
