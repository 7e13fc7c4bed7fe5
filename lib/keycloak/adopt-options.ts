import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { roleProblems } from '../twilio/role-rules';
import { isRecord, recordProblems, show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/**
 * Which existing Keycloak SAML client {@link KeycloakTwilioSso} brings under code (its `adopt` prop),
 * and which of its roles and protocol mappers already exist. IDs are Keycloak's internal IDs (UUIDs
 * for everything Keycloak created), which the admin console shows in its URLs. Each may be a
 * Terraform token (a `TerraformVariable`), which goes into the import blocks unchecked.
 *
 * Import IDs are those of the keycloak provider (keycloak/terraform-provider-keycloak v5.9.0,
 * `docs/resources/<resource>.md`, "Import", and the importers in `provider/resource_keycloak_*.go`).
 */
export interface KeycloakAdoptOptions {
  /**
   * The client's internal ID, not its Client ID (which is the Entity ID): in the admin console open
   * Clients → the client; the URL is `…/#/<realm>/clients/<internal ID>/settings` (Admin REST API:
   * the `id` of `GET /admin/realms/<realm>/clients?clientId=<Entity ID>`). Imported as
   * `keycloak_saml_client` `<realm>/<internal ID>`.
   */
  readonly clientUuid: string;
  /**
   * The client roles the client has already, by Twilio role name → role ID (Clients → the client →
   * Roles → the role, whose URL holds its ID; Admin REST API: the `id` of
   * `GET /admin/realms/<realm>/clients/<clientUuid>/roles/<role name>`), each imported as `keycloak_role`
   * `<realm>/<role ID>`. They must be roles of this client, not realm roles. The construct declares a
   * client role for every role the product has: a role not listed is created, and creating one the
   * client already has fails the apply (409 Conflict), so list every Twilio role the client has.
   * @default - every role is created
   */
  readonly roleIds?: { [role: string]: string };
  /**
   * The protocol mappers the client has already, by the SAML attribute they send (`email`,
   * `full_name`, `roles`, or an extra attribute's name) → mapper ID (Admin REST API:
   * `GET /admin/realms/<realm>/clients/<clientUuid>/protocol-mappers/models` lists each mapper's `id`,
   * `name` and `config["attribute.name"]`; in the admin console, Clients → the client → Client scopes
   * → the dedicated scope → the mapper, whose URL holds its ID). Each is
   * imported as `keycloak_generic_protocol_mapper` `<realm>/client/<clientUuid>/<mapper ID>` and
   * rewritten as the construct declares it; it keeps its own name (the import ignores `name`, which
   * the provider would otherwise replace the mapper for). A mapper of another type than the one
   * declared (e.g. a user-attribute mapper for `email`, which is declared as a user-property mapper)
   * is replaced: the plan shows it. An attribute not listed gets a new mapper named after the
   * attribute, and creating it fails the apply if the client already has a mapper of that name ("a
   * protocol mapper with name … already exists for this client"). Mappers not listed are left as they
   * are, and keep adding their attributes.
   * @default - every mapper is created
   */
  readonly mapperIds?: { [attributeName: string]: string };
}

// Internal from here down: used by KeycloakTwilioSso and the Keycloak config block.

/**
 * What a Keycloak internal ID (of a client, role, mapper, group or user) may be: Keycloak generates
 * UUIDs; a realm imported from JSON keeps the IDs it carries. Letters, digits, `.`, `_` and `-`: no
 * `/` (which separates the import ID's parts), `:` (a Client ID such as `urn:flex:JQ…` has it), white
 * space (a name has it) or anything Terraform could read as an expression.
 */
export const KEYCLOAK_ID = /^[A-Za-z0-9._-]+$/;

/** The problems of `adopt` (IDs of the shape Keycloak's have, roles the product has). */
export function keycloakAdoptProblems(target: TwilioTarget, adopt: unknown): Violation[] {
  const shape = recordProblems(adopt, 'adopt', 'an object { clientUuid, roleIds?, mapperIds? }');
  if (shape.length > 0 || !isRecord(adopt)) return shape;
  const out: Violation[] = [];
  const id = adopt.clientUuid;
  if (!isUnresolved(id) && (typeof id !== 'string' || !KEYCLOAK_ID.test(id))) {
    const hint = typeof id === 'string' && id === target.entityId ? " (that is the client's Client ID, the Entity ID)" : '';
    out.push(
      violation(
        SsoErrorCode.ADOPT_ID_INVALID,
        'adopt.clientUuid',
        id,
        `must be the client's internal ID, a UUID such as 'dcbc4c73-e478-4928-ae2e-d5e420223352' (admin console: Clients → the client, the URL's …/clients/<ID>/settings), not its Client ID, got ${show(id)}${hint}`,
      ),
    );
  }
  for (const [role, roleId] of idMap(adopt.roleIds, 'adopt.roleIds', out)) {
    const field = `adopt.roleIds.${role}`;
    out.push(...roleProblems(role, field, target));
    if (!isUnresolved(roleId) && (typeof roleId !== 'string' || !KEYCLOAK_ID.test(roleId))) {
      out.push(violation(SsoErrorCode.ADOPT_ID_INVALID, field, roleId, `must be the client role's ID, a UUID (GET /admin/realms/<realm>/clients/<clientUuid>/roles/<role name>, or the role's URL in the admin console), got ${show(roleId)}`));
    }
  }
  for (const [attribute, mapperId] of idMap(adopt.mapperIds, 'adopt.mapperIds', out)) {
    const field = `adopt.mapperIds.${attribute}`;
    if (attribute.trim() === '') {
      out.push(violation(SsoErrorCode.ADOPT_KEY_INVALID, field, attribute, `has an empty key: each key must be the SAML attribute the mapper sends (email, roles, full_name or an extra attribute's name), got ${show(attribute)}`));
    }
    if (!isUnresolved(mapperId) && (typeof mapperId !== 'string' || !KEYCLOAK_ID.test(mapperId))) {
      out.push(
        violation(
          SsoErrorCode.ADOPT_ID_INVALID,
          field,
          mapperId,
          `must be the protocol mapper's ID, a UUID (GET /admin/realms/<realm>/clients/<clientUuid>/protocol-mappers/models, or the mapper's URL in the admin console), got ${show(mapperId)}`,
        ),
      );
    }
  }
  return out;
}

/** The entries of an optional ID map, recording in `out` when it is not a map. */
function idMap(map: unknown, field: string, out: Violation[]): Array<[string, unknown]> {
  if (map === undefined) return [];
  const shape = recordProblems(map, field, 'a map of names to IDs');
  out.push(...shape);
  return isRecord(map) ? Object.entries(map) : [];
}

/** `<realm>/<client internal ID>` (keycloak `docs/resources/saml_client.md`; `resourceKeycloakSamlClientImport`). */
export function samlClientImportId(realm: string, clientUuid: string): string {
  return `${realm}/${clientUuid}`;
}

/** `<realm>/<role ID>` (keycloak `docs/resources/role.md`; `resourceKeycloakRoleImport`). */
export function roleImportId(realm: string, roleId: string): string {
  return `${realm}/${roleId}`;
}

/**
 * `<realm>/client/<client internal ID>/<mapper ID>` (keycloak `docs/resources/generic_protocol_mapper.md`;
 * `parseGenericProtocolMapperImportId` in `provider/generic_protocol_mapper_helpers.go`).
 */
export function clientMapperImportId(realm: string, clientUuid: string, mapperId: string): string {
  return `${realm}/client/${clientUuid}/${mapperId}`;
}
