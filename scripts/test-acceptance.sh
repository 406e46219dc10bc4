#!/usr/bin/env bash
# The blind acceptance checks the issues name, run as their authors wrote them (the tool is the built CLI):
#   1. test/acceptance-hostile: hostile folders (symlink loops, FIFOs, a 200 MB file, 100,000 resources …),
#      each scanned under a 4 GB memory cap and a 60 s time-out, the known template's findings all reported;
#   2. test/acceptance-aws/audit: an account seeded on moto server, `lambda-guard audit --endpoint` scored
#      against the labels (findings per function, clean controls, who can modify, read-only, unchanged);
#   3. test/acceptance-aws/monitor: two weeks of telemetry with anomalies in the last day, `lambda-guard
#      monitor --since 24h --baseline 13d` scored against the injected anomalies.
# Prints one final line `acceptance: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
pass=0
fail=0
note() { if [ "$1" = 0 ]; then pass=$((pass + 1)); echo "acceptance: $2 PASS"; else fail=$((fail + 1)); echo "acceptance: $2 FAIL"; fi; }
work=$(mktemp -d)
moto_pids=()
cleanup() { for p in "${moto_pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

[ -f dist/cli.js ] || node esbuild.mjs

echo "--- hostile folders (test/acceptance-hostile)"
if bash test/acceptance-hostile/make.sh "$work/hostile" >/dev/null && bash test/acceptance-hostile/check.sh "$work/hostile" > "$work/hostile.log" 2>&1; then rc=0; else rc=1; fi
tail -n 3 "$work/hostile.log"
note $rc hostile
rm -rf "$work/hostile"

bash scripts/setup-moto.sh || { echo 'acceptance: 0 passed, 1 failed (moto could not be installed)'; exit 1; }
PY=$PWD/.venv-moto/bin/python
# start_moto ENV...: a moto server on a free port, its URL in $url (not a subshell: the trap must see its pid).
start_moto() {
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  env "$@" "$PY" -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto-$port.log" 2>&1 &
  moto_pids+=($!)
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -sf -o /dev/null "$url/moto-api/" && return 0; sleep 0.2; done
  echo "acceptance: moto did not start on port $port"
}
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
cli="$PWD/dist/cli.js"

echo "--- deployed account (test/acceptance-aws/audit)"
start_moto MOTO_IAM_LOAD_MANAGED_POLICIES=true MOTO_RECORDER_FILEPATH="$work/recorder"
(
  cd test/acceptance-aws &&
    "$PY" audit/seed.py --endpoint "$url" --fingerprint-out "$work/fp-before.json" >/dev/null &&
    "$PY" audit/operations.py --endpoint "$url" start >/dev/null &&
    { node "$cli" audit --endpoint "$url" --region us-east-1 --format json > "$work/audit.json"; true; } &&
    "$PY" audit/operations.py --endpoint "$url" check --out "$work/ops.json" >/dev/null &&
    "$PY" audit/fingerprint.py --endpoint "$url" --out "$work/fp-after.json" >/dev/null &&
    node score.mjs audit audit/labels.json "$work/audit.json" --fingerprint-before "$work/fp-before.json" --fingerprint-after "$work/fp-after.json" --operations "$work/ops.json" > "$work/audit-score.log" 2>&1
)
rc=$?
grep -E '^(Expected findings|Findings on clean|Functions listed|  exact|Account|Operations|PASS|FAIL)' "$work/audit-score.log"
note $rc audit

echo "--- runtime monitoring (test/acceptance-aws/monitor)"
start_moto
(
  cd test/acceptance-aws &&
    "$PY" monitor/seed.py --endpoint "$url" --anchor-out "$work/anchor.json" >/dev/null &&
    { node "$cli" monitor --endpoint "$url" --region us-east-1 --since 24h --baseline 13d --format json > "$work/monitor.json"; true; } &&
    node score.mjs monitor monitor/labels.json "$work/monitor.json" --anchor "$work/anchor.json" > "$work/monitor-score.log" 2>&1
)
rc=$?
grep -E '^(  HIT|  MISS|Recall|Alerts on clean|PASS|FAIL)' "$work/monitor-score.log"
note $rc monitor

echo "acceptance: $pass passed, $fail failed"
[ "$fail" = 0 ]
