#!/usr/bin/env bash
# Installs moto server (the AWS emulator the AWS tests and the AWS benchmark talk to) into the ignored
# .venv-moto/, pinned, once: a second run only checks the version. Quiet unless something fails.
set -euo pipefail
cd "$(dirname "$0")/.."
want='5.2.5'
venv=.venv-moto
have() { "$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null || true; }
if [ -x "$venv/bin/moto_server" ] && [ "$(have)" = "$want" ]; then
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$want"; } >"$log" 2>&1; then
  echo "[setup-moto] installing moto[server]==$want into $venv failed:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
echo "[setup-moto] moto $(have) installed in $venv"
