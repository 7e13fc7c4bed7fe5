import { TwilioTarget } from '../../twilio/target';
import { ITwilioSsoRuleContext } from '../rule';

// Internal: how the Keycloak rules read a SAML client and its protocol mappers.

/**
 * Defaults of the keycloak/keycloak Terraform provider for arguments left out of a
 * `keycloak_saml_client` (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).
 */
export const SAML_CLIENT_DEFAULTS = {
  sign_documents: true,
  sign_assertions: false,
  signature_algorithm: 'RSA_SHA256',
  encrypt_assertions: false,
  client_signature_required: true,
} as const;

/** A `keycloak_saml_client` argument, or the provider's default when it is left out. */
export function clientSetting<K extends keyof typeof SAML_CLIENT_DEFAULTS>(args: { [key: string]: any }, key: K): unknown {
  return args[key] ?? SAML_CLIENT_DEFAULTS[key];
}

/** The Twilio target of a SAML client: its `client_id` when that is a Twilio Entity ID. */
export function clientTarget(args: { [key: string]: any }): TwilioTarget | undefined {
  return TwilioTarget.fromEntityId(args.client_id);
}

/**
 * How each protocol-mapper resource type names the SAML attribute it sends: the generic mappers in
 * their `config` map (`attribute.name`, SAML mappers only), the typed SAML mappers in
 * `saml_attribute_name`.
 */
const MAPPER_ATTRIBUTE_NAME: Record<string, (args: { [key: string]: any }) => unknown> = {
  keycloak_generic_protocol_mapper: genericName,
  keycloak_generic_client_protocol_mapper: genericName,
  keycloak_saml_user_attribute_protocol_mapper: (a) => a.saml_attribute_name,
  keycloak_saml_user_property_protocol_mapper: (a) => a.saml_attribute_name,
  keycloak_saml_script_protocol_mapper: (a) => a.saml_attribute_name,
};

function genericName(args: { [key: string]: any }): unknown {
  return args.protocol === 'saml' ? args.config?.['attribute.name'] : undefined;
}

/** The SAML attribute names sent by the protocol mappers whose `client_id` refers to the client at `address`. */
export function mappedAttributeNames(address: string, context: ITwilioSsoRuleContext): unknown[] {
  return Object.entries(MAPPER_ATTRIBUTE_NAME).flatMap(([type, nameOf]) =>
    context.referencing(address, type, 'client_id').map((m) => nameOf(m.args)).filter((n) => n !== undefined),
  );
}
