// nginx rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { NginxModel } from './language';
// batch-core (config validity)
import directiveNotAllowed from './directive-not-allowed';
import invalidArguments from './invalid-arguments';
import unknownDirective from './unknown-directive';
// batch-headers (headers, TLS, HSTS)
// end batch-headers
// batch-gixy (request handling, access, proxying)
// end batch-gixy

export const nginxRules: Rule<NginxModel>[] = [
  // batch-core
  directiveNotAllowed,
  invalidArguments,
  unknownDirective,
  // batch-headers
  // end batch-headers
  // batch-gixy
  // end batch-gixy
];
