import { TerraformStack } from 'cdktf';
import type { ITwilioSsoApp } from '../../lib/core';
import type { TwilioTarget } from '../../lib/twilio';

/**
 * How the config-driven stacks support one identity provider: the JSON schema of its config block,
 * a pure validation run for every target before any stack is declared, and the declaration itself.
 * Adding an identity provider to the config file means adding one of these to `index.ts`.
 */
export interface IdentityProvider<C = any> {
  /** The key of the provider's block in a config target, e.g. `okta`. */
  readonly key: string;
  /** JSON Schema (draft 2020-12 subset that Ajv accepts) for the block. */
  readonly schema: object;
  /**
   * Keys of earlier releases and their new names, by path in the block (`label`, or
   * `attributes[].expression`): reported as unknown keys that name the new one.
   */
  readonly renamedKeys?: Record<string, string>;
  /**
   * Config keys that differ from the construct props they set (prop → key, e.g. `serverUrl` → `url`,
   * `principalId` → `id`), so that messages name the key the user wrote.
   */
  readonly propsToKeys?: Record<string, string>;
  /**
   * Checks the block against the Twilio target without declaring anything. Throws `SsoConfigError`
   * whose field is relative to the block (e.g. `groups[0].roles[1]`).
   */
  validate(target: TwilioTarget, config: C, context: ValidationContext): void;
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
