// The readiness checklist: categories -> controls. Rules say which controls they evidence
// (`Rule.controls`). A control passes only on positive evidence: something of its subject was
// checked and found good. With nothing of its subject in the workspace it is not applicable.
import type { Domain } from './types';

export interface CategoryDef {
  id: string;
  title: string;
}

export interface ControlDef {
  id: string;
  category: string;
  title: string;
  /** What "done" means, shown in the report and the tree view tooltip. */
  description: string;
  /** Domains whose files make this control applicable (rule-evidenced controls). */
  domains: Domain[];
  /**
   * What the control's rules check, in the plural ("TLS servers"): with none of them in the
   * workspace there is nothing to check, and the control is not applicable rather than passing.
   */
  subject?: string;
  /**
   * Every file of the domains is itself what the control checks (a Dockerfile is a build): a file
   * the rules ran on without a finding for this control is passing evidence for it.
   */
  everyFile?: boolean;
  /** A file of the domains that does not parse is failing evidence (the config would not load). */
  parseErrorsFail?: boolean;
  /**
   * Evidenced by files rather than rules: the control passes when a file matches one of these
   * globs (relative to the workspace root; teams override them in `.readiness-lint.yaml`).
   */
  files?: { globs: string[]; what: string };
  /** A built-in check over the workspace's files instead of plain presence. */
  fileCheck?: 'env-files-ignored';
}

export const categories: CategoryDef[] = [
  { id: 'container', title: 'Container image' },
  { id: 'k8s-hardening', title: 'Kubernetes workload hardening' },
  { id: 'reliability', title: 'Reliability and availability' },
  { id: 'secrets', title: 'Secrets management' },
  { id: 'edge', title: 'Edge security (nginx)' },
  { id: 'app', title: 'Application security headers (helmet, CORS, cookies)' },
  { id: 'network', title: 'Network exposure' },
  { id: 'supply-chain', title: 'Supply chain and deprecations' },
  { id: 'ops', title: 'Operational readiness' },
];

export const controls: ControlDef[] = [
  {
    id: 'container.non-root',
    category: 'container',
    title: 'Runs as a non-root user',
    description: 'The final image switches to a non-root, preferably numeric, user and the build does not rely on sudo.',
    domains: ['docker'],
    subject: 'Dockerfiles',
  },
  {
    id: 'container.base-image',
    category: 'container',
    title: 'Base images pinned and trusted',
    description: 'Every FROM names a tag or digest (never latest) from a trusted registry.',
    domains: ['docker'],
    subject: 'FROM instructions',
  },
  {
    id: 'container.build-secrets',
    category: 'container',
    title: 'No secrets or disabled verification in the build',
    description: 'No credentials in ARG/ENV, no TLS or package-signature verification turned off, no passwords set in the image.',
    domains: ['docker'],
    subject: 'Dockerfiles',
    everyFile: true,
  },
  {
    id: 'container.healthcheck',
    category: 'container',
    title: 'Health is checkable',
    description: 'The final image declares one HEALTHCHECK (or the orchestrator probes it).',
    domains: ['docker'],
    subject: 'final image stages',
  },
  {
    id: 'container.signals',
    category: 'container',
    title: 'One exec-form entry point',
    description: 'CMD/ENTRYPOINT in exec form, one of each per stage, so SIGTERM reaches the application.',
    domains: ['docker'],
    subject: 'Dockerfiles',
    everyFile: true,
  },
  {
    id: 'container.minimal-surface',
    category: 'container',
    title: 'Minimal attack surface',
    description: 'No SSH port, no recommended extras, no package caches, COPY rather than ADD for local files.',
    domains: ['docker'],
    subject: 'Dockerfiles',
    everyFile: true,
  },
  {
    id: 'container.reproducible-build',
    category: 'container',
    title: 'Reproducible, fail-fast build',
    description: 'Pipes fail the build, absolute WORKDIRs, valid stage references, non-interactive installs, pinned packages.',
    domains: ['docker'],
    subject: 'Dockerfiles',
    everyFile: true,
  },
  {
    id: 'k8s.non-root',
    category: 'k8s-hardening',
    title: 'Pods run as non-root',
    description: 'runAsNonRoot: true (or a non-zero runAsUser) at pod or container level, never runAsUser: 0.',
    domains: ['k8s'],
    subject: 'workload containers',
  },
  {
    id: 'k8s.privilege',
    category: 'k8s-hardening',
    title: 'No privilege or privilege escalation',
    description: 'No privileged containers, allowPrivilegeEscalation: false, capabilities dropped (ALL) and none dangerous added.',
    domains: ['k8s'],
    subject: 'workload containers',
  },
  {
    id: 'k8s.host-isolation',
    category: 'k8s-hardening',
    title: 'Isolated from the host',
    description: 'No host network/PID/IPC, hostPath volumes, host ports, Docker socket, unsafe sysctls or unmasked /proc.',
    domains: ['k8s'],
    subject: 'workloads',
  },
  {
    id: 'k8s.kernel-hardening',
    category: 'k8s-hardening',
    title: 'Kernel hardening profiles',
    description: 'seccomp RuntimeDefault/Localhost, AppArmor and SELinux not overridden, read-only root file system.',
    domains: ['k8s'],
    subject: 'workload containers',
  },
  {
    id: 'k8s.service-account',
    category: 'k8s-hardening',
    title: 'Least-privilege identity',
    description: 'A dedicated service account, token not mounted unless needed, no wildcard RBAC or cluster-admin bindings.',
    domains: ['k8s'],
    subject: 'workloads or RBAC bindings',
  },
  {
    id: 'k8s.resources',
    category: 'reliability',
    title: 'Resource requests and limits',
    description: 'Every container requests CPU and memory and has a memory limit (CPU limit as the team decides).',
    domains: ['k8s'],
    subject: 'workload containers',
  },
  {
    id: 'k8s.probes',
    category: 'reliability',
    title: 'Health probes',
    description: 'Readiness and liveness probes on declared ports, not identical to each other.',
    domains: ['k8s'],
    subject: 'long-running workload containers',
  },
  {
    id: 'k8s.availability',
    category: 'reliability',
    title: 'Replicas, disruption budgets and spread',
    description: 'More than one replica, a PodDisruptionBudget, anti-affinity or topology spread, rolling updates.',
    domains: ['k8s'],
    subject: 'multi-replica workloads, disruption budgets or Jobs',
  },
  {
    id: 'k8s.wiring',
    category: 'reliability',
    title: 'Objects wired correctly',
    description: 'Selectors match pod templates; Services and Ingresses reach workloads.',
    domains: ['k8s'],
    subject: 'Services, selectors or autoscalers',
  },
  {
    id: 'k8s.secrets',
    category: 'secrets',
    title: 'No secrets in manifests',
    description: 'No credentials as literal env values or in ConfigMaps; no duplicate env vars hiding values.',
    domains: ['k8s'],
    subject: 'env values or ConfigMaps',
  },
  {
    id: 'edge.config-valid',
    category: 'edge',
    title: 'Config loads',
    description: 'Every directive is known, has valid arguments and sits in a context that allows it, so `nginx -t` accepts the config and a reload cannot take the site down.',
    domains: ['nginx'],
    subject: 'nginx configs',
    everyFile: true,
    parseErrorsFail: true,
  },
  {
    id: 'edge.tls',
    category: 'edge',
    title: 'TLS configured to current guidance',
    description: 'TLS servers offer only TLS 1.2 and 1.3 with strong ciphers (Mozilla intermediate), and curves nginx\'s OpenSSL can load.',
    domains: ['nginx'],
    subject: 'TLS servers (listen ... ssl)',
  },
  {
    id: 'edge.hsts',
    category: 'edge',
    title: 'HSTS on every TLS server',
    description: 'Every TLS server sends Strict-Transport-Security with a max-age of at least one year, on every response (`always`).',
    domains: ['nginx'],
    subject: 'TLS servers',
  },
  {
    id: 'edge.https-redirect',
    category: 'edge',
    title: 'HTTP redirects to HTTPS',
    description: 'Plain-HTTP servers for names that have a TLS server only redirect (301/308) to https.',
    domains: ['nginx'],
    subject: 'plain-HTTP servers for names that also have a TLS server',
  },
  {
    id: 'edge.security-headers',
    category: 'edge',
    title: 'Security headers on every response',
    description: 'X-Content-Type-Options, frame protection, Referrer-Policy and a CSP are sent with `always`, and no nested block silently drops them (add_header inheritance).',
    domains: ['nginx'],
    subject: 'servers that answer requests',
  },
  {
    id: 'edge.server-tokens',
    category: 'edge',
    title: 'Server version not disclosed',
    description: '`server_tokens off` in the http block: error pages and the Server header do not reveal the nginx version.',
    domains: ['nginx'],
    subject: 'http blocks',
  },
  {
    id: 'edge.rate-limits',
    category: 'edge',
    title: 'Rate limits on APIs and logins',
    description: 'Proxied API and authentication locations are rate limited (`limit_req` with a `limit_req_zone`), and request bodies are bounded.',
    domains: ['nginx'],
    subject: 'servers that handle requests',
  },
  {
    id: 'edge.file-exposure',
    category: 'edge',
    title: 'No directory listing or dotfiles',
    description: 'No `autoindex on`, hidden files (.git, .env) are denied, and `alias` cannot be traversed out of its directory.',
    domains: ['nginx'],
    subject: 'locations that serve files',
  },
  {
    id: 'edge.request-handling',
    category: 'edge',
    title: 'Requests proxied and routed safely',
    description: 'No Host header spoofing, no user-controlled proxy targets (SSRF), no CRLF header injection, no unsafe `if`, access lists end with `deny all`.',
    domains: ['nginx'],
    subject: 'proxied, rewritten or access-controlled requests',
  },
  {
    id: 'app.security-headers',
    category: 'app',
    title: 'Security headers set by the app (helmet)',
    description:
      'Every Express, NestJS, Fastify or Koa app registers helmet (or @fastify/helmet, koa-helmet) before its routes, with options helmet 8 accepts at startup, no header switched off, HSTS of at least one year, and X-Powered-By hidden.',
    domains: ['helmet'],
    subject: 'apps (Express, NestJS, Fastify, Koa)',
  },
  {
    id: 'app.csp',
    category: 'app',
    title: 'Content-Security-Policy enforced',
    description: "helmet's Content-Security-Policy is on and enforcing (not report-only), keywords are quoted, directive names are real, and scripts and objects are not allowed from anywhere ('unsafe-inline', 'unsafe-eval', *, http:, data:).",
    domains: ['helmet'],
    subject: 'Content-Security-Policy settings',
  },
  {
    id: 'app.cors',
    category: 'app',
    title: 'CORS restricted to known origins',
    description: 'CORS names the origins it trusts; it never reflects any origin together with credentials, and does not answer * for an API that uses cookies or tokens.',
    domains: ['helmet'],
    subject: 'CORS settings',
  },
  {
    id: 'app.session-cookies',
    category: 'app',
    title: 'Session cookies hardened',
    description: 'Session cookies are Secure, HttpOnly and SameSite, use a name of their own, and are signed with a secret from the environment rather than the source code.',
    domains: ['helmet'],
    subject: 'session or cookie middleware',
  },
  {
    id: 'app.rate-limit',
    category: 'app',
    title: 'Rate limiting on auth routes',
    description: 'A rate limiter (express-rate-limit, @nestjs/throttler, @fastify/rate-limit, koa-ratelimit, ...) is in place, above all on login, signup, token and password-reset routes.',
    domains: ['helmet'],
    subject: 'apps',
  },
  {
    id: 'app.request-protection',
    category: 'app',
    title: 'CSRF protection and no directory listing',
    description: 'Cookie-based sessions come with CSRF protection, and no route lists directories (serve-index).',
    domains: ['helmet'],
    subject: 'cookie sessions or directory listings',
  },
  {
    id: 'k8s.network-policy',
    category: 'network',
    title: 'Network policies and TLS',
    description: 'Every workload is selected by a NetworkPolicy; Ingresses terminate TLS.',
    domains: ['k8s'],
    subject: 'workloads or Ingresses',
  },
  {
    id: 'k8s.images',
    category: 'supply-chain',
    title: 'Pinned images',
    description: 'Container images have a version tag or digest, never latest.',
    domains: ['k8s'],
    subject: 'container images',
  },
  {
    id: 'k8s.api-versions',
    category: 'supply-chain',
    title: 'Current API versions',
    description: 'No apiVersion deprecated or removed in the target Kubernetes version.',
    domains: ['k8s'],
    subject: 'manifests',
  },
  {
    id: 'ops.owner',
    category: 'ops',
    title: 'Service has an owner',
    description: 'A CODEOWNERS file or a service catalog entry names who owns and answers for the service.',
    domains: [],
    files: { globs: ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS', 'OWNERS', 'catalog-info.y?(a)ml', 'service.y?(a)ml', '.service.y?(a)ml'], what: 'an owners file or service catalog entry' },
  },
  {
    id: 'ops.incident-runbook',
    category: 'ops',
    title: 'Incident response runbook',
    description: 'On-call engineers find a runbook for this service: symptoms, dashboards, mitigation steps, escalation.',
    domains: [],
    files: { globs: ['**/runbook*.md', '**/runbooks/**/*.md', '**/*incident*.md', '**/playbook*.md', '**/on-?call*.md'], what: 'a runbook' },
  },
  {
    id: 'ops.dr-runbook',
    category: 'ops',
    title: 'Backup and restore (DR) runbook',
    description: 'How data is backed up and restored, tested recently, with recovery objectives (RPO/RTO).',
    domains: [],
    files: { globs: ['**/*backup*.md', '**/*restore*.md', '**/*disaster-recovery*.md', '**/dr-*.md', '**/dr.md'], what: 'a backup/restore runbook' },
  },
  {
    id: 'ops.rollback',
    category: 'ops',
    title: 'Rollback procedure',
    description: 'A documented way to roll a bad release back quickly.',
    domains: [],
    files: { globs: ['**/*rollback*.md', '**/*roll-back*.md', '**/*release*.md', '**/*deploy*.md'], what: 'a rollback or release procedure' },
  },
  {
    id: 'ops.slo',
    category: 'ops',
    title: 'SLOs defined',
    description: 'Service level objectives (availability, latency) are written down, ideally as code (OpenSLO, Sloth).',
    domains: [],
    files: { globs: ['**/*slo*.md', '**/*SLO*.md', '**/*slo*.y?(a)ml', '**/slos/**', '**/sli*.md'], what: 'an SLO definition' },
  },
  {
    id: 'ops.security-policy',
    category: 'ops',
    title: 'Security policy',
    description: 'SECURITY.md says how to report a vulnerability and which versions get fixes.',
    domains: [],
    files: { globs: ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md', 'security.md'], what: 'a security policy' },
  },
  {
    id: 'ops.ci-pipeline',
    category: 'ops',
    title: 'CI pipeline',
    description: 'Every change is built and tested by a CI pipeline definition kept in the repository.',
    domains: [],
    files: {
      globs: ['.github/workflows/*.y?(a)ml', '.gitlab-ci.yml', 'Jenkinsfile', '.circleci/config.y?(a)ml', 'azure-pipelines.y?(a)ml', 'bitbucket-pipelines.yml', '.buildkite/*.y?(a)ml', '.drone.yml', '.tekton/**/*.y?(a)ml', '.ci/*'],
      what: 'a CI pipeline definition',
    },
  },
  {
    id: 'ops.lockfile',
    category: 'ops',
    title: 'Dependencies locked',
    description: 'A lockfile pins every dependency so builds install exactly what was tested.',
    domains: [],
    files: {
      globs: ['**/package-lock.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/npm-shrinkwrap.json', '**/poetry.lock', '**/Pipfile.lock', '**/uv.lock', '**/go.sum', '**/Cargo.lock', '**/Gemfile.lock', '**/composer.lock', '**/packages.lock.json', '**/gradle.lockfile'],
      what: 'a dependency lockfile',
    },
  },
  {
    id: 'ops.health-endpoint',
    category: 'ops',
    title: 'Health endpoint or probe',
    description: 'The service can be asked whether it is healthy: the image declares a HEALTHCHECK, its pods have readiness and liveness probes, or the app serves a health route (/healthz) or uses a health-check package.',
    domains: ['docker', 'k8s', 'helmet'],
    subject: 'services (images, workloads or apps)',
  },
  {
    id: 'ops.env-files',
    category: 'ops',
    title: '.env files kept out of git',
    description: 'Local `.env` files (which hold secrets) are ignored by `.gitignore`; only templates such as `.env.example` are committed.',
    domains: [],
    fileCheck: 'env-files-ignored',
  },
];

export const categoryById = new Map(categories.map((c) => [c.id, c]));
export const controlById = new Map(controls.map((c) => [c.id, c]));
