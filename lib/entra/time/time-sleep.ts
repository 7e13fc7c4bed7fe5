import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { TIME_PROVIDER_VERSION, TimeProvider } from './time-provider';

/** Config for {@link TimeSleep}. */
export interface TimeSleepConfig extends TerraformMetaArguments {
  /** How long to wait after creation, as a Go duration, e.g. `60s`. */
  readonly createDuration: string;
}

/** `time_sleep`: waits once, on creation (hashicorp/time docs, `resources/sleep`). */
export class TimeSleep extends HandWrittenResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'time_sleep';

  private readonly createDuration: string;

  constructor(scope: Construct, id: string, config: TimeSleepConfig) {
    super(scope, id, TimeSleep.tfResourceType, { providerName: 'time', providerVersion: TIME_PROVIDER_VERSION }, { ...config, provider: config.provider ?? TimeProvider.of(scope) });
    this.createDuration = config.createDuration;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { create_duration: this.createDuration };
  }
}
