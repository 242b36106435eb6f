#!/usr/bin/env bash
# Re-pin requirements/run.lock and requirements/dev.lock from pyproject.toml, with hashes
# (pip-tools). Run after changing a dependency range; `make run` / `make test` install from them.
set -euo pipefail
cd "$(dirname "$0")/.."
compile=(.venv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe
         --no-emit-index-url --no-emit-find-links --no-emit-trusted-host --upgrade)
"${compile[@]}" -o requirements/run.lock pyproject.toml
"${compile[@]}" --extra dev --extra package -o requirements/dev.lock pyproject.toml
