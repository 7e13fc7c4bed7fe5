import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { TwilioSsoChecks } from '../lib/checks';
import { ITwilioSsoApp, TwilioConsoleOutputs } from '../lib/core';
import { TwilioTarget } from '../lib/twilio';
import { declareBackend } from './backend';
import { BackendConfig } from './config/config-types';
import { IdentityProvider, ValidationContext } from './identity-providers';

/** Props for {@link TwilioSsoStack}. */
export interface TwilioSsoStackProps {
  /** The Twilio service provider. */
  readonly target: TwilioTarget;
  /** The identity provider that declares the app. */
  readonly identityProvider: IdentityProvider;
  /** The identity provider's config block. */
  readonly identityProviderConfig: unknown;
  /**
   * The state backend.
   * @default - local state in `terraform.<stack>.tfstate`
   */
  readonly backend?: BackendConfig;
  /** Config file context (directory, target name). */
  readonly context: ValidationContext;
}

/**
 * One Twilio target on one identity provider, with its own state: the app, the provider
 * configuration (credentials from the environment only), the Console outputs and the
 * {@link TwilioSsoChecks} policy checks.
 */
export class TwilioSsoStack extends TerraformStack {
  /** The identity-provider app. */
  public readonly app: ITwilioSsoApp;
  /** The policy checks on this stack; after synthesis, their findings as data. */
  public readonly checks: TwilioSsoChecks;

  constructor(scope: Construct, id: string, props: TwilioSsoStackProps) {
    super(scope, id);
    declareBackend(this, id, props.backend);
    this.app = props.identityProvider.declare(this, props.target, props.identityProviderConfig, props.context);
    new TwilioConsoleOutputs(this, 'Console', { app: this.app });
    // The policy checks run on every stack: they catch escape-hatch overrides the constructs cannot see.
    this.checks = new TwilioSsoChecks();
    Aspects.of(this).add(this.checks);
  }
}
