#!/usr/bin/env bash
# Installs a real VS Code (the server and web workbench shipped in the `code-server` npm package) into
# .cache/code-server/ for the extension-host tests, the UI end-to-end tests and `npm run demo`.
# See shared notes "real-vscode": code-server 4.100.3 is the newest release for Node 20 (VS Code 1.100.3).
# Idempotent: a marker file makes a second run instant.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CODE_SERVER_CACHE:-$ROOT/.cache/code-server}"
MARKER="$DIR/.installed-$VERSION"
PKG="$DIR/node_modules/code-server"

if [ -f "$MARKER" ] && [ -f "$PKG/lib/vscode/out/server-main.js" ]; then
  echo "setup-vscode: code-server $VERSION already installed in $DIR"
  exit 0
fi

start=$(date +%s)
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  echo "setup-vscode: code-server $VERSION needs Node 20, found $(node -v)" >&2
  exit 1
fi
for tool in rg tar; do
  command -v "$tool" >/dev/null || { echo "setup-vscode: '$tool' missing: run scripts/setup-system.sh" >&2; exit 1; }
done
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || {
  echo "setup-vscode: Kerberos headers missing: run scripts/setup-system.sh" >&2; exit 1; }

# Long steps print a line every 15 s (on the script's own stdout, fd 3, whatever the step's output is
# redirected to), so a first run never looks stuck.
exec 3>&1
with_progress() {
  local what=$1; shift
  "$@" &
  local pid=$! t=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1; t=$((t + 1))
    if [ $((t % 15)) -eq 0 ]; then echo "setup-vscode: ... $what ($t s)" >&3; fi
  done
  wait "$pid"
}

rm -rf "$DIR"
mkdir -p "$DIR/tmp"
cat >"$DIR/package.json" <<JSON
{ "name": "lambda-guard-code-server", "private": true, "dependencies": { "code-server": "$VERSION" } }
JSON

# A private TMPDIR: @vscode/ripgrep looks for its download in \$TMPDIR/vscode-ripgrep-cache-<version>/.
export TMPDIR="$DIR/tmp"
# A nested `npx node-gyp` otherwise stops at a prompt; as root, postinstall refuses without unsafe-perm.
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false
export npm_config_update_notifier=false

cd "$DIR"
# 1. Fetch without scripts, so the ripgrep cache can be prepared from the versions the package pins.
echo "setup-vscode: fetching code-server $VERSION from the npm registry"
with_progress "fetching code-server" npm install --ignore-scripts --no-package-lock --loglevel=error >/dev/null

rg_version="$(node -p "require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
(cd "$TMPDIR" && npm pack "@vscode/ripgrep@$rg_version" --silent >/dev/null && mkdir -p rgpkg && tar xzf vscode-ripgrep-*.tgz -C rgpkg)
rg_release="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$TMPDIR/rgpkg/package/lib/postinstall.js")"
[ -n "$rg_release" ] || { echo "setup-vscode: cannot read the ripgrep release of @vscode/ripgrep $rg_version" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "setup-vscode: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rg_version" "$TMPDIR/rgbin"
cp "$(command -v rg)" "$TMPDIR/rgbin/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_release-$rg_target.tar.gz" -C "$TMPDIR/rgbin" rg
echo "setup-vscode: @vscode/ripgrep $rg_version ($rg_release) will use Debian's rg"

# 2. Run the install scripts now: argon2 (code-server's password hashing) builds from source when its
# prebuilt download fails, and code-server's postinstall runs `npm install` in lib/vscode and
# lib/vscode/extensions, which builds the native modules. npm 11 blocks dependency install scripts by
# default, and those nested installs are projects of their own without an allowScripts list, so allow
# them through the environment (this cache folder holds only code-server and its pinned tree).
echo "setup-vscode: building code-server $VERSION (native modules, about 1.5 minutes)"
with_progress "building native modules" env npm_config_dangerously_allow_all_scripts=true npm rebuild --foreground-scripts >"$DIR/postinstall.log" 2>&1 || {
  tail -40 "$DIR/postinstall.log" >&2; echo "setup-vscode: install scripts failed (log: $DIR/postinstall.log)" >&2; exit 1; }

# 3. Verify: the native modules the server loads must have been built, and ripgrep must run.
VS="$PKG/lib/vscode"
(cd "$VS" && node -e '
  for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "kerberos", "native-watchdog"]) {
    require(m);
  }
') || { echo "setup-vscode: a native module did not build" >&2; exit 1; }
(cd "$DIR" && node -e 'require("argon2")') || { echo "setup-vscode: argon2 did not build" >&2; exit 1; }
node "$PKG/out/node/entry.js" --version >/dev/null
"$VS/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null
rm -rf "$TMPDIR"
touch "$MARKER"
echo "setup-vscode: installed code-server $VERSION in $(( $(date +%s) - start ))s"
