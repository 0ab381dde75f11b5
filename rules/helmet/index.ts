// helmet domain rules (Node app security headers, CORS, sessions, rate limits), one module each.
// Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { HelmetModel } from './language';
// batch-config (helmet options: what helmet 8 sends and throws)
import cspUnquotedKeyword from './csp-unquoted-keyword';
// end batch-config
// batch-app (app-level setup: registration, CORS, sessions, rate limits)
// end batch-app

export const helmetRules: Rule<HelmetModel>[] = [
  // batch-config list
  cspUnquotedKeyword,
  // end batch-config list
  // batch-app list
  // end batch-app list
];
