#!/usr/bin/env bash
# Create .venv and install the project (idempotent; fast when nothing changed). Sourced by run.sh and test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
STAMP="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
if [ ! -f "$STAMP" ]; then
  echo "setup: installing dependencies (first run takes a few minutes)" >&2
  # torch first and pinned: a CPU build; letting a dependency choose would pull a multi-GB CUDA build.
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "torch==2.13.0"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -e "$ROOT[dev]"
  rm -f "$VENV"/.installed-*
  touch "$STAMP"
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
