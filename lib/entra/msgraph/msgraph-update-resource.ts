import { IResolvable, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { MSGRAPH_PROVIDER_VERSION } from './msgraph-provider';
import { MsgraphApiVersion } from './msgraph-resource';

/** Config for {@link MsgraphUpdateResource}. */
export interface MsgraphUpdateResourceConfig extends TerraformMetaArguments {
  /** The item URL of the existing object to PATCH, e.g. `servicePrincipals/<object-id>`. */
  readonly url: string;
  /** The properties to set, as a plain object. */
  readonly body: { [key: string]: unknown } | IResolvable;
  /**
   * The Graph API version.
   * @default MsgraphApiVersion.V1
   */
  readonly apiVersion?: MsgraphApiVersion;
  /**
   * Regular expressions over Graph error messages that make the provider retry.
   * @default - no retries beyond the provider's own
   */
  readonly retryErrorMessageRegex?: string[];
}

/**
 * `msgraph_update_resource`: PATCHes a subset of an existing Graph object's properties and keeps
 * them as declared (a change made elsewhere shows as a diff). Nothing happens on destroy: the
 * properties stay as they were last set (provider docs, `docs/resources/update_resource.md`).
 */
export class MsgraphUpdateResource extends HandWrittenResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'msgraph_update_resource';

  private readonly config: MsgraphUpdateResourceConfig;

  constructor(scope: Construct, id: string, config: MsgraphUpdateResourceConfig) {
    super(scope, id, MsgraphUpdateResource.tfResourceType, { providerName: 'msgraph', providerVersion: MSGRAPH_PROVIDER_VERSION }, config);
    this.config = config;
  }


  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      url: this.config.url,
      api_version: this.config.apiVersion,
      body: this.config.body,
      retry: this.config.retryErrorMessageRegex ? { error_message_regex: this.config.retryErrorMessageRegex } : undefined,
    };
  }
}
