import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { HEALTH_ROUTE, nodeRange } from './analyze';
import { appLabel, at, distinctApps, helmetFiles, shortPath } from './app-context';

export default defineRule<HelmetModel>({
  id: 'helmet/health-endpoint-missing',
  title: 'The app answers health probes',
  level: 'report',
  controls: ['ops.health-endpoint'],
  aliases: {},
  needsWorkspace: true,
  docs: {
    rationale:
      'Kubernetes probes, load balancers and uptime checks need a cheap URL that says whether this instance can serve traffic. Without one they probe `/` (which may need a login, a database or a template render) or nothing at all, so a hung instance keeps receiving requests and a starting one receives them too early.',
    howToFix:
      "Add a route such as `GET /healthz` that answers 200 without touching slow dependencies (and `GET /readyz` that checks them when readiness matters), or use a health package: @nestjs/terminus, @godaddy/terminus, lightship, fastify-healthcheck. Point the probes (`livenessProbe`, `readinessProbe`, a Dockerfile HEALTHCHECK) at it.",
    whenNotToUse: 'Workers and jobs that serve no HTTP traffic, or apps whose health is checked by a sidecar or the platform in another way.',
    examples: { bad: "const app = express();\napp.get('/', home);", good: "const app = express();\napp.get('/healthz', (req, res) => res.sendStatus(200));" },
  },
  check(model, ctx) {
    for (const r of [...model.routes, ...model.controllerRoutes]) {
      if (r.path && HEALTH_ROUTE.test(r.path)) ctx.pass({ range: nodeRange(model, r.node), message: `Health endpoint ${r.method.toUpperCase()} ${r.path} at ${at(ctx, model, r.node)}` });
    }
    for (const imp of model.healthImports) ctx.pass({ range: nodeRange(model, imp.node), message: `Health checks by ${imp.module} imported at ${at(ctx, model, imp.node)}` });
    if (!model.apps.length) return;
    const files = helmetFiles(ctx);
    const elsewhere = files.find((f) => f.item.healthRoutes?.length || f.item.healthModules?.length);
    if (elsewhere) {
      if (!elsewhere.self) {
        const what = elsewhere.item.healthRoutes?.[0] ?? elsewhere.item.healthModules?.[0];
        for (const app of model.apps) ctx.pass({ range: nodeRange(model, app.node), message: `Health endpoint ${what} in ${shortPath(ctx.filePath, elsewhere.path)}` });
      }
      return;
    }
    for (const app of distinctApps(model)) {
      ctx.report({
        range: nodeRange(model, app.node),
        message: `This ${appLabel(app)} has no health endpoint (/healthz, /readyz, /health, ...) anywhere in the workspace and no health-check package: probes and load balancers cannot tell a hung instance from a healthy one. Add a cheap GET /healthz that answers 200${app.framework === 'nest' ? ' (or @nestjs/terminus)' : ''}.`,
      });
    }
  },
});
