"""A cloud drive's placeholder named like the next bundle: OneDrive Files On-Demand and Google
Drive for desktop list files that are not downloaded until read, and reading one can block or
fail. A FIFO is the same on Linux: open() on it blocks until someone writes. The sync must not
hang: it reports the file, waits for that laptop, and imports it once it is a normal file."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

HANG_LIMIT_S = 60  # far above a sync of two bundles; only a hang gets near it


def sync_in_thread(ws) -> sync.SyncReport:  # type: ignore[no-untyped-def]
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(sync.sync_now(ws)), daemon=True)
    worker.start()
    worker.join(HANG_LIMIT_S)
    assert not worker.is_alive(), "the sync hung on the placeholder"
    [report] = done
    assert isinstance(report, sync.SyncReport)
    return report


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_placeholder_that_blocks_is_skipped_then_imported_once_downloaded(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    second = team.folder / "devices" / a.device / "changes" / "000002.cdsync"
    real = second.read_bytes()
    second.unlink()
    os.mkfifo(second)  # listed, but open() blocks until the data "arrives"
    try:
        report = sync_in_thread(b)
    finally:
        _release_a_stuck_reader(second)
    assert [(s.path.name, s.code) for s in report.skipped] == [("000002.cdsync", "unreadable")]
    assert "not a regular file" in report.skipped[0].detail
    [waiting] = report.waiting
    assert (waiting.device_id, waiting.missing_seq) == (a.device, 2)
    assert lee not in visible(b)["resident"]

    # Downloaded: a normal file now. The next sync imports it.
    second.unlink()
    second.write_bytes(real)
    report = sync_in_thread(b)
    assert report.bundles_read == 1 and report.waiting == []
    assert lee in visible(b)["resident"]


def test_a_folder_named_like_the_next_bundle_is_skipped_and_the_sync_goes_on(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    first = team.folder / "devices" / a.device / "changes" / "000001.cdsync"
    real = first.read_bytes()
    first.unlink()
    first.mkdir()  # what some drives show for an entry they cannot materialise
    report = sync_in_thread(b)
    assert [(s.path.name, s.code) for s in report.skipped] == [("000001.cdsync", "unreadable")]
    assert kim not in visible(b)["resident"]
    first.rmdir()
    first.write_bytes(real)
    assert sync_in_thread(b).bundles_read == 1
    assert kim in visible(b)["resident"]


def _release_a_stuck_reader(fifo: Path) -> None:
    """Only without the fix is a sync stuck in open(): opening the FIFO for writing lets it go
    (it then reads an empty file), so a failing test still ends."""
    with contextlib.suppress(OSError):  # ENXIO: nobody is reading
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
