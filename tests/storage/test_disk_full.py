import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents
from consultdesk.storage.errors import DiskFull
from tests.disk_full import disk_full

LONG_NOTE = "계단이 많은 집. " * 20_000  # far more than the pages the file has left


def test_a_full_disk_is_a_specific_error_and_loses_nothing_saved(workspace):
    kept = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    with disk_full(workspace.db), pytest.raises(DiskFull, match="disk is full"):
        residents.save_resident(workspace, ResidentDraft(name="박민서", notes=LONG_NOTE))
    rows, total = residents.search_residents(workspace, "")
    assert total == 1 and rows[0].id == kept
    # Once there is room again the same input saves.
    residents.save_resident(workspace, ResidentDraft(name="박민서", notes=LONG_NOTE))
    assert residents.search_residents(workspace, "")[1] == 2
