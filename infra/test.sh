#!/usr/bin/env bash
# Runs every test: starts PostgreSQL and Redis on 127.0.0.1 (installing them when missing), builds the solution
# once, runs each test project in turn and ends with the totals on a line of their own: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash infra/services.sh
export POKER_TEST_POSTGRES="${POKER_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Database=poker_test;Username=poker;Password=${POKER_DB_PASSWORD:-poker-dev}}"
export POKER_TEST_REDIS="${POKER_TEST_REDIS:-127.0.0.1:6379}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# tests/Deploy.Tests run Debian's nginx on loopback in front of the built processes (infra/nginx/poker.conf) and check
# infra/monitoring with promtool (Debian's prometheus package) and Alertmanager (prometheus-alertmanager, with amtool):
# installed when missing, with an apt-get update only when
# the package lists do not know them yet. The packages are not started as services (a policy-rc.d, when the machine
# has none, tells their install scripts not to).
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/promtool ] || missing+=(prometheus)
[ -x /usr/bin/prometheus-alertmanager ] && [ -x /usr/bin/amtool ] || missing+=(prometheus-alertmanager)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ "$made_policy" = 1 ]; then rm -f "$policy"; fi
fi

dotnet build Orleans.Poker.sln -c Release -nologo -v quiet

results="$root/test-output/results"
rm -rf "$results" && mkdir -p "$results"
status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" 2>&1 | tee "$results/$name.log" || status=1
done

# The web client: install, build (into Gateway/wwwroot), Vitest unit tests, then Chromium end-to-end tests against a real silo.
echo "== WebClient"
web_passed=0; web_failed=0
if (cd WebClient && npm ci --no-audit --no-fund --loglevel=error && npm run build); then
  (cd WebClient && npx vitest run --reporter=default --reporter=json --outputFile="$results/webclient-unit.json") || status=1
  if [ -f "$results/webclient-unit.json" ]; then
    web_passed=$(node -p "require('$results/webclient-unit.json').numPassedTests")
    web_failed=$(node -p "require('$results/webclient-unit.json').numFailedTests")
  fi
  bash infra/chromium.sh
  (cd WebClient && node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=tap e2e/ | tee "$results/webclient-e2e.tap") || status=1
  web_passed=$((web_passed + $(grep -m1 -oP '^# pass \K[0-9]+' "$results/webclient-e2e.tap" || echo 0)))
  web_failed=$((web_failed + $(grep -m1 -oP '^# fail \K[0-9]+' "$results/webclient-e2e.tap" || echo 0)))
else
  status=1
fi

passed=$web_passed; failed=$web_failed; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1   # a test host that crashed counts as a failure
# The failures again just above the totals, a long log being often read from its end: by name, then what each one
# said (its message and the line that failed: the rest of its stack is in the project's log above).
if [ "$failed" -gt 0 ]; then
  echo "== failed"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    grep -oP '<UnitTestResult [^>]*outcome="(Failed|Error|Timeout|Aborted)"[^>]*>' "$trx" \
      | grep -oP 'testName="\K[^"]*' | sed "s|^|$(basename "$trx" .trx): |" || true
  done
  grep -oP '^not ok [0-9]+ - \K.*' "$results/webclient-e2e.tap" 2>/dev/null | sed 's|^|WebClient e2e: |' || true
  echo "== what they said"
  for log in "$results"/*.log; do
    [ -f "$log" ] || continue
    awk '/^  Failed /{p=1; s=0} p{print} p&&s{p=0} /^  Stack Trace:/{s=1}' "$log" | head -n 40 || true
  done
  awk '/^not ok /{p=1} p{print} /^  \.\.\.$/{p=0}' "$results/webclient-e2e.tap" 2>/dev/null | head -n 60 || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
