#!/usr/bin/env bash
# Runs every test of Koostöö. Installs the Debian packages the tests use when they are missing
# (a real SMTP server, a real IMAP server, PostgreSQL, Chromium), then the designer's Vitest suite and `dotnet test`,
# then prints one line of totals.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# The designer's unit tests (Vitest). npm ci only when node_modules is missing or older than the lock file,
# as the host's build does.
vitest_log=$(mktemp)
(
  cd src/Designer || exit 1
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund >/dev/null && touch node_modules/.package-lock.json || exit 1
  fi
  NO_COLOR=1 npm test
) 2>&1 | tee "$vitest_log"
vitest_status=${PIPESTATUS[0]}
# Vitest's summary: "Tests  21 passed (21)" or "Tests  1 failed | 20 passed (21)"; colour codes stripped first,
# since some environments (CI=true) make Vitest print them anyway.
vitest_summary=$(sed 's/\x1b\[[0-9;]*m//g' "$vitest_log" | grep -E '^ +Tests +' | tail -1)
vitest_passed=$(grep -Eo '[0-9]+ passed' <<<"$vitest_summary" | awk '{ print $1 + 0 }')
vitest_failed=$(grep -Eo '[0-9]+ failed' <<<"$vitest_summary" | awk '{ print $1 + 0 }')
rm -f "$vitest_log"
vitest_passed=${vitest_passed:-0}
vitest_failed=${vitest_failed:-0}
[ "$vitest_status" -ne 0 ] && [ "$vitest_failed" -eq 0 ] && vitest_failed=1  # npm or Vitest itself failed

dotnet tool restore >/dev/null
log=$(mktemp)
dotnet test Koostoo.slnx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test project; add them up, with Vitest's, into the one line CI reads.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
rm -f "$log"
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1  # a build error counts as a failure
echo "$((passed + vitest_passed)) passed, $((failed + vitest_failed)) failed"
[ "$status" -ne 0 ] && exit "$status"
exit "$vitest_status"
