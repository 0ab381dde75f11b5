// The npm packages the helmet domain knows, by role. A file is analysed only when it imports one
// of them (language.ts); rules ask "which role does this import play" through these sets.

export const APP_MODULES = new Map<string, 'express' | 'nest' | 'fastify' | 'koa'>([
  ['express', 'express'],
  ['@nestjs/core', 'nest'],
  ['fastify', 'fastify'],
  ['koa', 'koa'],
]);

/** helmet itself, and the framework wrappers that take helmet's options. */
export const HELMET_MODULES = new Map<string, 'helmet' | 'fastify' | 'koa'>([
  ['helmet', 'helmet'],
  ['@fastify/helmet', 'fastify'],
  ['fastify-helmet', 'fastify'],
  ['koa-helmet', 'koa'],
]);

export const CORS_MODULES = new Set(['cors', '@fastify/cors', 'fastify-cors', '@koa/cors', 'kcors']);

export const SESSION_MODULES = new Map<string, 'express-session' | 'cookie-session' | 'fastify' | 'koa'>([
  ['express-session', 'express-session'],
  ['cookie-session', 'cookie-session'],
  ['@fastify/session', 'fastify'],
  ['@fastify/secure-session', 'fastify'],
  ['koa-session', 'koa'],
  ['koa-generic-session', 'koa'],
]);

export const RATE_LIMIT_MODULES = new Set([
  'express-rate-limit',
  'express-slow-down',
  'rate-limiter-flexible',
  'express-limiter',
  'express-brute',
  '@nestjs/throttler',
  '@fastify/rate-limit',
  'fastify-rate-limit',
  'koa-ratelimit',
  'koa2-ratelimit',
  '@authentication/rate-limit',
  '@ladjs/koa-simple-ratelimit',
]);

export const CSRF_MODULES = new Set(['csurf', 'csrf-csrf', 'csrf-sync', 'lusca', 'tiny-csrf', '@fastify/csrf-protection', 'koa-csrf', '@dr.pogodin/csurf']);

export const DIRECTORY_LISTING_MODULES = new Set(['serve-index']);

/** JSON Web Token libraries whose `sign`/`verify` take the signing secret. */
export const JWT_MODULES = new Set(['jsonwebtoken']);

/** Health-check packages: importing one means the service answers health probes. */
export const HEALTH_MODULES = new Set(['@nestjs/terminus', '@godaddy/terminus', 'lightship', 'fastify-healthcheck', 'express-healthcheck', '@cloudnative/health-connect']);

/** Routers and controllers: where routes (auth, health) are declared outside the app file. */
export const ROUTER_MODULES = new Set(['@nestjs/common', 'koa-router', '@koa/router']);

/** Modules that make a file worth parsing. */
export const RELEVANT_MODULES = new Set<string>([
  ...APP_MODULES.keys(),
  ...HELMET_MODULES.keys(),
  ...CORS_MODULES,
  ...SESSION_MODULES.keys(),
  ...RATE_LIMIT_MODULES,
  ...CSRF_MODULES,
  ...DIRECTORY_LISTING_MODULES,
  ...JWT_MODULES,
  ...HEALTH_MODULES,
  ...ROUTER_MODULES,
  '@nestjs/platform-fastify',
  '@nestjs/platform-express',
]);

const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"`])([^'"`\n]{1,80})\1/g;

/**
 * Modules too common to make a file worth parsing on their own: every NestJS file imports
 * @nestjs/common, but only controllers declare routes (health and auth endpoints).
 */
const RELEVANT_ONLY_WITH: Record<string, RegExp> = { '@nestjs/common': /@Controller\s*\(/ };

/** Cheap text test before parsing: does the file name one of our modules in an import or require? */
export function mentionsRelevantModule(text: string): boolean {
  SPECIFIER.lastIndex = 0;
  for (let m = SPECIFIER.exec(text); m; m = SPECIFIER.exec(text)) {
    if (RELEVANT_MODULES.has(m[2]) && (RELEVANT_ONLY_WITH[m[2]]?.test(text) ?? true)) return true;
  }
  return false;
}
