// nginx rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { NginxModel } from './language';
// batch-core (config validity)
import directiveNotAllowed from './directive-not-allowed';
import invalidArguments from './invalid-arguments';
import unknownDirective from './unknown-directive';
// batch-headers (headers, TLS, HSTS)
import addHeaderContentType from './add-header-content-type';
import addHeaderInheritance from './add-header-inheritance';
import addHeaderMissingAlways from './add-header-missing-always';
import addHeaderMultiline from './add-header-multiline';
import cspUnsafe from './csp-unsafe';
import hstsMaxAgeTooShort from './hsts-max-age-too-short';
import hstsMissing from './hsts-missing';
import securityHeadersMissing from './security-headers-missing';
import serverTokens from './server-tokens';
// end batch-headers
// batch-tls (TLS settings, certificates, HTTPS redirect)
import httpsRedirectMissing from './https-redirect-missing';
import sslCertificateMissing from './ssl-certificate-missing';
import sslCiphersWeak from './ssl-ciphers-weak';
import sslEcdhCurveUnsupported from './ssl-ecdh-curve-unsupported';
import sslPreferServerCiphers from './ssl-prefer-server-ciphers';
import sslProtocolsInsecure from './ssl-protocols-insecure';
import sslProtocolsMissing from './ssl-protocols-missing';
import sslSessionTickets from './ssl-session-tickets';
import sslStaplingLetsencrypt from './ssl-stapling-letsencrypt';
// end batch-tls
// batch-gixy (request handling, access, proxying)
import aliasTraversal from './alias-traversal';
import hostHeaderSpoofing from './host-header-spoofing';
import httpSplitting from './http-splitting';
import originRegexWeak from './origin-regex-weak';
import ssrfDynamicProxyPass from './ssrf-dynamic-proxy-pass';
import validReferersNone from './valid-referers-none';
// end batch-gixy
// batch-access (access, exposure, limits)
import allowWithoutDeny from './allow-without-deny';
import autoindexOn from './autoindex-on';
import clientMaxBodySize from './client-max-body-size';
import dotfilesExposed from './dotfiles-exposed';
import errorLogOff from './error-log-off';
import h2cSmuggling from './h2c-smuggling';
import ifIsEvil from './if-is-evil';
import rateLimitMissing from './rate-limit-missing';
import resolverExternal from './resolver-external';
import returnBypassesAccess from './return-bypasses-access';
import stubStatusExposed from './stub-status-exposed';
// end batch-access

export const nginxRules: Rule<NginxModel>[] = [
  // batch-core
  directiveNotAllowed,
  invalidArguments,
  unknownDirective,
  // batch-headers
  addHeaderContentType,
  addHeaderInheritance,
  addHeaderMissingAlways,
  addHeaderMultiline,
  cspUnsafe,
  hstsMaxAgeTooShort,
  hstsMissing,
  securityHeadersMissing,
  serverTokens,
  // end batch-headers
  // batch-tls
  httpsRedirectMissing,
  sslCertificateMissing,
  sslCiphersWeak,
  sslEcdhCurveUnsupported,
  sslPreferServerCiphers,
  sslProtocolsInsecure,
  sslProtocolsMissing,
  sslSessionTickets,
  sslStaplingLetsencrypt,
  // end batch-tls
  // batch-gixy
  aliasTraversal,
  hostHeaderSpoofing,
  httpSplitting,
  originRegexWeak,
  ssrfDynamicProxyPass,
  validReferersNone,
  // end batch-gixy
  // batch-access
  allowWithoutDeny,
  autoindexOn,
  clientMaxBodySize,
  dotfilesExposed,
  errorLogOff,
  h2cSmuggling,
  ifIsEvil,
  rateLimitMissing,
  resolverExternal,
  returnBypassesAccess,
  stubStatusExposed,
  // end batch-access
];
