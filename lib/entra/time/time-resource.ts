import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { TIME_PROVIDER_VERSION, TimeProvider } from './time-provider';

/**
 * Base of the hand-written `time_*` resources: the provider's generator metadata, the stack's time
 * provider ({@link TimeProvider.of}) unless the config names one, and the resource's arguments as
 * the provider names them. A hidden base class (`@internal`): in the API they extend
 * {@link HandWrittenResource}.
 * @internal
 */
export abstract class TimeResource extends HandWrittenResource {
  private readonly timeArguments: { [name: string]: unknown };

  /** @param args the resource's arguments, snake_case as in the provider's docs */
  constructor(scope: Construct, id: string, type: string, meta: TerraformMetaArguments, args: { [name: string]: unknown }) {
    super(scope, id, type, { providerName: 'time', providerVersion: TIME_PROVIDER_VERSION }, { ...meta, provider: meta.provider ?? TimeProvider.of(scope) });
    this.timeArguments = args;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { ...this.timeArguments };
  }
}
