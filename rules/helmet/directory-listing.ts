import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';

export default defineRule<HelmetModel>({
  id: 'helmet/directory-listing',
  title: 'No directory listings',
  level: 'warn',
  controls: ['app.request-protection'],
  aliases: { semgrep: ['express-check-directory-listing'] },
  docs: {
    rationale:
      'serve-index answers a request for a folder with the list of its files. Anyone can then browse for backups, `.env` files, source maps, uploads of other users and anything else that was never linked, instead of having to guess names.',
    howToFix: 'Remove serve-index and serve only known files (`express.static` without listings). If a listing is really needed, put it behind authentication on an admin route.',
    whenNotToUse: 'Deliberately public file archives (a mirror, a download area) where every file is meant to be found.',
    examples: { bad: "app.use('/files', serveIndex('public/files'));", good: "app.use('/files', express.static('public/files'));" },
  },
  check(model, ctx) {
    for (const call of model.directoryListing) {
      ctx.report({
        range: nodeRange(model, call),
        message: 'serve-index lists the files of a directory to anyone who asks: backups, .env files, source maps and uploads become easy to find. Serve known files only, or put the listing behind authentication.',
      });
    }
  },
});
