/**
 * The `twilio-sso` command's own problem codes: a config file that cannot be read as one, its shape
 * (the JSON Schema), the targets' names and blocks, and policy-check findings. They are the command's,
 * not the library's: a construct never reports them, and they are not in the library's
 * `SsoErrorCode` (which lists the Twilio-model and identity-provider rules the command also reports).
 * Stable: pipelines match on these strings in `--format json` output (README, "Error codes").
 */
export const ConfigCode = {
  /** The config file cannot be read (missing, not a regular file, no permission). */
  CONFIG_NOT_FOUND: 'CONFIG_NOT_FOUND',
  /** The config file is empty (or only comments, or null). */
  CONFIG_EMPTY: 'CONFIG_EMPTY',
  /** The config file is not UTF-8 text. */
  CONFIG_ENCODING: 'CONFIG_ENCODING',
  /** The config file holds more than one YAML document. */
  CONFIG_MULTIPLE_DOCUMENTS: 'CONFIG_MULTIPLE_DOCUMENTS',
  /** The config file is larger than the command reads, or holds more targets than it takes. */
  CONFIG_TOO_LARGE: 'CONFIG_TOO_LARGE',
  /** The config file is not YAML (syntax error, or nested too deeply). */
  YAML_SYNTAX: 'YAML_SYNTAX',
  /** The config file's aliases expand past the limit (an alias bomb). */
  YAML_ALIAS_LIMIT: 'YAML_ALIAS_LIMIT',
  /** A key the config does not have (a key of an earlier release names its new name). */
  SCHEMA_UNKNOWN_KEY: 'SCHEMA_UNKNOWN_KEY',
  /** A required key is missing. */
  SCHEMA_REQUIRED: 'SCHEMA_REQUIRED',
  /** A value is not one of the words the key takes. */
  SCHEMA_ENUM: 'SCHEMA_ENUM',
  /** A value does not have the accepted shape (a target name). */
  SCHEMA_PATTERN: 'SCHEMA_PATTERN',
  /** A value has the wrong type. */
  SCHEMA_TYPE: 'SCHEMA_TYPE',
  /** A block has too many or too few keys (e.g. two Twilio target kinds). */
  SCHEMA_KEY_COUNT: 'SCHEMA_KEY_COUNT',
  /** A number, length or list is out of range. */
  SCHEMA_RANGE: 'SCHEMA_RANGE',
  /** A value matches none of the accepted shapes. */
  SCHEMA_ONE_OF: 'SCHEMA_ONE_OF',
  /** Any other schema rule. */
  SCHEMA_INVALID: 'SCHEMA_INVALID',
  /** A target has no identity-provider block, or several. */
  TARGET_IDENTITY_PROVIDER_COUNT: 'TARGET_IDENTITY_PROVIDER_COUNT',
  /** Two targets share a name (a stack name). */
  TARGET_NAME_DUPLICATE: 'TARGET_NAME_DUPLICATE',
  /**
   * A policy check (`TwilioSsoChecks`) found a synthesized resource breaking a rule. In `--format
   * json` each finding's code is its rule, `TwilioSso-<Rule>`; this code stands for them where one
   * code is needed (the unbundled app's `SsoConfigError`).
   */
  POLICY_CHECK_FAILED: 'POLICY_CHECK_FAILED',
} as const;

/** One of the command's own problem codes ({@link ConfigCode}). */
export type ConfigCode = (typeof ConfigCode)[keyof typeof ConfigCode];
