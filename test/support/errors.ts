import { SsoConfigError } from '../../lib/twilio';

/** The SsoConfigError `fn` throws; fails the test if it throws nothing or something else. */
export function ssoError(fn: () => unknown): SsoConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SsoConfigError) return e;
    throw e;
  }
  throw new Error('expected an SsoConfigError');
}
