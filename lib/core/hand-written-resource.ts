import { TerraformMetaArguments, TerraformProviderGeneratorMetadata, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** The meta-arguments (`provider`, `depends_on`, `count`, `lifecycle`, `for_each`) every resource and data source takes. */
export function metaArguments(meta: TerraformMetaArguments): TerraformMetaArguments {
  return { provider: meta.provider, dependsOn: meta.dependsOn, count: meta.count, lifecycle: meta.lifecycle, forEach: meta.forEach };
}

/**
 * Base of the typed constructs this library writes by hand for providers with no prebuilt CDKTF
 * binding (microsoft/msgraph, hashicorp/time, keycloak/keycloak): passes the meta-arguments through
 * and gives the `id` every resource exports. Subclasses map their typed config to the provider's
 * snake_case arguments in `synthesizeAttributes`, one line per argument, so the JSON is explicit.
 */
export abstract class HandWrittenResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, generator: TerraformProviderGeneratorMetadata, meta: TerraformMetaArguments) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: generator, ...metaArguments(meta) });
  }

  /** The resource's ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }
}
