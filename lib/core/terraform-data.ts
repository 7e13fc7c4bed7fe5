import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** Config for {@link TerraformData}. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  /**
   * Values whose change replaces the resource (and so re-runs its provisioners).
   * @default - never replaced
   */
  readonly triggersReplace?: { [key: string]: string };
}

/**
 * Terraform's built-in `terraform_data` resource (Terraform ≥ 1.4, OpenTofu). Used instead of cdktf's
 * `DataResource` because that class adds a synth-time validation that runs `terraform version` once
 * per resource: synth then fails on a machine with only `tofu` (or no Terraform at all, e.g. a
 * pipeline that synthesizes in one job and applies in another), and costs a process spawn (~35 ms)
 * per resource. The README states the Terraform version needed.
 */
export class TerraformData extends TerraformResource {
  private readonly triggersReplace?: { [key: string]: string };

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
    });
    this.triggersReplace = config.triggersReplace;
  }

  /** The resource's ID (changes on each replacement). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { triggers_replace: this.triggersReplace };
  }
}
