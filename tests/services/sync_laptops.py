"""Test helpers: real encrypted laptops (workspaces) that sync through a real temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from consultdesk.services import sync
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import field_clock
from consultdesk.storage.models import SHARED_TABLES
from consultdesk.sync.team import KdfParams

DB_PASSPHRASE = "laptop passphrase 1"
TEAM_PASSPHRASE = "우리약국 방문팀 2026"
# Cheap Argon2id so the tests stay fast; the parameters still travel in team.json like real ones.
CHEAP_KDF = KdfParams(salt=b"0123456789abcdef", iterations=1, lanes=1, memory_kib=8 * 1024)

MakeLaptop = Callable[[str], Workspace]


# Registered under the names tests use; import the *_fixture names to make them available.
@pytest.fixture(name="share")
def share_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture(name="new_laptop")
def new_laptop_fixture(tmp_path: Path) -> Iterator[MakeLaptop]:
    """Makes a laptop with its own encrypted database; all are closed after the test."""
    made: list[Workspace] = []

    def make(name: str) -> Workspace:
        ws = Workspace.create(
            tmp_path / name, DB_PASSPHRASE, DB_PASSPHRASE, Profile(f"{name} 약사")
        )
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()


def start_team(ws: Workspace, share: Path) -> sync.TeamSummary:
    return sync.create_team(ws, share, "행복약국 방문팀", TEAM_PASSPHRASE, kdf=CHEAP_KDF)


def join(ws: Workspace, share: Path) -> sync.TeamSummary:
    return sync.join_team(ws, share, TEAM_PASSPHRASE)


def three_laptops(new_laptop: MakeLaptop, share: Path) -> tuple[Workspace, ...]:
    """Laptops a, b and c in one team (a started it)."""
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    join(c, share)
    return a, b, c


def visible(ws: Workspace) -> dict[str, dict[str, dict[str, object]]]:
    """Every shared record that is not deleted, by table and id, with its column values."""
    found: dict[str, dict[str, dict[str, object]]] = {}
    with ws.db.session() as s:
        for entity, model in SHARED_TABLES.items():
            rows = s.exec(select(model)).all()
            found[entity] = {
                str(row.id): row.model_dump()  # type: ignore[attr-defined]
                for row in rows
                if not row.deleted  # type: ignore[attr-defined]
            }
    return found


def field_states(ws: Workspace) -> set[tuple[str, str, str, str, str | None]]:
    with ws.db.engine.connect() as conn:
        rows = field_clock.all_states(conn)
    return {
        (entity, record_id, name, hlc, value) for entity, record_id, name, value, hlc, *_ in rows
    }
