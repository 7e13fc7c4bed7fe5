import { TerraformStack } from 'cdktf';
import type { ITwilioSsoApp } from '../../lib/core';
import type { TwilioTarget, Violation } from '../../lib/twilio';
import type { PropMapping } from './prop-mapping';

/**
 * How the config-driven stacks support one identity provider: the JSON schema of its config block
 * (shape only: the construct judges values), how the block maps to the construct's props, and the
 * construct's own checks and declaration. Adding an identity provider to the config file means adding
 * one of these to `index.ts`.
 */
export interface IdentityProvider<C = any> {
  /** The key of the provider's block in a config target, e.g. `okta`. */
  readonly key: string;
  /**
   * JSON Schema of the block: types, required keys, vocabulary enums and unknown keys. Values are the
   * construct's to judge ({@link IdentityProvider.findProblems}); descriptions are in
   * stacks/config/schema-docs.ts.
   */
  readonly schema: object;
  /**
   * Keys of earlier releases and their new names, by path in the block (`label`, or
   * `attributes[].expression`): reported as unknown keys that name the new one.
   */
  readonly renamedKeys?: Record<string, string>;
  /**
   * How the block sets the construct's props: keys of another name (`id` → `principalId`), values
   * written differently (`useConnectedApp: true` → `appType`), keys only the stack reads. Read both
   * ways: props from the block, and a violation's prop path back to the key the user wrote.
   */
  readonly props: PropMapping;
  /**
   * The construct's problems with the props the block sets (`findProblems`: pure, never throws),
   * each with its prop path (`groups[0].roles[1]`).
   */
  findProblems(target: TwilioTarget, props: Record<string, unknown>): Violation[];
  /**
   * Problems with keys that set no prop (rules of the stack, not of the construct), each with its
   * config key as `field`.
   * @default - none
   */
  configProblems?(config: C): Violation[];
  /** Declares the provider configuration and the app in the stack; returns the app. */
  declare(stack: TerraformStack, target: TwilioTarget, config: C, context: ValidationContext): ITwilioSsoApp;
}

/** Where the config file lives, for resolving relative paths (certificates, output folders). */
export interface ValidationContext {
  /** Directory of the config file. */
  readonly configDir: string;
  /** The target's name (its stack name). */
  readonly targetName: string;
}
