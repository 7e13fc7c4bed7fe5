import { Token } from 'cdktf';
import { recogniseTokensWith } from '../twilio/unresolved';

// The Twilio model recognises tokens with cdktf's own Token (strings, numbers, lists, maps) as soon as
// any construct of this library is loaded: lib/twilio imports nothing from cdktf, so it is told here.
recogniseTokensWith((value) => Token.isUnresolved(value));
