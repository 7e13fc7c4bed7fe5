import { TwilioProduct, TwilioTarget } from '../lib/twilio';
import { TargetConfig } from './config/config-types';

/** The Twilio model for a config target's `twilio` block (which the schema holds to exactly one key). */
export function twilioTargetFromConfig(twilio: TargetConfig['twilio']): TwilioTarget {
  if (twilio.flexEnhanced) return TwilioTarget.flexEnhanced(twilio.flexEnhanced);
  if (twilio.flexLegacy) return TwilioTarget.flexLegacy(twilio.flexLegacy);
  if (twilio.frontline) return TwilioTarget.frontline(twilio.frontline);
  const sp = twilio.serviceProvider!;
  return TwilioTarget.fromServiceProvider({ ...sp, product: sp.product === 'flex' ? TwilioProduct.FLEX : TwilioProduct.FRONTLINE });
}

/** The key of the target's `twilio` block, for error paths (`twilio.flexEnhanced`). */
export function twilioBlockKey(twilio: TargetConfig['twilio']): string {
  return Object.keys(twilio)[0];
}
