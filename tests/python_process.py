"""A Python program run in a process of its own, as the tests that need a fresh interpreter (what
a start imports, how a process ends) start one."""

from __future__ import annotations

import os
import subprocess
import sys


def run_python(
    code: str, *args: str, check: bool = False, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python -c code args…`` with this environment plus ``env``, its output captured as text,
    no input, and a generous time limit (a hung child fails the test instead of the run)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        check=check,
        timeout=300,
    )
