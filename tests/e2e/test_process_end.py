"""A `consultdesk` process starts with the cyclic collector held and ends without freeing its
objects one by one (consultdesk/process.py), and still ends as the interpreter's exit would:
its exit handlers run, its output is all there, its exit status is the command's, and a thread
the interpreter waits for is waited for."""

from __future__ import annotations

import gc
import os
import subprocess
from pathlib import Path

from consultdesk import cli
from consultdesk.services.workspace import Profile, Workspace
from tests.python_process import run_python

PASS = "process end passphrase"

# cli.run as the console script calls it, after the test's own lines.
PROGRAM = """
import atexit, gc, sys, threading, time
{before}
sys.argv = ["consultdesk", *sys.argv[1:]]
from consultdesk.cli import run
run()
"""


def _program(before: str, *args: str) -> subprocess.CompletedProcess[str]:
    # PYTHONUNBUFFERED empty, as unset: stdout into a pipe is then held until flushed.
    return run_python(
        PROGRAM.format(before=before),
        *args,
        CONSULTDESK_PASSPHRASE=PASS,
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="",
    )


def _data(tmp_path: Path) -> str:
    data = tmp_path / "data"
    Workspace.create(data, PASS, PASS, Profile("끝약사")).close()
    return str(data)


def test_exit_handlers_run_and_the_output_is_flushed(tmp_path: Path) -> None:
    # Printed into a pipe (block-buffered) by an exit handler: lost if the process ended
    # before the handlers ran or before stdout was flushed.
    before = 'atexit.register(lambda: print("handler ran"))'
    done = _program(before, "--data-dir", _data(tmp_path), "residents")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("handler ran"), done.stdout


def test_the_exit_status_is_the_commands(tmp_path: Path) -> None:
    data = _data(tmp_path)
    refused = _program(  # no --reason
        "", "--data-dir", data, "export", "referral", "--resident", "x", "--out", "a.pdf"
    )
    assert refused.returncode == 1 and refused.stderr, refused
    helped = _program("", "--help")
    assert helped.returncode == 0 and "export" in helped.stdout
    wrong = _program("", "--data-dir", data, "no-such-command")
    assert wrong.returncode == 2 and "no-such-command" in wrong.stderr


def test_a_thread_the_interpreter_waits_for_is_waited_for(tmp_path: Path) -> None:
    # As the window's send-on-quit thread: still running when the command returns.
    mark = tmp_path / "finished"
    before = f"""
import consultdesk.process as process
returned = threading.Event()
end = process.end
def ending(code):
    returned.set()
    end(code)
process.end = ending
def later():
    returned.wait()
    time.sleep(0.5)
    open({str(mark)!r}, "w").write("done")
threading.Thread(target=later).start()
"""
    done = _program(before, "--data-dir", _data(tmp_path), "residents")
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "done"


def test_the_collector_is_held_while_starting_and_released_once_the_database_is_open(
    tmp_path: Path,
) -> None:
    before = """
import consultdesk.process as process
seen = []
release = process.release_collector
def noted():
    seen.append(gc.isenabled())
    release()
process.release_collector = noted
def report():
    print(f"held={seen} on={gc.isenabled()} frozen={gc.get_freeze_count() > 0}")
atexit.register(report)
"""
    done = _program(before, "--data-dir", _data(tmp_path), "residents")
    assert done.returncode == 0, done.stderr
    assert "held=[False] on=True frozen=True" in done.stdout, done.stdout
    # A command that opens no database: released before it runs.
    other = _program(before, "--data-dir", str(tmp_path / "new"), "init", "--name", "새약사")
    assert other.returncode == 0, other.stderr
    assert "held=[False] on=True frozen=True" in other.stdout, other.stdout


def test_a_caller_in_the_same_process_keeps_its_collector(tmp_path: Path) -> None:
    data = _data(tmp_path)
    frozen = gc.get_freeze_count()
    os.environ["CONSULTDESK_PASSPHRASE"] = PASS
    try:
        assert cli.main(["--data-dir", data, "residents"]) == 0
    finally:
        del os.environ["CONSULTDESK_PASSPHRASE"]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
