import { App } from 'cdktf';
import { TwilioTarget } from '../lib/twilio';
import { SsoConfig } from './config/config-types';
import { IdentityProvider, ValidationContext } from './identity-providers';
import { TwilioSsoStack } from './twilio-sso-stack';

/** A validated config target, ready to be declared. */
export interface PlannedStack {
  name: string;
  target: TwilioTarget;
  idp: IdentityProvider;
  idpConfig: unknown;
  context: ValidationContext;
}

/** Declares the stacks of the targets the config check has validated (one per target, in order). */
export function declareStacks(app: App, config: SsoConfig, planned: PlannedStack[]): TwilioSsoStack[] {
  return planned.map(
    (p, i) =>
      new TwilioSsoStack(app, p.name, {
        target: p.target,
        identityProvider: p.idp,
        identityProviderConfig: p.idpConfig,
        backend: config.targets[i].backend ?? config.defaults?.backend,
        context: p.context,
      }),
  );
}
