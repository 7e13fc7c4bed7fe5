import { IResolvable, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { MSGRAPH_PROVIDER_VERSION } from './msgraph-provider';

/** Microsoft Graph API versions the msgraph provider accepts. */
export enum MsgraphApiVersion {
  /** The stable API. */
  V1 = 'v1.0',
  /** The beta API (needed where v1.0 lacks an operation). */
  BETA = 'beta',
}

/** Config for {@link MsgraphResource}. */
export interface MsgraphResourceConfig extends TerraformMetaArguments {
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
   * The Graph API version.
   * @default MsgraphApiVersion.V1
   */
  readonly apiVersion?: MsgraphApiVersion;
  /**
   * JMESPath queries over the response, exported under `output.<key>`.
   * @default - nothing exported
   */
  readonly responseExportValues?: { [key: string]: string };
  /**
   * Regular expressions over Graph error messages that make the provider retry (e.g. Entra
   * replication delays).
   * @default - no retries beyond the provider's own
   */
  readonly retryErrorMessageRegex?: string[];
}

/**
 * `msgraph_resource`: creates a Microsoft Graph object by POST to a collection URL (or adds a
 * relationship through a `$ref` URL) and deletes it on destroy. Hand-written typed binding for
 * `microsoft/msgraph` (provider docs: `docs/resources/resource.md`; relationships:
 * `docs/guides/managing_relationships.md`).
 */
export class MsgraphResource extends HandWrittenResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'msgraph_resource';

  private readonly config: MsgraphResourceConfig;

  constructor(scope: Construct, id: string, config: MsgraphResourceConfig) {
    super(scope, id, MsgraphResource.tfResourceType, { providerName: 'msgraph', providerVersion: MSGRAPH_PROVIDER_VERSION }, config);
    this.config = config;
  }


  /** The full URL path of the created object. */
  public get resourceUrl(): string {
    return this.getStringAttribute('resource_url');
  }

  /** One exported response value (a key of `responseExportValues`). */
  public output(key: string): string {
    return this.getStringAttribute(`output.${key}`);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      url: this.config.url,
      api_version: this.config.apiVersion,
      body: this.config.body,
      response_export_values: this.config.responseExportValues,
      retry: this.config.retryErrorMessageRegex ? { error_message_regex: this.config.retryErrorMessageRegex } : undefined,
    };
  }
}
