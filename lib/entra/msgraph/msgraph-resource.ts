import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { MsgraphRequestOptions, MsgraphRequestResource } from './msgraph-request';

/** Config for {@link MsgraphResource}. */
export interface MsgraphResourceConfig extends MsgraphRequestOptions {
  /**
   * A collection URL to POST to (e.g. `policies/tokenIssuancePolicies`), or a relationship URL ending
   * in `/$ref` (e.g. `servicePrincipals/<id>/tokenIssuancePolicies/$ref`).
   */
  readonly url: string;
  /**
   * The request body, as a plain object (the provider's `body` is an HCL object, not a JSON string).
   * @default - no body
   */
  readonly body?: { [key: string]: unknown } | IResolvable;
  /**
   * JMESPath queries over the response, exported under `output.<key>`.
   * @default - nothing exported
   */
  readonly responseExportValues?: { [key: string]: string };
}

/**
 * `msgraph_resource`: creates a Microsoft Graph object by POST to a collection URL (or adds a
 * relationship through a `$ref` URL) and deletes it on destroy. Hand-written typed binding for
 * `microsoft/msgraph` (provider docs: `docs/resources/resource.md`; relationships:
 * `docs/guides/managing_relationships.md`).
 */
export class MsgraphResource extends MsgraphRequestResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'msgraph_resource';

  private readonly responseExportValues?: { [key: string]: string };

  constructor(scope: Construct, id: string, config: MsgraphResourceConfig) {
    super(scope, id, MsgraphResource.tfResourceType, config);
    this.responseExportValues = config.responseExportValues;
  }

  /** The full URL path of the created object. */
  public get resourceUrl(): string {
    return this.getStringAttribute('resource_url');
  }

  /** One exported response value (a key of `responseExportValues`). */
  public output(key: string): string {
    return this.getStringAttribute(`output.${key}`);
  }

  protected operationAttributes(): { [name: string]: any } {
    return { response_export_values: this.responseExportValues };
  }
}
