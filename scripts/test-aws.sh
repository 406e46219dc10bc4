#!/usr/bin/env bash
# The AWS collectors and the telemetry readers over the real wire protocol: installs moto server (pinned,
# once, in .venv-moto/), starts it on loopback on a free port, runs test/integration/aws/*.test.ts one file
# at a time (each file resets and seeds moto; what moto lacks — Logs Insights stats, LookupEvents,
# percentile metrics — is answered by fixtures inside the tests' proxy), stops the server, and prints one
# final line `aws: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-moto.sh || { echo 'aws: 0 passed, 1 failed (moto could not be installed)'; exit 1; }
node scripts/extract-managed-policies.mjs >/dev/null || { echo 'aws: 0 passed, 1 failed (managed policy dataset)'; exit 1; }

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
mkdir -p .tmp
log=.tmp/moto-server.log
MOTO_IAM_LOAD_MANAGED_POLICIES=true .venv-moto/bin/moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null; wait "$moto_pid" 2>/dev/null' EXIT
for _ in $(seq 1 150); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/moto-api/" && break
  kill -0 "$moto_pid" 2>/dev/null || break
  sleep 0.2
done
if ! curl -sf -o /dev/null "http://127.0.0.1:$port/moto-api/"; then
  tail -n 20 "$log" >&2
  echo 'aws: 0 passed, 1 failed (moto server did not start)'
  exit 1
fi

out=$(mktemp)
files=${AWS_TEST_FILES:-$(find test/integration/aws -name '*.test.ts' | sort)}
# One file at a time: every file resets and seeds the one moto server. The SDK's Node 20 notice is noise here.
LG_MOTO_ENDPOINT="http://127.0.0.1:$port" NODE_NO_WARNINGS=1 node --import tsx --test --test-concurrency=1 --test-reporter=spec $files 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
pass=$(sed -n 's/^ℹ pass \([0-9]*\)/\1/p' "$out" | tail -1)
fail=$(sed -n 's/^ℹ fail \([0-9]*\)/\1/p' "$out" | tail -1)
rm -f "$out"
[ -z "$pass" ] && pass=0
[ -z "$fail" ] && fail=$([ "$status" = 0 ] && echo 0 || echo 1)
echo "aws: $pass passed, $fail failed"
[ "$status" = 0 ] && [ "$fail" = 0 ]
