import { App } from 'cdktf';
import { dirname } from 'path';
import { SsoConfigError, TwilioTarget, Violation } from '../lib/twilio';
import { withFieldPrefix } from '../lib/twilio/violations';
import { SsoConfig } from './config/load-config';
import { IDENTITY_PROVIDERS, IdentityProvider, ValidationContext } from './identity-providers';
import { TwilioSsoStack } from './twilio-sso-stack';
import { twilioBlockKey, twilioTargetFromConfig } from './twilio-target-from-config';

/** A validated config target, ready to be declared. */
export interface PlannedStack {
  name: string;
  target: TwilioTarget;
  idp: IdentityProvider;
  idpConfig: unknown;
  context: ValidationContext;
}

/**
 * Validates every config target against the Twilio model and its identity provider, without declaring
 * anything. All problems are reported together in one `SsoConfigError`.
 */
export function planStacks(config: SsoConfig, configPath: string): PlannedStack[] {
  const planned: PlannedStack[] = [];
  const problems: Violation[] = [];
  config.targets.forEach((t, i) => {
    try {
      const idp = IDENTITY_PROVIDERS.find((p) => p.key in t)!;
      const context = { configDir: dirname(configPath), targetName: t.name };
      const target = withFieldPrefix(`targets[${i}].twilio.${twilioBlockKey(t.twilio)}`, () => twilioTargetFromConfig(t.twilio));
      withFieldPrefix(`targets[${i}].${idp.key}`, () => idp.validate(target, t[idp.key], context), idp.propsToKeys);
      planned.push({ name: t.name, target, idp, idpConfig: t[idp.key], context });
    } catch (e) {
      if (!(e instanceof SsoConfigError)) throw e;
      problems.push(...e.violations);
    }
  });
  if (problems.length > 0) {
    const body = problems.map((p) => `  - ${p.message}`).join('\n');
    throw new SsoConfigError(problems[0].code, problems[0].field, problems[0].value, `Invalid config '${configPath}':\n${body}`, problems);
  }
  return planned;
}

/**
 * Declares one {@link TwilioSsoStack} per config target. Every target is validated first: if any is
 * wrong, no stack is declared at all.
 */
export function buildApp(app: App, config: SsoConfig, configPath: string): TwilioSsoStack[] {
  return declareStacks(app, config, planStacks(config, configPath));
}

/** Declares the stacks of targets {@link planStacks} has validated (one per target, in order). */
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
