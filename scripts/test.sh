#!/usr/bin/env bash
# The whole test run, from a fresh machine: set-up, type check, lint, build, unit and CLI tests, the AWS
# collectors on moto, the blind acceptance sets, then the real-VS-Code extension-host and UI tests.
# `.ci/run` calls this through `npm test`.
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
passed=${unit_pass:-0}
failed=${unit_fail:-0}
status=0
# suite TITLE SCRIPT PREFIX: runs a suite that ends with `PREFIX: N passed, M failed`; a failing suite does not
# stop the later ones, so one run reports everything; the run fails at the end.
suite() {
  [ -f "$2" ] || return 0
  step "$1"
  local log p=0 f=0
  log=$(mktemp)
  local rc=0
  bash "$2" | tee "$log" || rc=1
  read -r p f < <(sed -n "s/^$3: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p" "$log" | tail -1) || true
  # A suite that failed without a count of failures (it could not start) counts as one failure.
  if [ "$rc" != 0 ]; then status=1; [ "${f:-0}" != 0 ] || f=1; fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
suite "AWS collectors over the wire (moto server)" scripts/test-aws.sh aws
suite "blind acceptance sets (hostile folders, audit and monitor on moto)" scripts/test-acceptance.sh acceptance
suite "real VS Code: extension host and UI end-to-end" scripts/test-vscode.sh vscode
step "done"
echo "all: $passed passed, $failed failed"
exit $status
