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
unit_log=$(mktemp)
node --import tsx --test --test-reporter=spec $(find test/unit test/cli -name '*.test.ts' 2>/dev/null | sort) | tee "$unit_log"
unit_pass=$(sed -n 's/^ℹ pass \([0-9]*\)/\1/p' "$unit_log" | tail -1)
unit_fail=$(sed -n 's/^ℹ fail \([0-9]*\)/\1/p' "$unit_log" | tail -1)
aws_pass=0
aws_fail=0
if [ -f scripts/test-aws.sh ]; then
  step "AWS collectors over the wire (moto server)"
  aws_log=$(mktemp)
  bash scripts/test-aws.sh | tee "$aws_log"
  read -r aws_pass aws_fail < <(sed -n 's/^aws: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$aws_log" | tail -1)
fi
acc_pass=0
acc_fail=0
if [ -f scripts/test-acceptance.sh ]; then
  step "blind acceptance sets (hostile folders, audit and monitor on moto)"
  acc_log=$(mktemp)
  bash scripts/test-acceptance.sh | tee "$acc_log"
  read -r acc_pass acc_fail < <(sed -n 's/^acceptance: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$acc_log" | tail -1)
fi
vs_pass=0
vs_fail=0
if [ -f scripts/test-vscode.sh ]; then
  step "real VS Code: extension host and UI end-to-end"
  vs_log=$(mktemp)
  bash scripts/test-vscode.sh | tee "$vs_log"
  read -r vs_pass vs_fail < <(sed -n 's/^vscode: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$vs_log" | tail -1)
fi
step "done"
echo "all: $(( ${unit_pass:-0} + ${aws_pass:-0} + ${acc_pass:-0} + ${vs_pass:-0} )) passed, $(( ${unit_fail:-0} + ${aws_fail:-0} + ${acc_fail:-0} + ${vs_fail:-0} )) failed"
