"""A pharmacist who saves while a sync imports keeps the edit.

A sync decides each incoming change against the field states it read (inbound.merge_bundle),
then writes in another transaction. A save that lands between the two is newer than the
incoming change; the import must not write the older value over it, neither in the row nor in
its field state. The save is a real one (services.residents), made from inside the store's
read, which is the moment a pharmacist's typing can reach while a sync runs on its thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import sync
from consultdesk.services.residents import open_resident, save_resident
from consultdesk.services.workspace import Workspace
from consultdesk.storage.sync_store import SqliteSyncStore
from consultdesk.sync.engine import run_sync
from consultdesk.sync.merge import RecordState
from consultdesk.sync.store import RecordKey
from tests.services.sync_laptops import (  # noqa: F401 (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)


class SaveDuringRead(SqliteSyncStore):
    """The real store; the first time it reads the states of a resident, ``edit`` runs right
    after the read, before anything is written."""

    def __init__(self, ws: Workspace, edit: Callable[[], None]) -> None:
        super().__init__(ws.db, ws.device, quiet_conflict_fields=sync.DERIVED_FIELDS.keys())
        self.edit: Callable[[], None] | None = edit

    def read_records(
        self, keys: Collection[RecordKey]
    ) -> tuple[Mapping[RecordKey, RecordState], object]:
        found = super().read_records(keys)
        if self.edit is not None and any(entity == "resident" for entity, _ in keys):
            edit, self.edit = self.edit, None
            edit()
        return found


def _sync_with(ws: Workspace, store: SqliteSyncStore) -> None:
    team = sync._require_team(ws)
    run_sync(team, ws.device, store, ws.writer.clock, safety_fields=sync.SAFETY_FIELDS)


@pytest.mark.parametrize("same_field", [True, False], ids=["same field", "other field"])
def test_a_save_made_while_a_bundle_is_merged_is_kept(
    new_laptop: MakeLaptop, share: Path, same_field: bool
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    rid = save_resident(a, ResidentDraft("김민수", phone="010-1111-2222"))
    sync.sync_now(a)
    sync.sync_now(b)
    save_resident(a, ResidentDraft("김민수", phone="010-3333-4444"), rid)  # A's edit, older
    sync.sync_now(a)

    b_draft = (
        ResidentDraft("김민수", phone="010-5555-6666")
        if same_field
        else ResidentDraft("김민수", phone="010-1111-2222", district="중구")
    )
    _sync_with(b, SaveDuringRead(b, lambda: save_resident(b, b_draft, rid)))

    detail = open_resident(b, rid)
    assert detail is not None
    if same_field:
        assert detail.data.phone == "010-5555-6666"  # B's save is newer than A's edit
    else:
        assert (detail.data.phone, detail.data.district) == ("010-3333-4444", "중구")  # both kept
    # ...and the team ends alike: B's save goes out, A takes it.
    sync.sync_now(b)
    sync.sync_now(a)
    on_a = open_resident(a, rid)
    assert on_a is not None
    assert (on_a.data.phone, on_a.data.district) == (detail.data.phone, detail.data.district)
