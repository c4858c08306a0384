#!/usr/bin/env bash
# Set up (first time), lint, and run the whole test suite on the real corpus and model.
# Fast unit tests alone (parsers, rules, layout; no index, no server): ./test.sh -m "not slow"
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
# Lint and format first: a lint error or unformatted file fails the run (./test.sh fixes nothing by itself;
# `.venv/bin/ruff format . && .venv/bin/ruff check --fix .` does).
"$ROOT/.venv/bin/ruff" check --quiet .
"$ROOT/.venv/bin/ruff" format --check --quiet .
set +e
"$ROOT/.venv/bin/python" -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure here" >&2
  exit 1
fi
exit "$code"
