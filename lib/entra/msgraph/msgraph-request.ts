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

/** What every msgraph resource sends to Microsoft Graph besides its URL and body. */
export interface MsgraphRequestOptions extends TerraformMetaArguments {
  /**
   * The Graph API version.
   * @default MsgraphApiVersion.V1
   */
  readonly apiVersion?: MsgraphApiVersion;
  /**
   * Regular expressions over Graph error messages that make the provider retry (e.g. Entra
   * replication delays).
   * @default - no retries beyond the provider's own
   */
  readonly retryErrorMessageRegex?: string[];
}

/** One Graph request as a resource declares it: its URL and body, and the shared options. */
type MsgraphRequest = MsgraphRequestOptions & { readonly url: string; readonly body?: { [key: string]: unknown } | IResolvable };

/**
 * Base of the hand-written `msgraph_*` resources: the provider's generator metadata and the
 * arguments every one of them takes (`url`, `api_version`, `body`, `retry`), written in the order the
 * provider documents them. A hidden base class (`@internal`): in the API they extend
 * {@link HandWrittenResource}.
 * @internal
 */
export abstract class MsgraphRequestResource extends HandWrittenResource {
  private readonly request: MsgraphRequest;

  constructor(scope: Construct, id: string, type: string, request: MsgraphRequest) {
    super(scope, id, type, { providerName: 'msgraph', providerVersion: MSGRAPH_PROVIDER_VERSION }, request);
    this.request = request;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const r = this.request;
    return {
      url: r.url,
      api_version: r.apiVersion,
      body: r.body,
      ...this.operationAttributes(),
      retry: r.retryErrorMessageRegex ? { error_message_regex: r.retryErrorMessageRegex } : undefined,
    };
  }

  /** The arguments only this resource type takes (written between `body` and `retry`). */
  protected operationAttributes(): { [name: string]: any } {
    return {};
  }
}
