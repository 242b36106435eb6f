"""The demo's rows made in a process of their own while the caller writes them (demo/fill.py):
a large fill's rows take a fifth of its time to make, and the writing process waits on SQLite
most of the rest; two processes keep both cores busy (threads would not: the writer takes the
interpreter lock back for every row it binds).

The parent runs ``python -m consultdesk.demo.aside RESIDENTS SEED TODAY SESSIONS``; the child
writes each DemoPart to its standard output as a pickle, at most one part ahead of the reader
(the pipe blocks it), and ends when the parts do. Made from the seed alone, the parts are the
same as the ones made in the caller's process.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from datetime import date

from consultdesk.demo.writes import DemoPart


class AsideFailed(RuntimeError):
    """The process making the demo's rows stopped before its last part."""


def parts_aside(residents: int, seed: int, today: date, sessions: int | None) -> Iterator[DemoPart]:
    """demo_parts(residents, seed, today, sessions), made in a child process. The child is
    killed if the caller stops reading (a failed write) and ends by itself if the caller dies
    (its next write fails)."""
    command = [
        sys.executable,
        "-m",
        __name__,
        str(residents),
        str(seed),
        today.isoformat(),
        "" if sessions is None else str(sessions),
    ]
    with subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        finished = False
        try:
            while True:
                try:
                    part = pickle.load(child.stdout)
                except EOFError:
                    break
                yield part
            finished = True
        finally:
            if not finished:
                child.kill()
        error = child.stderr.read().decode(errors="replace")
        if child.wait() != 0:
            raise AsideFailed(f"the demo's rows could not be made: {error.strip()}")


def main(argv: list[str]) -> int:
    from consultdesk.demo.fill import demo_parts

    residents, seed, today, sessions = argv
    out = sys.stdout.buffer
    parts = demo_parts(
        int(residents), int(seed), date.fromisoformat(today), int(sessions) if sessions else None
    )
    try:
        for part in parts:
            pickle.dump(part, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
    except BrokenPipeError:
        # The reader is gone: stop, without Python's complaint about the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
