import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { MsgraphRequestOptions, MsgraphRequestResource } from './msgraph-request';

/** Config for {@link MsgraphUpdateResource}. */
export interface MsgraphUpdateResourceConfig extends MsgraphRequestOptions {
  /** The item URL of the existing object to PATCH, e.g. `servicePrincipals/<object-id>`. */
  readonly url: string;
  /** The properties to set, as a plain object. */
  readonly body: { [key: string]: unknown } | IResolvable;
}

/**
 * `msgraph_update_resource`: PATCHes a subset of an existing Graph object's properties and keeps
 * them as declared (a change made elsewhere shows as a diff). Nothing happens on destroy: the
 * properties stay as they were last set (provider docs, `docs/resources/update_resource.md`).
 */
export class MsgraphUpdateResource extends MsgraphRequestResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'msgraph_update_resource';

  constructor(scope: Construct, id: string, config: MsgraphUpdateResourceConfig) {
    super(scope, id, MsgraphUpdateResource.tfResourceType, config);
  }
}
