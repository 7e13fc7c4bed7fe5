import { AzurermBackend, CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from 'cdktf';
import { isAbsolute, relative, resolve, sep } from 'path';
import { BackendConfig } from './config/config-types';

/** `{target}` in a key, path or workspace name becomes the target's name, so one default serves all. */
function perTarget(value: string | undefined, targetName: string): string | undefined {
  return value?.split('{target}').join(targetName);
}

/**
 * The folder, relative to the config file's folder, where local state goes by default: outside the
 * synth output (which every synth replaces, and `rm -rf cdktf.out` deletes), and the same whatever
 * `--output` is. README, "Where the state is".
 */
export const DEFAULT_STATE_DIR = '.twilio-sso/state';

/** Where a stack's files live, for local state paths. */
export interface StateLayout {
  /** The config file's folder: relative local state paths are resolved from it. */
  readonly configDir: string;
  /** The stack's folder in the synth output (`<output>/stacks/<target>`), where Terraform runs. */
  readonly stackDir: string;
}

/**
 * The local state file of a target, as an absolute path: `backend.local.path` (with `{target}`)
 * resolved from the config file's folder, else `.twilio-sso/state/<target>.tfstate` there.
 */
export function localStateFile(configured: string | undefined, targetName: string, configDir: string): string {
  return resolve(configDir, perTarget(configured, targetName) ?? `${DEFAULT_STATE_DIR}/${targetName}.tfstate`);
}

/**
 * Where version 0.1 kept a target's local state: `backend.local.path`, else
 * `terraform.<target>.tfstate`, relative to the stack folder, i.e. inside the synth output.
 */
export function legacyLocalStateFile(configured: string | undefined, targetName: string, stackDir: string): string {
  return resolve(stackDir, perTarget(configured, targetName) ?? `terraform.${targetName}.tfstate`);
}

/**
 * The local backend's `path` as Terraform reads it: relative to its working directory, the stack
 * folder (`terraform -chdir=<output>/stacks/<target>`, or `cdktf deploy`). A relative path keeps the
 * synthesized JSON free of this machine's absolute paths; an absolute `backend.local.path` stays as given.
 */
function localBackendPath(configured: string | undefined, targetName: string, layout: StateLayout): string {
  const given = perTarget(configured, targetName);
  if (given !== undefined && isAbsolute(given)) return given;
  return relative(resolve(layout.stackDir), localStateFile(configured, targetName, layout.configDir)).split(sep).join('/');
}

/**
 * Declares the stack's state backend: the target's own, else the config's default, else local.
 * Remote backends keep one state per target, keyed by the target name unless a key is given.
 */
export function declareBackend(stack: TerraformStack, targetName: string, backend: BackendConfig | undefined, layout: StateLayout): void {
  const key = `twilio-sso/${targetName}.tfstate`;
  if (backend?.s3) {
    const b = backend.s3;
    new S3Backend(stack, { bucket: b.bucket, key: perTarget(b.key, targetName) ?? key, region: b.region, dynamodbTable: b.dynamodbTable, encrypt: b.encrypt ?? true });
  } else if (backend?.azurerm) {
    const b = backend.azurerm;
    new AzurermBackend(stack, { resourceGroupName: b.resourceGroupName, storageAccountName: b.storageAccountName, containerName: b.containerName, key: perTarget(b.key, targetName) ?? key });
  } else if (backend?.cloud) {
    const b = backend.cloud;
    new CloudBackend(stack, { organization: b.organization, hostname: b.hostname, workspaces: new NamedCloudWorkspace(perTarget(b.workspace, targetName) ?? targetName) });
  } else {
    new LocalBackend(stack, { path: localBackendPath(backend?.local?.path, targetName, layout) });
  }
}
