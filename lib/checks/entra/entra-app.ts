import { TwilioTarget } from '../../twilio/target';
import { ITwilioSsoRuleContext } from '../rule';
import { isExpression } from '../stack-resources';

// Internal: how the Entra rules relate an app's resources. An Entra SAML app for Twilio is an
// application (its Entity ID in `identifier_uris`, or in an `azuread_application_identifier_uri`
// whose `application_id` refers to it), a service principal whose `client_id` refers to the
// application, a claims mapping policy assigned to the service principal, and a token issuance
// policy linked to the service principal through Microsoft Graph (`msgraph_resource` POST to
// `servicePrincipals/<id>/tokenIssuancePolicies/$ref`).

/** Terraform types that declare an Entra application (the full one, and the v3 registration-only one). */
const APPLICATION_TYPES = ['azuread_application', 'azuread_application_registration'];
/** A Graph `$ref` URL that links a token issuance policy to a service principal. */
const TOKEN_ISSUANCE_LINK = /^servicePrincipals\/.+\/tokenIssuancePolicies\/\$ref$/;

/** The claim type Entra sends as the Subject NameID rather than as an attribute. */
export const NAME_ID_CLAIM_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

/** A value as a list: a list as is, a single value as a list of one, nothing as an empty list. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/**
 * The Twilio target of the application at `address`: the first identifier URI (its own
 * `identifier_uris` or an `azuread_application_identifier_uri` referring to it) that is a Twilio
 * Entity ID; undefined when none is.
 */
export function applicationTarget(address: string, args: { [key: string]: any }, context: ITwilioSsoRuleContext): TwilioTarget | undefined {
  const uris = [
    ...asList(args.identifier_uris),
    ...context.referencing(address, 'azuread_application_identifier_uri', 'application_id').map((r) => r.args.identifier_uri),
  ];
  for (const uri of uris) {
    const target = TwilioTarget.fromEntityId(uri as string);
    if (target) return target;
  }
  return undefined;
}

/** The Twilio target of a service principal's application, when the application is in the stack. */
export function servicePrincipalTarget(args: { [key: string]: any }, context: ITwilioSsoRuleContext): TwilioTarget | undefined {
  const app = context.referencedBy(args.client_id ?? args.application_id).find((r) => APPLICATION_TYPES.includes(r.type));
  return app && applicationTarget(app.address, app.args, context);
}

/**
 * The objects inside a Graph policy's `definition` (a list that should hold one JSON string, but
 * may hold more once an escape hatch has added to it: each is judged), e.g. the
 * `ClaimsMappingPolicy` or `TokenIssuancePolicy` objects. Throws when a definition is not literal
 * JSON (a Terraform expression is only known at plan): the checks then report that the rule could
 * not evaluate the resource rather than pass it.
 */
export function policyDefinitions(definition: unknown, key: string, where: string): Array<{ [key: string]: any }> {
  const strings = asList(definition);
  if (strings.length === 0) throw new Error(`${where} has no definition`);
  return strings.map((json) => {
    if (typeof json !== 'string' || isExpression(json)) {
      throw new Error(`the definition of ${where} is not a literal JSON string, got ${JSON.stringify(json)}`);
    }
    const parsed = JSON.parse(json)?.[key];
    if (parsed === null || typeof parsed !== 'object') throw new Error(`the definition of ${where} has no ${key} object`);
    return parsed;
  });
}

/** What the stack says of the token issuance policies linked to a service principal. */
export interface LinkedPolicies {
  /** The `TokenIssuancePolicy` objects of the linked policies declared in the stack. */
  readonly policies: Array<{ [key: string]: any }>;
  /** True when a link refers to a policy outside the stack (a literal ID), which cannot be judged. */
  readonly outside: boolean;
}

/** The token issuance policies linked to the service principal at `address`. */
export function linkedTokenIssuancePolicies(address: string, context: ITwilioSsoRuleContext): LinkedPolicies {
  const policies: Array<{ [key: string]: any }> = [];
  let outside = false;
  for (const link of context.referencing(address, 'msgraph_resource', 'url')) {
    if (typeof link.args.url !== 'string' || !TOKEN_ISSUANCE_LINK.test(link.args.url)) continue;
    const declared = context.referencedBy(link.args.body, 'msgraph_resource');
    if (declared.length === 0) outside = true;
    for (const p of declared) policies.push(...policyDefinitions(p.args.body?.definition, 'TokenIssuancePolicy', p.path));
  }
  return { policies, outside };
}
