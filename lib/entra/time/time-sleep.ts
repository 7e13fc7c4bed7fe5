import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { TimeResource } from './time-resource';

/** Config for {@link TimeSleep}. */
export interface TimeSleepConfig extends TerraformMetaArguments {
  /** How long to wait after creation, as a Go duration, e.g. `60s`. */
  readonly createDuration: string;
}

/** `time_sleep`: waits once, on creation (hashicorp/time docs, `resources/sleep`). */
export class TimeSleep extends TimeResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'time_sleep';

  constructor(scope: Construct, id: string, config: TimeSleepConfig) {
    super(scope, id, TimeSleep.tfResourceType, config, { create_duration: config.createDuration });
  }
}
