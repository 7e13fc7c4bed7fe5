/** Where the Terraform check finds the project and keeps its own state. */
import { join, resolve } from 'path';

/** The project root (this file runs from scripts/terraform under jest and from dist/terraform once built). */
export const ROOT = resolve(__dirname, '..', '..');
/** The check's own working state: CLI config, linked mirror, plugin cache, OpenTofu build (git-ignored). */
export const STATE_DIR = join(ROOT, '.tf-providers');
/** The filesystem mirror used when TWILIO_SSO_PROVIDER_MIRROR is not set. */
export const DEFAULT_MIRROR = join(STATE_DIR, 'mirror');
