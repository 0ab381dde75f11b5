import { defineRule } from '../types';
import { allDirectives, rangeOf, type NginxModel } from './language';
import { replaceArgs } from './model';

const LEVELS = new Set(['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg']);

export default defineRule<NginxModel>({
  id: 'nginx/error-log-off',
  title: '"error_log off" does not create a file named "off"',
  level: 'warn',
  controls: ['edge.config-valid'],
  aliases: { gixy: ['error_log_off'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`error_log` has no `off` value (unlike `access_log`): `error_log off;` logs errors to a file named "off" in nginx\'s prefix directory. The errors are still written, to a file nobody watches, which can grow without rotation and fill the disk.',
    howToFix:
      'Send errors somewhere useful at a high level: `error_log stderr crit;` (the fix; container runtimes and systemd collect stderr) or a real file. To discard them entirely, use `error_log /dev/null crit;` (offered as a suggestion). Both are accepted by `nginx -t`.',
    whenNotToUse: 'Never: there is no configuration in which a log file literally named "off" is intended.',
    examples: { bad: 'error_log off;', good: 'error_log stderr crit;' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'error_log' || d.args[0]?.value !== 'off') continue;
      const level = d.args.slice(1).find((a) => LEVELS.has(a.value))?.value ?? 'crit';
      const rest = d.args.length > 2 || (d.args.length === 2 && !LEVELS.has(d.args[1].value));
      ctx.report({
        range: rangeOf(model, d),
        message: `"error_log off" is written explicitly but writes errors to a file named "off" instead of disabling them. Use "error_log stderr ${level};" (or /dev/null to discard them).`,
        // The author meant to turn logging off: where errors go instead is the author's choice.
        suggestions: [
          ...(rest ? [] : [{ title: `Log to stderr ("error_log stderr ${level}")`, edits: [replaceArgs(model, d, `stderr ${level}`)] }]),
          { title: `Discard errors ("error_log /dev/null ${level}")`, edits: [replaceArgs(model, d, `/dev/null ${level}`)] },
        ],
      });
    }
  },
});
