#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: npm packages (only when package-lock.json changed).
# System packages and the real VS Code are installed by scripts/setup-system.sh and scripts/setup-vscode.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.lambda-guard-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
else
  echo "[setup] npm packages up to date"
fi
