"""The databases of released schemas (tests/fixtures/schema_NNNN.db) open with this version:
every migration since upgrades them, their data reads back, and their access log's hash chain
still verifies (a migration that changed what a row's hash covers would break it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consultdesk.services import access_log, referrals, residents
from consultdesk.services.workspace import Workspace
from consultdesk.storage import schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSPHRASE = "fixture passphrase"


def _open(tmp_path: Path, name: str) -> Workspace:
    data_dir = tmp_path / name
    data_dir.mkdir()
    shutil.copy(FIXTURES / f"{name}.db", data_dir / "consultdesk.db")
    return Workspace.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize("name", ["schema_0004", "schema_0005"])
def test_the_release_database_upgrades_and_its_referral_and_log_read_back(tmp_path, name):
    ws = _open(tmp_path, name)
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        rows, _ = residents.search_residents(ws, "홍길동")
        [referral] = referrals.list_referrals(ws, referrals.ReferralFilter.ALL)
        assert referral.resident_id == rows[0].id
        assert referral.state is referrals.ReferralState.SENT
        assert referral.reference.startswith("CD-2026-")
        report = access_log.verify_log(ws)
        assert report.ok, report.breaks
        # Rows from before the chain (0004) stay as they were; the release's rows are chained.
        assert report.unchained == 6 and sum(report.devices.values()) >= 7
        logged = access_log.list_rows(ws)
        assert {"export", "log_checked"} <= {r.action for r in logged}
        assert access_log.checked_months(ws) == ["2026-11"]
    finally:
        ws.close()


def test_the_birth_year_release_keeps_a_resident_known_only_by_year(tmp_path):
    ws = _open(tmp_path, "schema_0005")
    try:
        [row], _ = residents.search_residents(ws, "김순자")
        detail = residents.open_resident(ws, row.id)
        assert detail is not None
        assert detail.data.birth_approximate
        assert detail.data.birth_date is not None and detail.data.birth_date.year == 1944
        assert access_log.verify_log(ws).ok
    finally:
        ws.close()
