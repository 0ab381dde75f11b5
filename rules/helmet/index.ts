// helmet domain rules (Node app security headers, CORS, sessions, rate limits), one module each.
// Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { HelmetModel } from './language';
// batch-config (helmet options: what helmet 8 sends and throws)
import calledWithoutParens from './called-without-parens';
import crossOriginPolicyRelaxed from './cross-origin-policy-relaxed';
import cspDisabled from './csp-disabled';
import cspMultiTokenEntry from './csp-multi-token-entry';
import cspReportOnly from './csp-report-only';
import cspUnknownDirective from './csp-unknown-directive';
import cspUnquotedKeyword from './csp-unquoted-keyword';
import cspUnsafeSource from './csp-unsafe-source';
import fastifyHelmetDisabledRoute from './fastify-helmet-disabled-route';
import headerDisabled from './header-disabled';
import hstsMaxAgeTooShort from './hsts-max-age-too-short';
import hstsNoIncludeSubdomains from './hsts-no-include-subdomains';
import invalidOption from './invalid-option';
import referrerPolicyUnsafe from './referrer-policy-unsafe';
// end batch-config
// batch-cross (the app and the rest of the workspace)
import headerConflictsNginx from './header-conflicts-nginx';
// end batch-cross
// batch-app (app-level setup: registration, CORS, sessions, rate limits)
import corsReflectOriginWithCredentials from './cors-reflect-origin-with-credentials';
import corsWildcardOrigin from './cors-wildcard-origin';
import csrfProtectionMissing from './csrf-protection-missing';
import directoryListing from './directory-listing';
import healthEndpointMissing from './health-endpoint-missing';
import helmetMissing from './helmet-missing';
import rateLimitMissing from './rate-limit-missing';
import registeredAfterRoutes from './registered-after-routes';
import sessionCookieHttponlyDisabled from './session-cookie-httponly-disabled';
import sessionCookieNotSecure from './session-cookie-not-secure';
import sessionCookieSamesiteMissing from './session-cookie-samesite-missing';
import sessionDefaultCookieName from './session-default-cookie-name';
import sessionHardcodedSecret from './session-hardcoded-secret';
import xPoweredByEnabled from './x-powered-by-enabled';
// end batch-app

export const helmetRules: Rule<HelmetModel>[] = [
  // batch-config list
  calledWithoutParens,
  crossOriginPolicyRelaxed,
  cspDisabled,
  cspMultiTokenEntry,
  cspReportOnly,
  cspUnknownDirective,
  cspUnquotedKeyword,
  cspUnsafeSource,
  fastifyHelmetDisabledRoute,
  headerDisabled,
  hstsMaxAgeTooShort,
  hstsNoIncludeSubdomains,
  invalidOption,
  referrerPolicyUnsafe,
  // end batch-config list
  // batch-cross list
  headerConflictsNginx,
  // end batch-cross list
  // batch-app list
  corsReflectOriginWithCredentials,
  corsWildcardOrigin,
  csrfProtectionMissing,
  directoryListing,
  healthEndpointMissing,
  helmetMissing,
  rateLimitMissing,
  registeredAfterRoutes,
  sessionCookieHttponlyDisabled,
  sessionCookieNotSecure,
  sessionCookieSamesiteMissing,
  sessionDefaultCookieName,
  sessionHardcodedSecret,
  xPoweredByEnabled,
  // end batch-app list
];
