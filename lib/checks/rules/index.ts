import { TwilioSsoRule } from '../rule';
import { OktaTwilioAppSendsBareClaimNames } from './okta-twilio-app-sends-bare-claim-names';
import { OktaTwilioAppSignsResponseAndAssertion } from './okta-twilio-app-signs-response-and-assertion';
import { OktaTwilioAppTargetsOneAcs } from './okta-twilio-app-targets-one-acs';
import { OktaTwilioAppUsesSha256 } from './okta-twilio-app-uses-sha256';

export { OktaTwilioAppSendsBareClaimNames, OktaTwilioAppSignsResponseAndAssertion, OktaTwilioAppTargetsOneAcs, OktaTwilioAppUsesSha256 };

/** Every rule {@link TwilioSsoChecks} applies by default. */
export const ALL_RULES: readonly TwilioSsoRule[] = [
  OktaTwilioAppSignsResponseAndAssertion,
  OktaTwilioAppUsesSha256,
  OktaTwilioAppTargetsOneAcs,
  OktaTwilioAppSendsBareClaimNames,
];
