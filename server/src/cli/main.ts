// `readiness-lint [paths...] [--format text|json|sarif|markdown|github] [--fix] [--fix-type T] [--config FILE]
//  [--profile NAME] [--max-warnings N] [--no-inline-suppressions] [--list-rules]`
// Exit codes: 0 nothing at block, 1 something at block (or more warnings than --max-warnings),
// 2 usage or configuration error. stdout carries only the requested document.
import { existsSync, lstatSync, realpathSync, statSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { allRules } from '../../../rules/index';
import { languages } from '../../../rules/index';
import { CONFIG_FILE_NAME, PROFILES, configJsonSchema, type Profile, type ResolvedConfig } from '../engine/config';
import { DEFAULT_EXCLUDES, indexFiles, ioReason, lintFile, loadWorkspaceConfig } from '../engine/workspace';
import { ENGINE_IDS, FILE_START, staticWorkspace, type Finding } from '../engine/runner';
import { buildReport, gateState } from '../engine/report';
import { format, FORMATS, type Format } from '../engine/formatters/index';
import { fixAll, verifiedFixes } from '../engine/fix';
import { FIX_TYPES, type FixType, type WorkspaceView } from '../../../rules/types';
import { renderRuleDoc } from '../engine/docs';
import { VERSION } from '../engine/version';
import type { FileResult } from '../engine/runner';
import { collectWorkspaceEvidence, type WorkspaceEvidence } from '../engine/evidence';

const HELP = `Usage: readiness-lint [paths...] [options]

Checks Dockerfiles, Kubernetes manifests, nginx configs and the security setup of Node apps
(helmet, CORS, sessions, rate limits) for production readiness, and prints the findings and the
readiness checklist (including operational controls evidenced by files). Paths default to the
current folder. Files are only read: nothing is executed and nothing goes over the network.

Options:
  -f, --format <name>         text (default), json, sarif, markdown, github
      --fix                   apply the safe fixes (nothing that runs changes: syntax, casing,
                              deprecated names, values that cannot work), then report what is left
      --fix-type <types>      apply only fixes of these types (comma-separated): safe, hardening.
                              Hardening fixes change what runs (security contexts, pull policy,
                              headers, TLS, USER, ...): --fix-type hardening applies those only.
  -c, --config <file>         config file (default: nearest ${CONFIG_FILE_NAME})
      --profile <name>        recommended (default), strict, pss-baseline, pss-restricted
      --max-warnings <n>      exit 1 when there are more than n warnings
      --no-inline-suppressions  ignore every inline suppression comment
      --quiet                 show only warnings and errors (not info)
      --list-rules            list the rules (use with --format json)
      --color, --no-color     force colours on or off in text output (default: on for a terminal)
  -o, --output-file <file>    write the report to a file instead of stdout
  -h, --help                  show this help
  -v, --version               print the version

Exit codes: 0 nothing at level block, 1 something at level block (or too many warnings), 2 usage or configuration error.
`;

interface Args {
  paths: string[];
  format: Format;
  fix: boolean;
  /** The fix types --fix applies (safe unless --fix-type says otherwise). */
  fixTypes: FixType[];
  config?: string;
  profile?: Profile;
  maxWarnings?: number;
  noInlineSuppressions: boolean;
  quiet: boolean;
  listRules: boolean;
  color: boolean;
  outputFile?: string;
  writeDocs?: string;
  writeSchema?: string;
}

class UsageError extends Error {}


export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const a: Args = { paths: [], format: 'text', fix: false, fixTypes: ['safe'], noInlineSuppressions: false, quiet: false, listRules: false, color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new UsageError(`Option ${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`Unknown format "${v}". Use one of: ${FORMATS.join(', ')}.`);
        a.format = v as Format;
        break;
      }
      case '--fix':
        a.fix = true;
        break;
      case '--fix-type': {
        const types = value().split(',').map((t) => t.trim()).filter(Boolean);
        const bad = types.filter((t) => !(FIX_TYPES as readonly string[]).includes(t));
        if (!types.length || bad.length) throw new UsageError(`Unknown fix type "${bad[0] ?? ''}". Use one or more of: ${FIX_TYPES.join(', ')}.`);
        a.fix = true;
        a.fixTypes = [...new Set(types)] as FixType[];
        break;
      }
      case '-c':
      case '--config':
        a.config = value();
        break;
      case '--profile': {
        const v = value();
        if (!(PROFILES as readonly string[]).includes(v)) throw new UsageError(`Unknown profile "${v}". Use one of: ${PROFILES.join(', ')}.`);
        a.profile = v as Profile;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^-?\d+$/.test(v)) throw new UsageError('--max-warnings needs a number.');
        a.maxWarnings = Number(v);
        break;
      }
      case '--no-inline-suppressions':
        a.noInlineSuppressions = true;
        break;
      case '--quiet':
        a.quiet = true;
        break;
      case '--list-rules':
        a.listRules = true;
        break;
      case '--no-color':
        a.color = false;
        break;
      case '--color':
        a.color = true;
        break;
      case '-o':
      case '--output-file':
        a.outputFile = value();
        break;
      case '--write-docs':
        a.writeDocs = value();
        break;
      case '--write-config-schema':
        a.writeSchema = value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}. See --help.`);
        a.paths.push(arg);
    }
  }
  if (!a.paths.length) a.paths.push('.');
  return a;
}

/** Nearest config file: from the first path's directory up to the file system root. */
function findConfigRoot(start: string): string {
  let dir = path.resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, CONFIG_FILE_NAME))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/**
 * Apply the fixes of the asked types to one file, writing only a regular UTF-8 file inside the
 * root: a symlink could point outside the workspace, and a file that does not decode would lose
 * every byte that is not UTF-8. Returns 'fixed', null (nothing to do), or the finding that says
 * why the file was not fixed.
 */
function fixFile(file: string, root: string, config: ResolvedConfig, workspace: WorkspaceView, types: FixType[]): 'fixed' | Finding | null {
  const note = (ruleId: string, message: string): Finding => ({ ruleId, level: 'report', message, range: FILE_START });
  let bytes: Buffer;
  try {
    const real = realpathSync(file);
    const inside = path.relative(realpathSync(root), real);
    if (lstatSync(file).isSymbolicLink() || !statSync(real).isFile() || inside.startsWith('..') || path.isAbsolute(inside)) {
      return note(ENGINE_IDS.unreadable, 'This file is a symbolic link or lies outside the workspace: --fix does not write to it.');
    }
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return note(ENGINE_IDS.notUtf8, 'This file is not valid UTF-8: --fix does not change it, so that no byte of it is lost.');
  }
  const fixed = fixAll({ path: file, text, config, workspace }, { types });
  if (fixed.text === text) return null;
  writeFileSync(file, fixed.text);
  return 'fixed';
}

async function collectFiles(paths: string[], root: string, ignore: string[]): Promise<string[]> {
  const files = new Set<string>();
  const patterns = [...new Set(languages.flatMap((l) => l.globs))];
  for (const p of paths) {
    const abs = path.resolve(p);
    if (!existsSync(abs)) throw new UsageError(`No such file or directory: ${p}`);
    if (statSync(abs).isFile()) {
      files.add(abs);
      continue;
    }
    // Ignore globs are relative to the config root; search from there when the folder is inside it.
    const rel = path.relative(root, abs);
    const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
    const cwd = inside ? root : abs;
    const prefix = inside && rel ? fg.escapePath(rel.split(path.sep).join('/')) + '/' : '';
    const found = await fg(
      patterns.map((g) => prefix + g),
      { cwd, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, ignore: [...DEFAULT_EXCLUDES, ...(inside ? ignore : [])] },
    );
    for (const f of found) if (languages.some((l) => l.matches(f))) files.add(path.normalize(f));
  }
  return [...files].sort();
}

export async function run(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`readiness-lint: ${(e as Error).message}\n`);
    return 2;
  }
  if (args === 'help') {
    io.out(HELP);
    return 0;
  }
  if (args === 'version') {
    io.out(VERSION + '\n');
    return 0;
  }
  if (args.writeDocs) {
    mkdirSync(args.writeDocs, { recursive: true });
    for (const r of allRules) writeFileSync(path.join(args.writeDocs, r.id.replace('/', '-') + '.md'), renderRuleDoc(r));
    io.err(`Wrote ${allRules.length} rule docs to ${args.writeDocs}\n`);
    return 0;
  }
  if (args.writeSchema) {
    writeFileSync(args.writeSchema, JSON.stringify(configJsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (args.listRules) {
    const list = allRules.map((r) => ({
      id: r.id,
      domain: r.domain,
      title: r.title,
      level: r.level,
      fixable: r.fixable,
      fixType: r.fixable ? (r.fixType ?? 'safe') : null,
      controls: r.controls,
      aliases: r.aliases,
    }));
    if (args.format === 'json') io.out(JSON.stringify(list, null, 2) + '\n');
    else io.out(list.map((r) => `${r.id.padEnd(42)} ${r.level.padEnd(6)} ${(r.fixType ?? '').padEnd(9)} ${r.title}`).join('\n') + '\n');
    return 0;
  }

  const root = findConfigRoot(args.paths[0]);
  const loaded = loadWorkspaceConfig(root, args.config, { profile: args.profile, noInlineSuppressions: args.noInlineSuppressions });
  if (loaded.errors.length) {
    const where = loaded.file ? path.relative(process.cwd(), loaded.file) : CONFIG_FILE_NAME;
    for (const e of loaded.errors) io.err(`${where}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);
    io.err('readiness-lint: configuration error (see above).\n');
    return 2;
  }
  const config = loaded.config;

  let files: string[];
  try {
    files = await collectFiles(args.paths, root, config.ignore);
  } catch (e) {
    io.err(`readiness-lint: ${(e as Error).message}\n`);
    return 2;
  }

  // Operational controls are evidenced by files of the folders given on the command line.
  const evidence: WorkspaceEvidence[] = [];
  for (const p of args.paths) {
    const abs = path.resolve(p);
    if (statSync(abs).isDirectory()) evidence.push(await collectWorkspaceEvidence(abs, config));
  }

  // Rules that relate objects across files (a PDB for a Deployment) see every file given.
  const workspace = staticWorkspace(indexFiles(files, config.maxFileSizeKb));

  const results: FileResult[] = [];
  let fixedFiles = 0;
  for (const file of files) {
    const refused = args.fix ? fixFile(file, root, config, workspace, args.fixTypes) : null;
    if (refused === 'fixed') fixedFiles++;
    const r = lintFile(file, config, file, workspace);
    if (r && refused && refused !== 'fixed') r.findings.unshift(refused);
    if (!r) {
      if (args.paths.some((p) => path.resolve(p) === file)) io.err(`readiness-lint: ${path.relative(process.cwd(), file) || file} is not a file of a checked kind; skipped.\n`);
      continue;
    }
    if (args.quiet) r.findings = r.findings.filter((f) => f.level !== 'report');
    results.push(r);
  }
  if (args.fix) io.err(`readiness-lint: fixed ${fixedFiles} file(s).\n`);

  // A finding is "fixable" only when its fix is verified safe (what --fix would apply).
  const verified = new Map<FileResult, Set<object>>();
  const report = buildReport(
    process.cwd(),
    results,
    config,
    (file, finding) => {
      if (!finding.fix) return false;
      let set = verified.get(file);
      if (!set) {
        let text = '';
        try {
          text = readFileSync(file.path, 'utf8');
        } catch {
          // unreadable now: nothing is fixable
        }
        set = verifiedFixes({ path: file.path, text, config, workspace: workspace }, file.findings);
        verified.set(file, set);
      }
      return set.has(finding);
    },
    args.maxWarnings,
    evidence,
  );
  const doc = format(report, args.format, { color: args.color && !args.outputFile });
  if (args.outputFile) {
    try {
      writeFileSync(args.outputFile, doc);
    } catch (e) {
      io.err(`readiness-lint: cannot write ${args.outputFile}: ${ioReason(e)}.\n`);
      return 2;
    }
  } else io.out(doc);
  if (!files.length) io.err('readiness-lint: no files of a checked kind (Dockerfiles, Kubernetes manifests, nginx configs, Node apps) found.\n');
  const gate = gateState(report);
  return gate.blocked || gate.tooManyWarnings ? 1 : 0;
}
