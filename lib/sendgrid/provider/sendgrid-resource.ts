import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { SENDGRID_GENERATOR_METADATA } from './sendgrid-provider';

/**
 * Base of the hand-written `sendgrid_*` resources: the generator metadata of `kenzo0107/sendgrid`
 * they share. A hidden base class (`@internal`): in the API they extend {@link HandWrittenResource}.
 * @internal
 */
export abstract class SendgridResource extends HandWrittenResource {
  constructor(scope: Construct, id: string, type: string, meta: TerraformMetaArguments) {
    super(scope, id, type, SENDGRID_GENERATOR_METADATA, meta);
  }
}
