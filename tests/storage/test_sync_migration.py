"""Migration 0003 makes a database from before sync ready to sync (the 0001 fixture)."""

from __future__ import annotations

import shutil
from pathlib import Path

from consultdesk.domain.hlc import Hlc
from consultdesk.services import residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage import field_clock
from consultdesk.sync.team import ID_PATTERN
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_database_from_before_sync_gets_a_share_safe_device_id_and_full_field_states(
    tmp_path: Path, new_laptop: MakeLaptop, share: Path
) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0001.db", data_dir / "consultdesk.db")
    old = Workspace.unlock(data_dir, "fixture passphrase")
    try:
        assert ID_PATTERN.match(old.device) and "-" not in old.device
        with old.db.engine.connect() as conn:
            log = field_clock.unsent_rows(conn)
            states = field_clock.all_states(conn)
        assert log and {row[5] for row in log} == {old.device}
        assert all(Hlc.parse(row[4]).device == old.device for row in log)
        # Every field state is the change that set it, value and base included.
        assert set(states) <= {tuple(row) for row in log} and len(states) == len(
            {r[:3] for r in log}
        )
        start_team(old, share)
        assert sync.sync_now(old).changes_sent == len(log)
        fresh = new_laptop("fresh")
        join(fresh, share)
        sync.sync_now(fresh)
        rows, total = residents.search_residents(fresh, "ㅎㄱㄷ")
        assert total == 1 and rows[0].name == "홍길동"
        assert visible(fresh) == visible(old)
    finally:
        old.close()
