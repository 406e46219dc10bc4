#!/usr/bin/env bash
# Tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, headless Debian Chromium):
#   1. system packages and code-server (idempotent, cached in .cache/)
#   2. the .vsix (production build), checked for size and stray files
#   3. extension-host integration tests (mocha inside the real extension host, real `vscode` API),
#      in a trusted window and in an untrusted one (restricted mode)
#   4. UI end-to-end tests (Playwright on the installed .vsix; screenshots in test-results/)
# Ends with one summary line `vscode: N passed, N failed`; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
last=$t0
step() {
  local now
  now=$(date +%s)
  echo "--- [test-vscode] $1 (previous step $((now - last))s, total $((now - t0))s)"
  last=$now
}
die() { echo "test-vscode: $1" >&2; echo "vscode: 0 passed, 1 failed"; exit 1; }

step "system packages (chromium, libkrb5-dev, ripgrep)"
bash scripts/setup-system.sh || die "system set-up failed"
step "code-server"
bash scripts/setup-vscode.sh || die "code-server set-up failed"
step "package the .vsix (production build)"
node scripts/package.mjs >/tmp/lg-package.log 2>&1 || { tail -30 /tmp/lg-package.log; die "packaging failed"; }
tail -1 /tmp/lg-package.log
step "build the extension-host tests"
node test/integration/vscode/build.mjs || die "test build failed"

host_pass=0
host_fail=0
host_rc=0
run_host() {
  local log rc p f
  log=$(mktemp)
  node test/integration/vscode/runHost.mjs --timeout 420 "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  read -r p f < <(sed -n 's/^\([0-9]\+\) passed, \([0-9]\+\) failed.*/\1 \2/p' "$log" | tail -1)
  host_pass=$((host_pass + ${p:-0}))
  host_fail=$((host_fail + ${f:-0}))
  [ "$rc" -ne 0 ] && host_rc=$rc
  rm -f "$log"
}
step "extension-host integration tests (trusted workspace)"
run_host
step "extension-host integration tests (untrusted workspace: restricted mode)"
run_host --trust

step "UI end-to-end tests (Playwright, installed .vsix)"
mkdir -p test-results
# Kept for reading after a run: every failure's details, not only the first screenful.
e2e_log=test-results/e2e.tap
timeout 600 node --test --test-reporter=tap test/e2e/ 2>&1 | tee "$e2e_log" | grep -E '^(not )?ok |^# (pass|fail)|^ +(error|location):' 
e2e_rc=${PIPESTATUS[0]}
e2e_pass=$(sed -n 's/^# pass \([0-9]\+\)/\1/p' "$e2e_log" | tail -1)
e2e_fail=$(sed -n 's/^# fail \([0-9]\+\)/\1/p' "$e2e_log" | tail -1)
[ "$e2e_rc" -ne 0 ] && awk '/^# Subtest:/ {buf=""} {buf=buf $0 "\n"} /^not ok/ {fail=1} fail && /^  \.\.\./ {printf "%s", buf; buf=""; fail=0}' "$e2e_log" | head -200

step "done"
pass=$(( ${host_pass:-0} + ${e2e_pass:-0} ))
fail=$(( ${host_fail:-0} + ${e2e_fail:-0} ))
if [ "$host_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ]; then [ "$fail" -eq 0 ] && fail=1; fi
echo "vscode: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
