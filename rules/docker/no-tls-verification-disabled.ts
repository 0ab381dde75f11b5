import { defineRule } from '../types';
import type { TextEdit } from '../types';
import { runCommands, type DockerInstruction, type DockerModel, deleteInstruction, isJsonElement } from './language';
import { commandArgs, commandName, findFlag, positionalArgs, type ShellCommand, type ShellWord } from './shell';
import { argEnvKeys, deleteListItem, deleteShortFlag, deleteWords, effectiveName, findShortFlag, hasDashArg, withWrapped } from './args-users-edits';

/** curl short options that take a value: a bundle stops there (`-ok` writes to file `k`). */
const CURL_VALUE_SHORTS = 'AbcCdDeEFHKmoPQrtTuUwxXyYz';
const FALSE = /^(false|0|no|off)$/i;

/** Environment variables that turn verification off, and the values that do it. */
const TLS_ENV: { name: RegExp; off: (v: string) => boolean; what: string }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, off: (v) => v === '0', what: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
  { name: /^PYTHONHTTPSVERIFY$/, off: (v) => v === '0', what: 'PYTHONHTTPSVERIFY=0' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, off: (v) => FALSE.test(v), what: 'NPM_CONFIG_STRICT_SSL=false' },
  { name: /^YARN_ENABLE_STRICT_SSL$/, off: (v) => FALSE.test(v), what: 'YARN_ENABLE_STRICT_SSL=false' },
  // git skips verification when the variable is set at all, whatever its value.
  { name: /^GIT_SSL_NO_VERIFY$/, off: () => true, what: 'GIT_SSL_NO_VERIFY' },
  { name: /^PIP_TRUSTED_HOST$/, off: (v) => v.trim() !== '', what: 'PIP_TRUSTED_HOST' },
  { name: /^GOINSECURE$/, off: (v) => v.trim() !== '', what: 'GOINSECURE' },
];

function tlsEnv(name: string, value: string): string | undefined {
  const hit = TLS_ENV.find((e) => e.name.test(name) && e.off(value.replace(/^["']|["']$/g, '')));
  return hit?.what;
}

/** Commands checked by name; any other command is only checked for generic flags. */
const NAMED = /^(curl|wget|pip[0-9.]*|npm|yarn|pnpm|npx|git|conda|yum|dnf|microdnf|tdnf|dnf5|echo|printf|sed|tee|cat)$/;

interface Hit {
  word: ShellWord;
  what: string;
  edit?: TextEdit;
}

const SSLVERIFY_OFF = /(^|[^a-z_])sslverify\s*=\s*(0|false|no|off)\b/i;
const CONFIG_LINE_OFF = /(^|[^a-z-])strict-ssl\s*[=\s]\s*false\b|check_certificate\s*=\s*off\b/i;

function commandHits(model: DockerModel, instr: DockerInstruction, cmd: ShellCommand): Hit[] {
  const hits: Hit[] = [];
  const name = effectiveName(cmd);
  if (!NAMED.test(name) && !hasDashArg(cmd)) return [];
  const args = commandArgs(cmd);
  const canFix = (w: ShellWord) => !isJsonElement(model, instr, w);
  const del = (first: ShellWord, last = first) => (canFix(first) && canFix(last) ? deleteWords(model, first.start, last.end) : undefined);

  if (name === 'curl') {
    const k = findShortFlag(cmd, 'k', CURL_VALUE_SHORTS);
    if (k) hits.push({ word: k, what: '`curl -k`', edit: canFix(k) ? deleteShortFlag(model, k, 'k') : undefined });
    const insecure = findFlag(cmd, ['--insecure']);
    if (insecure) hits.push({ word: insecure, what: '`curl --insecure`', edit: del(insecure) });
  }
  if (name === 'wget') {
    const w = findFlag(cmd, ['--no-check-certificate']);
    if (w) hits.push({ word: w, what: '`wget --no-check-certificate`', edit: del(w) });
  }
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v.charCodeAt(0) !== 45 /* every flag below starts with '-' */) continue;
    if (v === '--trusted-host' || v === '--allow-insecure-host') {
      const value = args[i + 1];
      hits.push({ word: w, what: `\`${name} ${v}\``, edit: value ? del(w, value) : undefined });
    } else if (v.startsWith('--trusted-host=') || v.startsWith('--allow-insecure-host=')) {
      hits.push({ word: w, what: `\`${name} ${v.slice(0, v.indexOf('='))}\``, edit: del(w) });
    } else if (v === '--insecure-skip-tls-verify' || /^--insecure-skip-tls-verify=true$/i.test(v) || /^--tls-verify=false$/i.test(v)) {
      hits.push({ word: w, what: `\`${v}\``, edit: del(w) });
    } else if (/^--(no-strict-ssl|strict-ssl=false)$/.test(v) && /^(npm|yarn|pnpm|npx)$/.test(name)) {
      hits.push({ word: w, what: `\`${name} ${v}\``, edit: del(w) });
    } else if (v === '--strict-ssl' && args[i + 1] && FALSE.test(args[i + 1].value) && /^(npm|yarn|pnpm|npx)$/.test(name)) {
      hits.push({ word: w, what: `\`${name} --strict-ssl false\``, edit: del(w, args[i + 1]) });
    } else if (v === '-c' && name === 'git' && args[i + 1] && /^http\..*sslverify=(false|0|no|off)$/i.test(args[i + 1].value)) {
      hits.push({ word: args[i + 1], what: '`git -c http.sslVerify=false`', edit: del(w, args[i + 1]) });
    } else if (/^--setopt=(.*\.)?sslverify=(0|false|no|off)$/i.test(v)) {
      hits.push({ word: w, what: `\`${name} ${v}\``, edit: del(w) });
    } else if (v === '--setopt' && args[i + 1] && /^(.*\.)?sslverify=(0|false|no|off)$/i.test(args[i + 1].value)) {
      hits.push({ word: args[i + 1], what: `\`${name} --setopt ${args[i + 1].value}\``, edit: del(w, args[i + 1]) });
    }
  }
  if (!NAMED.test(name)) return hits;
  // Persistent configuration: `npm config set strict-ssl false`, `git config http.sslVerify false`, ...
  const pos = positionalArgs(cmd);
  const posValues = pos.map((w) => w.value);
  if (/^(npm|yarn|pnpm)$/.test(name)) {
    const at = posValues.findIndex((v) => /^(strict-ssl|enableStrictSsl)(=false)?$/.test(v));
    if (at >= 0 && posValues.includes('set') && (posValues[at].endsWith('=false') || FALSE.test(posValues[at + 1] ?? ''))) {
      hits.push({ word: pos[at], what: `\`${name} config set ${pos[at].value.replace(/=false$/, '')} false\`` });
    }
  }
  if (name === 'git' && posValues[0] === 'config') {
    const at = posValues.findIndex((v) => /^http\..*sslverify$/i.test(v));
    if (at >= 0 && FALSE.test(posValues[at + 1] ?? '')) hits.push({ word: pos[at], what: '`git config http.sslVerify false`' });
  }
  if (/^pip[0-9.]*$/.test(name) && posValues[0] === 'config') {
    const at = posValues.findIndex((v) => /^[a-z]+\.trusted-host$/.test(v));
    if (at >= 0) hits.push({ word: pos[at], what: '`pip config set trusted-host`' });
  }
  if (name === 'conda') {
    const at = args.findIndex((w) => w.value === 'ssl_verify');
    if (at >= 0 && FALSE.test(args[at + 1]?.value ?? '')) hits.push({ word: args[at], what: '`conda config --set ssl_verify false`' });
  }
  // Configuration lines written by echo/printf/sed/tee into yum, npm, wget or curl configuration files.
  if (['echo', 'printf', 'sed', 'tee', 'cat'].includes(name)) {
    const toCurlrc = args.some((w) => /(^|\/)\.curlrc$/.test(w.value));
    for (const w of args) {
      if (SSLVERIFY_OFF.test(w.value)) hits.push({ word: w, what: '`sslverify=0` in a repository configuration' });
      else if (CONFIG_LINE_OFF.test(w.value)) hits.push({ word: w, what: `\`${w.value.trim()}\` in a configuration file` });
      else if (toCurlrc && /^(insecure|-k|--insecure)$/.test(w.value.trim())) hits.push({ word: w, what: '`insecure` in .curlrc' });
    }
  }
  return hits;
}

export default defineRule<DockerModel>({
  id: 'docker/no-tls-verification-disabled',
  title: 'TLS certificate verification stays on during the build',
  level: 'block',
  controls: ['container.build-secrets'],
  aliases: {
    checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: "downloads and installs fail when the server's certificate is not trusted by the image",
  docs: {
    rationale:
      'Turning certificate verification off (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `sslverify=0`, ...) lets anyone on the network path replace what the build downloads, so the image can ship attacker code. Settings made with ENV or written to configuration files stay active in the running container too.',
    howToFix:
      'Remove the flag or setting. If a server uses a private CA, add that CA to the image trust store (`COPY corp-ca.crt /usr/local/share/ca-certificates/` and `RUN update-ca-certificates`) or point the tool at it (`curl --cacert`, `PIP_CERT`, `NODE_EXTRA_CA_CERTS`, `git -c http.sslCAInfo=...`).',
    whenNotToUse: 'Never in images that are shipped; at most in throw-away local experiments, with a suppression that says so.',
    examples: { bad: 'FROM debian:12\nRUN curl -fsSLk https://example.com/install.sh -o install.sh', good: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh -o install.sh' },
  },
  check(model, ctx) {
    const seen = new Set<number>();
    const report = (word: { start: number; end: number }, message: string, edit?: TextEdit) => {
      if (seen.has(word.start)) return;
      seen.add(word.start);
      ctx.report({ range: model.index.range(word.start, word.end), message, fix: edit ? { title: 'Remove the setting that disables TLS verification', edits: [edit] } : undefined });
    };
    const msg = (what: string) => `${what} disables TLS certificate verification: remove it and trust the server's CA certificate instead.`;

    for (const { instr, cmd } of runCommands(model)) {
      // `VAR=value cmd`, `export VAR=value`, `env VAR=value cmd`
      const name = commandName(cmd);
      const assignments =
        cmd.nameIndex === 0 && name !== 'export' && name !== 'env' ? [] : cmd.words.slice(0, cmd.nameIndex < 0 ? cmd.words.length : cmd.nameIndex).map((w) => ({ w, fixable: cmd.nameIndex >= 0 }));
      if (name === 'export' || name === 'env') for (const w of commandArgs(cmd)) assignments.push({ w, fixable: name === 'env' });
      for (const { w, fixable } of assignments) {
        const eq = w.value.indexOf('=');
        if (eq <= 0) continue;
        const what = tlsEnv(w.value.slice(0, eq), w.value.slice(eq + 1));
        if (what) report(w, msg(`\`${what}\``), fixable && !isJsonElement(model, instr, w) ? deleteWords(model, w.start, w.end) : undefined);
      }
      for (const c of withWrapped(cmd)) {
        for (const h of commandHits(model, instr, c)) report(h.word, msg(h.what), h.edit);
      }
    }

    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
      const keys = argEnvKeys(model, instr);
      keys.forEach((k, i) => {
        if (k.value === null && instr.keyword === 'ARG') return; // not set unless passed at build time
        const what = tlsEnv(k.name, k.value ?? '');
        if (!what) return;
        const edit =
          keys.length === 1 ? deleteInstruction(model, instr) : deleteListItem(model, keys.map((x) => ({ start: x.pairStart, end: x.pairEnd })), i);
        report(k, msg(`\`${instr.keyword} ${what}\``), edit);
      });
    }
  },
});
