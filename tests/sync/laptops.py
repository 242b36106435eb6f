"""Test helpers: a team folder on disk and laptops that edit offline and sync through it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from consultdesk.domain.hlc import HlcClock
from consultdesk.sync.engine import run_sync
from consultdesk.sync.report import SyncReport
from consultdesk.sync.team import KdfParams, Team, create_team, join_team, register_device
from tests.sync.memory_store import MemoryStore

PASSPHRASE = "우리약국 방문팀 2026"
# Cheap Argon2id so the tests stay fast; the parameters still travel in team.json like real ones.
TEST_KDF = KdfParams(salt=b"0123456789abcdef", iterations=1, lanes=1, memory_kib=8 * 1024)
START_MS = 1_763_700_000_000  # November 2025


@dataclass
class FakeTime:
    """One wall clock for the whole test; each laptop may run ahead or behind it."""

    ms: int = START_MS

    def advance(self, ms: int = 1) -> None:
        self.ms += ms


@dataclass
class Laptop:
    name: str
    team: Team
    store: MemoryStore
    clock: HlcClock
    safety_fields: Collection[tuple[str, str]] = field(default_factory=frozenset)

    @property
    def device_id(self) -> str:
        return self.store.device_id

    @property
    def folder(self) -> Path:
        return self.team.changes_folder(self.device_id)

    def sync(self) -> SyncReport:
        return run_sync(
            self.team, self.device_id, self.store, self.clock, safety_fields=self.safety_fields
        )


def make_team(shared: Path) -> Team:
    shared.mkdir(parents=True, exist_ok=True)
    return create_team(shared, "행복약국 방문팀", PASSPHRASE, kdf=TEST_KDF)


def make_laptop(
    team: Team,
    name: str,
    time: FakeTime,
    *,
    skew_ms: int = 0,
    safety_fields: Collection[tuple[str, str]] = frozenset(),
) -> Laptop:
    joined = join_team(team.folder, PASSPHRASE)
    device_id = f"{name:0<8}"[:32]
    clock = HlcClock(device_id, now_ms=lambda: time.ms + skew_ms)
    register_device(joined, device_id)
    return Laptop(name, joined, MemoryStore(device_id, clock), clock, safety_fields)
