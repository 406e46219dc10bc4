#!/usr/bin/env bash
# The whole test run, from a fresh machine: set-up, type check, lint, build, unit tests, CLI tests,
# then the real-VS-Code extension-host and UI tests. `.ci/run` calls this through `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "=== $1 ($(( $(date +%s) - start ))s)"; }
step setup
bash scripts/setup.sh
step typecheck
npx tsc -p tsconfig.json --noEmit
step lint
npx eslint src test bench scripts
step build
node esbuild.mjs
step "unit tests (plain node)"
node --import tsx --test --test-reporter=spec $(find test/unit test/cli -name '*.test.ts' 2>/dev/null | sort)
if [ -f scripts/test-vscode.sh ]; then
  step "real VS Code: extension host and UI end-to-end"
  bash scripts/test-vscode.sh
fi
step "done"
