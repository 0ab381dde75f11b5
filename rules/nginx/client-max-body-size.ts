import { defineRule } from '../types';
import { allDirectives, rangeOf, type NginxModel } from './language';
import { replaceArg } from './model';
import { lineIndent, parseSize, scopeLabel } from './access-helpers';

const DEFAULT_MAX = '100m';

function formatBytes(n: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) if (n >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}

export default defineRule<NginxModel>({
  id: 'nginx/client-max-body-size',
  title: 'Request bodies are bounded ("client_max_body_size")',
  level: 'report',
  controls: ['edge.rate-limits'],
  aliases: {},
  hasSuggestions: true,
  defaultOptions: { maxSize: DEFAULT_MAX },
  validateOptions(o) {
    const v = o.maxSize;
    if (v === undefined) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return 'maxSize must be an nginx size such as "100m"';
    const n = parseSize(String(v));
    return n === null || n === 0 ? `maxSize must be a non-zero nginx size such as "100m", not "${v}"` : undefined;
  },
  docs: {
    rationale:
      '`client_max_body_size` caps request bodies (default 1m). `0` turns the check off and a very large value has nearly the same effect: any client can stream gigabytes into nginx\'s temp files and the backend, filling disks and tying up workers. Large uploads belong in the one location that handles them.',
    howToFix:
      'Keep a small limit at http/server level (`client_max_body_size 10m;`, or the 1m default) and raise it only in the upload location, to the largest file it accepts. The threshold is the `maxSize` option (default "100m").',
    whenNotToUse: 'Upload endpoints, registries (Docker `/v2/`) and object-storage gateways that must accept bodies of any size; set the limit in that location and suppress the finding there.',
    examples: { bad: 'server {\n    client_max_body_size 0;\n}', good: 'server {\n    client_max_body_size 10m;\n    location /upload {\n        client_max_body_size 100m;\n    }\n}' },
  },
  check(model, ctx) {
    const max = parseSize(String(ctx.options.maxSize ?? DEFAULT_MAX)) ?? parseSize(DEFAULT_MAX)!;
    for (const d of allDirectives(model)) {
      if (d.name !== 'client_max_body_size' || d.args.length !== 1) continue;
      const size = parseSize(d.args[0].value);
      if (size === null) continue;
      const where = scopeLabel(d.parent);
      if (size !== 0 && size <= max) {
        ctx.pass({ range: rangeOf(model, d), message: `client_max_body_size ${d.args[0].value} at ${where}` });
        continue;
      }
      const eol = model.index.eol;
      const lineStart = model.index.lineStart(model.index.positionAt(d.start).line);
      const comment = `${lineIndent(model, d)}# review: 10m fits most forms and APIs; raise it only where uploads need more${eol}`;
      ctx.report({
        range: rangeOf(model, d),
        message:
          size === 0
            ? `"client_max_body_size 0" at ${where} accepts request bodies of any size. Set a finite limit (e.g. 10m) and raise it only in the upload location.`
            : `"client_max_body_size ${d.args[0].value}" at ${where} is above ${formatBytes(max)}: clients can send huge bodies. Lower it (e.g. 10m) and raise it only in the upload location.`,
        suggestions: [
          {
            title: 'Set "client_max_body_size 10m" (review the size)',
            edits: [
              { range: model.index.range(lineStart, lineStart), newText: comment },
              replaceArg(model, d, 0, '10m'),
            ],
          },
        ],
      });
    }
  },
});
