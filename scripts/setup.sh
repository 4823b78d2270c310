#!/usr/bin/env bash
# Installs everything the product and its tests need on a fresh Debian machine (as root): Debian
# packages, the npm dependencies, a VS Code server + workbench (code-server) and a VS Code web build,
# both from npm. Idempotent: what is there already is skipped. `.ci/run` and the README use it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
# No browser downloads: Debian's chromium serves every browser test (also set in .npmrc).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# chromium: the real VS Code workbench and the web extension host, headless; libkrb5-dev and
# ripgrep: code-server's install; neovim: the other-editor test.
apt_packages=(chromium libkrb5-dev ripgrep neovim)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
bash scripts/install-code-server.sh   # VS Code server + workbench for the real-VS-Code tests and npm start
node scripts/install-test-web.mjs     # VS Code web build + Debian chromium for the web extension host
