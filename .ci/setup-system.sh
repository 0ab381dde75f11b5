#!/usr/bin/env bash
# System setup for the full test suite: Debian packages (chromium, ...) and code-server for the
# end-to-end test. Used by .ci/run and by the README's test command.
# Safe to run again (every step reuses what is already installed). Needs root or sudo for apt-get,
# and network access to Debian's packages and the npm registry only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# Debian packages: chromium for Playwright, ripgrep and libkrb5-dev for installing code-server,
# nginx (1.22) with its stream and mail modules and openssl for the `nginx -t` tests (test/nginx).
APT_PACKAGES=(chromium ripgrep libkrb5-dev nginx libnginx-mod-stream libnginx-mod-mail openssl)

step_started=-1
step() {
  finish_step
  step_started=$SECONDS
  printf '\n==> %s\n' "$*"
}
finish_step() {
  if ((step_started >= 0)); then printf '    (%ss)\n' $((SECONDS - step_started)); fi
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo --preserve-env=DEBIAN_FRONTEND "$@"; fi
}

step "Tool versions"
node_version=$(node --version)
echo "    node $node_version, npm $(npm --version), $(uname -m), $(nproc) CPU(s)"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "    Node >= 20.19 is required (package.json engines.node)" >&2
  exit 1
fi

step "System packages: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  # Installing nginx must not start a server (the tests only run `nginx -t`): without a
  # policy-rc.d, invoke-rc.d would start it. Add one that refuses for the install, then remove it.
  policy=/usr/sbin/policy-rc.d
  added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# added by .ci/setup-system.sh while installing packages\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    added_policy=1
    trap 'as_root rm -f "$policy"' EXIT
  fi
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  if ((added_policy)); then
    as_root rm -f "$policy"
    trap - EXIT
  fi
  echo "    installed: ${missing[*]}"
else
  echo "    already installed"
fi
echo "    $(chromium --version 2>/dev/null | head -n1)"
echo "    $(/usr/sbin/nginx -v 2>&1 | head -n1)"

step "code-server (for the end-to-end test)"
install_log=$(mktemp)
CODE_SERVER_BIN=$(bash scripts/install-code-server.sh 2>"$install_log" | tail -n1) || {
  cat "$install_log" >&2
  exit 1
}
rm -f "$install_log"
echo "    $CODE_SERVER_BIN ($("$CODE_SERVER_BIN" --version 2>/dev/null | head -n1))"

finish_step
