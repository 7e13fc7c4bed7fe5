import { App } from 'cdktf';
import { dirname } from 'path';
import { SsoConfigError, TwilioTarget, withFieldPrefix } from '../lib';
import { SsoConfig } from './config/load-config';
import { IDENTITY_PROVIDERS, IdentityProvider, ValidationContext } from './identity-providers';
import { TwilioSsoStack } from './twilio-sso-stack';
import { twilioBlockKey, twilioTargetFromConfig } from './twilio-target-from-config';

interface PlannedStack {
  name: string;
  target: TwilioTarget;
  idp: IdentityProvider;
  idpConfig: unknown;
  context: ValidationContext;
}

/**
 * Declares one {@link TwilioSsoStack} per config target. Every target is validated first, and all
 * problems are reported together: if any target is wrong, no stack is declared at all.
 */
export function buildApp(app: App, config: SsoConfig, configPath: string): TwilioSsoStack[] {
  const planned: PlannedStack[] = [];
  const problems: SsoConfigError[] = [];
  config.targets.forEach((t, i) => {
    try {
      const idp = IDENTITY_PROVIDERS.find((p) => p.key in t)!;
      const context = { configDir: dirname(configPath), targetName: t.name };
      const target = withFieldPrefix(`targets[${i}].twilio.${twilioBlockKey(t.twilio)}`, () => twilioTargetFromConfig(t.twilio));
      withFieldPrefix(`targets[${i}].${idp.key}`, () => idp.validate(target, t[idp.key], context));
      planned.push({ name: t.name, target, idp, idpConfig: t[idp.key], context });
    } catch (e) {
      if (!(e instanceof SsoConfigError)) throw e;
      problems.push(e);
    }
  });
  if (problems.length > 0) {
    const body = problems.map((p) => `  - ${p.message.replace(/\n/g, '\n    ')}`).join('\n');
    throw new SsoConfigError(problems[0].code, problems[0].field, `Invalid config '${configPath}':\n${body}`);
  }
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
