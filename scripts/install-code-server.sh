#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) and Debian's chromium, so the end-to-end test
# (test/e2e/run.mjs) can drive the real VS Code workbench with Playwright. Desktop VS Code cannot be
# downloaded where only the npm registry and Debian's packages are reachable; code-server 4.100.3
# is VS Code 1.100 and runs on Node 20, and it comes from the npm registry.
#
# Usage: bash scripts/install-code-server.sh [DIR]
#   DIR defaults to $CODE_SERVER_DIR, else $HOME/.cache/readiness-lint/code-server (where the
#   end-to-end test looks; set CODE_SERVER_BIN for another place).
# Prints the path of the code-server executable on its last line. Safe to run again: it reuses DIR.
# Needs root or sudo for apt-get when chromium, ripgrep or libkrb5-dev are missing.
set -euo pipefail
VERSION=4.100.3
DIR=${1:-${CODE_SERVER_DIR:-$HOME/.cache/readiness-lint/code-server}}
BIN="$DIR/node_modules/.bin/code-server"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo --preserve-env=DEBIAN_FRONTEND "$@"; fi
}

# chromium for Playwright; ripgrep and libkrb5-dev (kerberos headers) to install code-server.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [[ ! -x $BIN ]] || ! "$BIN" --version 2>/dev/null | grep -q "^$VERSION"; then
  mkdir -p "$DIR"
  # @vscode/ripgrep downloads a ripgrep build from GitHub while it installs; hand it Debian's
  # ripgrep through the cache folder it checks first, so only the npm registry is needed.
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  [[ -f $DIR/package.json ]] || (cd "$DIR" && npm init -y >/dev/null)
  # Root installs need unsafe-perm for code-server's postinstall; node-pty's postinstall runs npx.
  (cd "$DIR" && npm_config_yes=true npm_config_unsafe_perm=true \
     npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2)
fi
"$BIN" --version >&2
echo "$BIN"
