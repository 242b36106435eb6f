"""The start and the end of a `consultdesk` process (cli.run), made cheaper.

The cyclic garbage collector. A process starts by importing about a thousand modules (the
database layer, ReportLab, the screens): objects that live as long as the process, which the
collector walks again and again while they are made, and finds nothing to free. That was
0.12-0.17 s of the main window's start and of `consultdesk export` (measured on the 10k demo
with gc.callbacks). ``hold_collector`` turns it off for the start; ``release_collector``
freezes what the start made (gc.freeze: it stays, and later collections do not walk it) and
turns it on again. It is released once the command has opened its database (cli.py
_open_workspace), once the main window is first painted (ui/main_window.py), and before any
other command runs (cli.py _main). Only the process's own entry holds it, never a caller of
cli.main in the same process (the tests).

The end. After the command has returned, the interpreter's own exit frees every object one by
one (0.27-0.4 s after the atexit handlers, measured from outside the process). ``end`` does
what of that can be seen, and then ends the process without the freeing: it runs the atexit
handlers (the logs' handlers are flushed and closed there), flushes stdout and stderr, and
calls os._exit. The database is closed by then (the commands close their workspace; the
window's ``_run`` closes it), and the PDF and backup files are closed and renamed into place
before the command returns. If a thread the interpreter would wait for is still running (the
window's send-on-quit), the interpreter exits as before and waits for it.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

_held = False


def hold_collector() -> None:
    """Turn the cyclic collector off while the process starts (see the module's docstring)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    """Freeze what the start made and turn the collector on again, if hold_collector turned
    it off (otherwise nothing: a test's process keeps its own settings)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cycle collector off for a stretch of work that makes hundreds of thousands of new
    objects none of which is in a cycle (reference counting frees them): a demo fill, a
    snapshot's parts merged in a join. Each of the collector's passes over them all cost the
    join a tenth to a fifth of its time and the fill 3%. On again after, as it was. The switch
    is the process's: what the screens leave in cycles meanwhile waits for it too, and is
    collected after (minutes at most, at the bench's full demo)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _waited_for() -> bool:
    """True if a thread the interpreter waits for at exit is still running."""
    current = threading.current_thread()
    return any(t is not current and not t.daemon and t.is_alive() for t in threading.enumerate())


def end(code: int) -> NoReturn:
    """End the process with ``code``: the exit handlers run and the output is flushed, the
    objects are not freed one by one (see the module's docstring)."""
    if _waited_for():
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: as the interpreter would
            pass
    os._exit(code)
