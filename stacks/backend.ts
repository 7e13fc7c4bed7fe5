import { AzurermBackend, CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from 'cdktf';
import { BackendConfig } from './config/config-types';

/** `{target}` in a key, path or workspace name becomes the target's name, so one default serves all. */
function perTarget(value: string | undefined, targetName: string): string | undefined {
  return value?.split('{target}').join(targetName);
}

/**
 * Declares the stack's state backend: the target's own, else the config's default, else local.
 * Remote backends keep one state per target, keyed by the target name unless a key is given.
 *
 * Its strings are written as they are, not through `literal()`: Terraform takes the settings of a
 * `terraform` block literally, never as templates (developer.hashicorp.com/terraform/language/syntax/json,
 * "terraform blocks"), so `${` in a path is that text, and an escaped `$${` would be two dollar
 * signs in the file name. (Checked with Terraform 1.x: `init` + `apply` with a local path holding
 * `${file(…)}` writes a state file of that literal name.)
 */
export function declareBackend(stack: TerraformStack, targetName: string, backend: BackendConfig | undefined): void {
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
    new LocalBackend(stack, { path: perTarget(backend?.local?.path, targetName) ?? `terraform.${targetName}.tfstate` });
  }
}
