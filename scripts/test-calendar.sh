#!/usr/bin/env bash
# The unit and end-to-end suites again, each under a faked clock and time zone
# (libfaketime: Node and the Chromium the tests launch both see the faked
# instant). The instants are the ones calendar bugs hide behind. Run after
# `npm run build`; `npm test` does both.
#
#   bash scripts/test-calendar.sh              every instant below
#   bash scripts/test-calendar.sh 2 5          only the 2nd and 5th
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed (Debian: apt-get install faketime); the suites cannot run on other dates." >&2
  exit 1
fi

# zone | local instant the clock starts at | why this one
INSTANTS=(
  "UTC|2027-01-29 10:00:00|a month's last Friday: the default service day"
  "Asia/Shanghai|2027-03-01 09:00:00|the 1st: a new month, last month's report now due"
  "America/Los_Angeles|2028-02-29 12:00:00|29 February"
  "Europe/Berlin|2027-03-28 01:50:00|Europe's clocks go forward at 02:00, ten minutes in"
  "America/New_York|2027-11-07 01:20:00|the US clocks go back at 02:00 (01:00-02:00 happens twice)"
  "Asia/Shanghai|2026-12-31 23:30:00|31 December 23:30 in Shanghai: still 15:30 in UTC, the local day is not the UTC day"
)

pick=("$@")
failed=()
for n in "${!INSTANTS[@]}"; do
  if [ ${#pick[@]} -gt 0 ] && [[ ! " ${pick[*]} " =~ " $((n + 1)) " ]]; then continue; fi
  IFS='|' read -r zone at why <<<"${INSTANTS[$n]}"
  echo
  echo "=== $((n + 1))/${#INSTANTS[@]}: $at $zone ($why)"
  # The team server's unit tests run once on the real clock: they check
  # tokens, SQL and isolation, and each starts PostgreSQL, which is slow
  # under a faked clock. Everything dated runs here.
  if ! TZ="$zone" faketime "$at" npx vitest run --project dom --project node --reporter=dot; then failed+=("unit @ $at $zone"); fi
  # The team-server flows (team-api, team-server, and sso, which signs in to a team server) run on the real clock only: under a faked clock the
  # panel frame of the team-API flow sometimes never appears (about one run in three), a fault not yet
  # understood and tracked on its own; their dates come from the server, not from the calendar.
  # A test that fails is run once more: a calendar bug fails both times, while the rare stall of a browser
  # under a faked clock (about one run in six, not tied to any date) does not fail the build.
  if ! TZ="$zone" faketime "$at" npx vitest run --config vitest.e2e.config.ts --reporter=dot --retry 1 \
    --exclude tests/e2e/team-api.e2e.ts --exclude tests/e2e/team-server.e2e.ts --exclude tests/e2e/sso.e2e.ts; then failed+=("e2e @ $at $zone"); fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed on other dates:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "Every suite passed on every instant."
