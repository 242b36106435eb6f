"""A real full file system: a small tmpfs mounted for the test and filled to the last byte.

tests/disk_full.py caps SQLite's pages, which cannot show what happens when the operating
system itself has no room (a PDF that cannot be written, SQLite unable to create its -shm and
-wal files at open). Mounting needs root (or CAP_SYS_ADMIN): elsewhere these tests skip.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class FullDisk:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / ".filler"

    def fill(self) -> None:
        """Take every free byte (the filler file grows until the disk refuses)."""
        chunk = b"\0" * 65536
        with open(self._filler, "ab", buffering=0) as f:
            for size in (65536, 4096, 512, 1):
                with contextlib.suppress(OSError):
                    while True:
                        f.write(chunk[:size])

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[FullDisk]:
    root = tmp_path / "small-disk"
    root.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", str(root)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield FullDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)
