import { defineRule } from '../types';
import { allDirectives, rangeOf, type NginxModel } from './language';
import { replaceArg } from './model';
import { enclosingLocation, locationMatch, scopeLabel } from './access-helpers';

/**
 * Location paths that announce a deliberate public file listing: a download area or mirror. Kept
 * small on purpose: `/download(s)/`, `/pub/`, `/mirror(s)/`, `/releases/`, `/dist/`.
 */
const PUBLIC_LISTING = /(^|\/)(downloads?|pub|mirrors?|releases|dist)(\/|$)/i;

export default defineRule<NginxModel>({
  id: 'nginx/autoindex-on',
  title: 'No directory listings ("autoindex on")',
  level: 'warn',
  controls: ['edge.file-exposure'],
  aliases: {},
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`autoindex on` lists every file of a directory that has no index file: backups, dumps, configs and uploads become discoverable by anyone who guesses the folder. nginx\'s default is `off`.',
    howToFix: 'Set `autoindex off;` (or delete the line) and link to the files that are meant to be public. If a listing is the point (a download mirror), put it in its own location whose path says so (`/downloads/`, `/pub/`, `/mirror/`, `/releases/`, `/dist/`): those locations are not reported.',
    whenNotToUse: 'File servers and mirrors whose whole purpose is browsing files, in a location named other than the exempt download paths.',
    examples: { bad: 'location /files/ {\n    root /srv;\n    autoindex on;\n}', good: 'location /files/ {\n    root /srv;\n    autoindex off;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'autoindex') continue;
      const value = d.args[0]?.value.toLowerCase();
      const loc = enclosingLocation(d.parent);
      const where = d.parent ? scopeLabel(d.parent) : 'the top level';
      if (value === 'off') {
        ctx.pass({ range: rangeOf(model, d), message: `autoindex off at ${where}` });
        continue;
      }
      if (value !== 'on') continue;
      if (loc && PUBLIC_LISTING.test(locationMatch(loc).path)) continue;
      // The author wrote it: changing it is offered, never applied unattended.
      ctx.report({
        range: rangeOf(model, d),
        message: `"autoindex on" is set explicitly at ${where}: it lists every file of directories without an index file. Turn it off, or serve deliberate listings from a location named for it (e.g. /downloads/).`,
        suggestions: [{ title: 'Set "autoindex off"', edits: [replaceArg(model, d, 0, 'off')] }],
      });
    }
  },
});
