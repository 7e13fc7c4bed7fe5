import { isExpression } from '../stack-resources';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { applicationTarget, asList } from './entra-app';

/**
 * An Entra application (`azuread_application`) whose identifier is a Twilio Entity ID has exactly
 * one Reply URL (web redirect URI, counting `azuread_application_redirect_uris` of type `Web` that
 * refer to it), and it is an ACS URL of that Twilio target ({@link TwilioTarget.isAcsUrl}).
 * Source: Twilio's Entra guides, "Reply URL (Assertion Consumer Service URL)" copied from the same
 * Twilio SSO page as the Identifier (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad,
 * https://www.twilio.com/docs/frontline/sso/azure-ad).
 */
export class EntraTwilioAppRepliesToOneAcs extends TwilioSsoRule {
  constructor() {
    super({
      name: 'EntraTwilioAppRepliesToOneAcs',
      resourceType: 'azuread_application',
      level: RuleLevel.ERROR,
      info: 'The Entra app for Twilio does not have exactly one Reply URL, or its Reply URL is not the ACS URL of its Twilio Entity ID.',
      explanation:
        "Twilio's Entra guides set one Reply URL, the ACS URL from the same Twilio SSO page as the Identifier (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); Twilio checks the response's Destination against it, and any other Reply URL would receive Twilio users' assertions.",
    });
  }

  /** Judges `web.redirect_uris` and the `Web` redirect URIs declared separately. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    const target = applicationTarget(context.address, args, context);
    if (!target) return RuleCompliance.NOT_APPLICABLE;
    const uris = [
      ...asList(args.web).flatMap((w: any) => asList(w?.redirect_uris)),
      ...context
        .referencing(context.address, 'azuread_application_redirect_uris', 'application_id')
        .filter((r) => r.args.type === 'Web')
        .flatMap((r) => asList(r.args.redirect_uris)),
    ];
    if (uris.some(isExpression)) return RuleCompliance.NOT_APPLICABLE;
    return uris.length === 1 && target.isAcsUrl(uris[0] as string) ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
