import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { TimeResource } from './time-resource';

/** Config for {@link TimeOffset}. */
export interface TimeOffsetConfig extends TerraformMetaArguments {
  /** Whole years after the moment of creation. */
  readonly offsetYears: number;
}

/**
 * `time_offset`: a timestamp fixed at creation time plus an offset, kept in state, so that a
 * relative validity ("2 years") becomes a stable date that does not move on every plan.
 */
export class TimeOffset extends TimeResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'time_offset';

  constructor(scope: Construct, id: string, config: TimeOffsetConfig) {
    super(scope, id, TimeOffset.tfResourceType, config, { offset_years: config.offsetYears });
  }

  /** The offset timestamp, RFC 3339. */
  public get rfc3339(): string {
    return this.getStringAttribute('rfc3339');
  }
}
