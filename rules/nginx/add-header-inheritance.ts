import { defineRule, type Fix } from '../types';
import { nameRange, rangeOf, type NginxModel } from './language';
import { insertLines } from './model';
import type { NginxDirective } from './parser';
import { effectiveOf, headerControls, headerLevel, headerLineText, inheritMode, insertIntoBlock, isSecurityHeader, levelBlocks, levelLabel, whereIs, type HeaderEntry } from './headers';

/** nginx version that added `add_header_inherit`. */
const MERGE_SINCE = [1, 29, 3];

function versionAtLeast(v: string, min: number[]): boolean {
  const parts = v.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0;
    if (a !== min[i]) return a > min[i];
  }
  return true;
}

function list(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Where the block's own add_header set starts: its first add_header in this file, else the include that brings it. */
function reportAt(block: NginxDirective, own: HeaderEntry[]): NginxDirective {
  const inFile = own.find((e) => !e.fromFile);
  if (inFile) return inFile.directive;
  return (block.block ?? []).find((d) => d.name === 'include') ?? block;
}

export default defineRule<NginxModel>({
  id: 'nginx/add-header-inheritance',
  title: 'A block with its own add_header does not silently drop the outer ones',
  level: 'warn',
  controls: ['edge.security-headers', 'edge.hsts'],
  aliases: { gixy: ['add_header_redefinition'], semgrep: ['header-redefinition'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'responses of the block also carry the headers set at the outer level',
  hasSuggestions: true,
  docs: {
    rationale:
      'nginx inherits `add_header` lines from the outer level only when a level (server, location, if) has no `add_header` of its own. A single `add_header Cache-Control ...` in a location therefore removes every security header set at the server or http level (HSTS, CSP, X-Frame-Options, ...) from the responses of that location, silently.',
    howToFix:
      'Repeat the outer add_header lines in the block that sets its own (the quick fix copies them), or move the headers into a snippet that every level includes. On nginx 1.29.3 or later, `add_header_inherit merge;` keeps the outer headers (set the rule option `targetVersion` to get that suggestion).',
    whenNotToUse: 'When a block deliberately sends a different header set (an API location that must not send the HTML security headers): suppress the finding there with a reason.',
    examples: {
      bad: 'server {\n    add_header X-Frame-Options DENY always;\n    location /api/ {\n        add_header Cache-Control no-store;\n    }\n}',
      good: 'server {\n    add_header X-Frame-Options DENY always;\n    location /api/ {\n        add_header Cache-Control no-store;\n        add_header X-Frame-Options DENY always;\n    }\n}',
    },
  },
  defaultOptions: { targetVersion: null, headers: [] },
  validateOptions(o) {
    const v = o.targetVersion;
    if (v !== null && v !== undefined && !(typeof v === 'string' && /^\d+(\.\d+){0,2}$/.test(v))) return 'targetVersion must be an nginx version such as "1.29.3", or null';
    const h = o.headers;
    if (h !== undefined && !(Array.isArray(h) && h.every((x) => typeof x === 'string'))) return 'headers must be a list of header names';
    return undefined;
  },
  check(model, ctx) {
    const only = new Set(((ctx.options.headers as string[] | undefined) ?? []).map((h) => h.toLowerCase()));
    const target = ctx.options.targetVersion as string | null;
    const canMerge = typeof target === 'string' && versionAtLeast(target, MERGE_SINCE);
    for (const block of levelBlocks(model)) {
      const level = headerLevel(model, block, ctx);
      // An unresolved include in the block may repeat the outer headers: stay silent.
      if (!level.own.length || level.unknown || !level.parent) continue;
      const { mode, directive: modeDirective } = inheritMode(level);
      if (mode === 'merge') continue;
      const parent = effectiveOf(level.parent, model, ctx);
      const ownNames = new Set(level.own.map((e) => e.lower));
      const dropped: HeaderEntry[] = [];
      for (const e of parent.list) {
        if (e.via !== 'add_header' || !e.certain || ownNames.has(e.lower) || (only.size && !only.has(e.lower))) continue;
        if (!dropped.some((x) => x.lower === e.lower)) dropped.push(e);
      }
      if (!dropped.length) continue;
      const at = reportAt(block, level.own);
      const strong = dropped.filter((e) => e.lower === 'strict-transport-security' || e.lower === 'content-security-policy');
      const secure = dropped.filter((e) => isSecurityHeader(e.lower, e.value));
      const names = dropped.map((e) => `${e.name} (${whereIs(e.directive, model)})`);
      const from = [...new Set(dropped.map((e) => levelLabel(e.level)))].join(', ');
      const here = levelLabel(block);
      const why = mode === 'off' && modeDirective ? `"add_header_inherit off" (${whereIs(modeDirective, model)}) and its own add_header make ${here} drop` : `${here} has its own add_header, so nginx drops`;
      const one = dropped.length === 1;
      const them = one ? 'it' : 'them';
      const noun = secure.length === dropped.length ? (one ? 'the security header ' : 'the security headers ') : secure.length ? 'the headers ' : '';
      const merge = canMerge ? ' or add "add_header_inherit merge;"' : '';
      let message: string;
      if (strong.length) {
        const lost = strong.map((e) => (e.lower === 'strict-transport-security' ? 'HSTS' : 'CSP')).join(' and ');
        message = `${why} ${noun}${list(names)} set at ${from}: its responses go out without ${lost}. Repeat ${them} in this block${merge}.`;
      } else if (secure.length) {
        message = `${why} ${noun}${list(names)} set at ${from}. Repeat ${them} in this block${merge}.`;
      } else {
        message = `${why} ${list(names)} set at ${from}. Repeat ${them} in this block if its responses need ${them}${canMerge ? ', or add "add_header_inherit merge;"' : ''}.`;
      }
      let fix: Fix | undefined;
      if (dropped.every((e) => !e.fromFile) && mode !== 'off') {
        fix = { title: `Copy ${list(dropped.map((e) => e.name))} into ${here}`, edits: [insertIntoBlock(model, block, dropped.map((e) => headerLineText(e, model)))] };
      }
      const suggestions: Fix[] = [];
      if (canMerge) suggestions.push({ title: 'Add "add_header_inherit merge;" (nginx >= 1.29.3)', edits: [modeDirective && level.inherit === modeDirective && modeDirective.file === model.path ? { range: rangeOf(model, modeDirective), newText: 'add_header_inherit merge;' } : insertLines(model, block, ['add_header_inherit merge;'], 'start')] });
      ctx.report({ range: nameRange(model, at), message, fix, suggestions: suggestions.length ? suggestions : undefined, controls: headerControls(dropped.map((e) => e.lower)) });
    }
  },
});
