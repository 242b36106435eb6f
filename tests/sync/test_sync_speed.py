"""Targets (docs/architecture.md): import 10k changes from 5 laptops ≤ 3 s; a sync with nothing new
≤ 100 ms. Measured with the in-memory store, so this times the sync layer itself.

Run ``PYTHONPATH=src python -m tests.sync.test_sync_speed`` to print the figures.
"""

from __future__ import annotations

import tempfile
import time as wall
from pathlib import Path

from consultdesk.domain.ids import new_id
from tests.sync.laptops import FakeTime, Laptop, make_laptop, make_team

LAPTOPS = 5
CHANGES = 10_000


def prepare(folder: Path) -> tuple[list[Laptop], Laptop]:
    team = make_team(folder / "share")
    time = FakeTime()
    laptops = [make_laptop(team, f"laptop{index}", time) for index in range(LAPTOPS)]
    shared = [new_id() for _ in range(50)]
    per_laptop = CHANGES // LAPTOPS
    for index, laptop in enumerate(laptops):
        for number in range(per_laptop):
            time.advance()
            if number % 10 == 0:  # some residents everybody touches
                rid = shared[number % len(shared)]
                laptop.store.edit("resident", rid, "note", f"{index}-{number}")
            else:
                laptop.store.edit("consultation", new_id(), "summary", f"상담 {index}-{number}")
            if number % 400 == 399:
                laptop.sync()  # a working day: several bundles per laptop
        laptop.sync()
    newcomer = make_laptop(team, "newcomer", time)
    return laptops, newcomer


def measure() -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        _, newcomer = prepare(Path(folder))
        started = wall.perf_counter()
        report = newcomer.sync()
        first = wall.perf_counter() - started
        assert sum(o.changes for o in report.read) == CHANGES
        started = wall.perf_counter()
        again = newcomer.sync()
        quiet = wall.perf_counter() - started
        assert again.nothing_new
        return first, quiet, report.bundles_read


def test_a_newcomer_imports_10k_changes_from_5_laptops_quickly() -> None:
    first, quiet, _ = measure()
    assert first <= 3.0
    assert quiet <= 0.1


if __name__ == "__main__":
    first, quiet, bundles = measure()
    print(f"import {CHANGES} changes / {bundles} bundles from {LAPTOPS} laptops: {first:.3f} s")
    print(f"sync with nothing new: {quiet * 1000:.1f} ms")
