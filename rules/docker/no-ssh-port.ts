import { defineRule } from '../types';
import { substituteArgs, type DockerModel, deleteInstruction } from './language';
import { argsVisibleAt, deleteListItem } from './args-users-edits';

/** Does an EXPOSE entry (`22`, `22/tcp`, `20-25`, `22/udp`) include port 22? Exact: only the port itself. */
function sshPort(entry: string): 'exact' | 'range' | null {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(entry);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo === 22 && hi === 22) return 'exact';
  return lo <= 22 && 22 <= hi ? 'range' : null;
}

export default defineRule<DockerModel>({
  id: 'docker/no-ssh-port',
  title: 'SSH port 22 is not exposed',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: { checkov: ['CKV_DOCKER_1'], trivy: ['AVD-DS-0004'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the image no longer declares port 22, so publishing all ports (-P) no longer maps it',
  docs: {
    rationale:
      'Exposing port 22 means the image runs (or invites running) an SSH server: another long-lived process, credentials or keys baked into the image, and a remote login that bypasses the orchestrator’s access control and audit.',
    howToFix: 'Remove port 22 from EXPOSE and the SSH server from the image. Get a shell with `docker exec` or `kubectl exec` instead.',
    whenNotToUse: 'Images whose purpose is an SSH service (a bastion or a Git-over-SSH server).',
    examples: { bad: 'FROM debian:12\nEXPOSE 22 8080', good: 'FROM debian:12\nEXPOSE 8080' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      const items = instr.ast.getArguments().map((a) => ({ value: a.getValue(), start: model.index.offsetAt(a.getRange().start), end: model.index.offsetAt(a.getRange().end) }));
      items.forEach((item, i) => {
        let value = item.value.replace(/^["']|["']$/g, '');
        const literal = !value.includes('$');
        if (!literal) value = substituteArgs(value, argsVisibleAt(model, instr));
        const kind = sshPort(value);
        if (!kind) return;
        const fixable = kind === 'exact' && literal;
        ctx.report({
          range: model.index.range(item.start, item.end),
          message:
            kind === 'exact'
              ? 'Do not expose the SSH port 22: use `docker exec` or `kubectl exec` for shell access instead of an SSH server in the container.'
              : `The port range ${value} exposes the SSH port 22: narrow it to the ports the application serves.`,
          fix: fixable
            ? { title: 'Remove port 22 from EXPOSE', edits: [items.length === 1 ? deleteInstruction(model, instr) : deleteListItem(model, items, i)] }
            : undefined,
        });
      });
    }
  },
});
