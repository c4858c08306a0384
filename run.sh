#!/usr/bin/env bash
# Set up (first time) and start the chat web page on http://127.0.0.1:8000/ (QA_PORT to change).
# Builds the index from corpus/ first if it is missing or stale.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
source "$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/qa-assistant" serve "$@"
