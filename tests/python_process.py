"""A Python program run in a process of its own, as the tests that need a fresh interpreter (what
a start imports, how a process ends) start one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


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


def kill_when_marked(
    code: str, *args: str, marker: Path, env: dict[str, str], waiting_for: str
) -> None:
    """Run ``python -c code args…`` and SIGKILL it as soon as it has written ``marker`` (the
    point a crash test stops it at). AssertionError if it ends before, or never gets there
    within five minutes (``waiting_for`` says what it was to reach)."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 300
        while not marker.exists():
            if child.poll() is not None:
                _, err = child.communicate()
                raise AssertionError(f"the child ended before {waiting_for}: {err.decode()}")
            assert time.monotonic() < deadline, f"the child never reached {waiting_for}"
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
