"""A snapshot lists parents before their children, so a laptop starting from it writes each
part's rows at once: in name order (consultation before resident) every consultation, medicine
and problem of the first part waited in sync_pending for a resident of a later part, and was
read back and written again when that part came (half the join's time on the demo)."""

from __future__ import annotations

from consultdesk.demo import fill_demo
from consultdesk.services.workspace import Workspace
from consultdesk.storage.sync_store import SqliteSyncStore
from consultdesk.sync.merge import TOMBSTONE_FIELD


def test_every_record_comes_after_its_parent(workspace: Workspace) -> None:
    fill_demo(workspace, residents=30, sessions=300)
    store = SqliteSyncStore(workspace.db, workspace.device)
    parents = {spec.entity: spec.parents for spec in store.specs}
    seen: set[tuple[str, str]] = set()
    checked = pages = 0
    for page in store.snapshot_records(page=300):  # small pages: the demo spans many
        pages += 1
        for key, state in page:
            entity, _ = key
            for column, parent in parents.get(entity, {}).items():
                target = state.get(column)
                if target is None or target.value is None or column == TOMBSTONE_FIELD:
                    continue
                assert (parent, target.value) in seen, (key, column, target.value)
                checked += 1
            seen.add(key)
    assert pages > 2 and checked > 1000
