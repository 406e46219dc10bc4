#!/usr/bin/env bash
# Installs the Debian packages the real-VS-Code tests and the demo need: headless Chromium (the browser
# that drives the workbench), the Kerberos headers (code-server's native `kerberos` module builds
# against them) and ripgrep (stands in for @vscode/ripgrep's download, which cannot reach GitHub here).
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

PACKAGES=(chromium libkrb5-dev ripgrep)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg -s "$p" >/dev/null 2>&1 || ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: ${PACKAGES[*]} already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup-system: installing ${missing[*]} (a minute or two on a fresh machine; apt prints its progress)"
# Only refresh the package lists when apt cannot see a candidate for one of the missing packages
# (a fresh machine has empty lists), so a re-run stays offline and fast.
need_update=0
for p in "${missing[@]}"; do
  cand="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
done
if [ "$need_update" -eq 1 ]; then
  $SUDO apt-get update -qq
fi
# apt's own per-package lines (Get/Unpacking/Setting up) are the progress of the longest first-run step.
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup-system: done"
