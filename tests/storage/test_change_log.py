import json
from datetime import date

import pytest
from sqlmodel import select

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.hlc import Hlc
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consent, residents
from consultdesk.storage import field_clock
from consultdesk.storage.changes import TOMBSTONE
from consultdesk.storage.models import Resident
from tests.change_rows import logged


def changes(ws, record_id):
    return logged(ws, record_id)


def test_creating_a_resident_writes_a_change_row_per_field(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수", birth_date="1948-03-05"))
    rows = changes(workspace, rid)
    by_field = {r.field: r for r in rows}
    assert json.loads(by_field["name"].value) == "김민수"
    assert json.loads(by_field["birth_date"].value) == "1948-03-05"
    assert all(r.entity == "resident" and r.device == workspace.device for r in rows)
    assert all(r.base_hlc is None for r in rows)
    assert len(rid) == 36 and rid[14] == "7"  # UUID version 7


def test_editing_logs_only_what_changed_with_the_replaced_clock_as_base(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수", phone="010-0000-1234"))
    first = {r.field: r.hlc for r in changes(workspace, rid)}
    residents.save_resident(workspace, ResidentDraft(name="김민수", phone="010-0000-9999"), rid)
    later = [r for r in changes(workspace, rid) if r.hlc not in first.values()]
    assert {r.field for r in later} == {"phone", "phone_digits"}
    phone = next(r for r in later if r.field == "phone")
    assert phone.base_hlc == first["phone"]
    assert Hlc.parse(phone.hlc) > Hlc.parse(first["phone"])
    with workspace.db.engine.connect() as conn:
        states = {row[:3]: row[4] for row in field_clock.all_states(conn)}
    assert states["resident", rid, "phone"] == phone.hlc


def test_deleting_is_a_tombstone(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    residents.delete_resident(workspace, rid)
    assert changes(workspace, rid)[-1].field == TOMBSTONE
    with workspace.db.session() as s:
        assert s.get(Resident, rid).deleted
    assert residents.search_residents(workspace, "김민수")[1] == 0


def test_a_refused_write_leaves_no_change_rows(workspace):
    with workspace.db.session() as s:
        before = len(logged(workspace))
    with pytest.raises(ValidationFailed):
        residents.save_resident(workspace, ResidentDraft(name="김민수", notes="480305-1234567"))
    with workspace.db.session() as s:
        assert len(logged(workspace)) == before
        assert s.exec(select(Resident)).all() == []


def test_a_failure_inside_the_transaction_rolls_back_the_change_rows_too(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    with workspace.db.session() as s:
        count = len(logged(workspace))
    with pytest.raises(RuntimeError), workspace.db.session() as s:
        record = s.get(Resident, rid)
        workspace.writer.save(s, record, {"notes": "바뀐 메모"})
        raise RuntimeError("crash before commit")
    with workspace.db.session() as s:
        assert len(logged(workspace)) == count
        assert s.get(Resident, rid).notes == ""


def test_consent_and_withdrawal_are_logged(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    cid = consent.record_consent(
        workspace, rid, ConsentKind.SHARE_WELFARE, True, date(2026, 1, 5), "written"
    )
    consent.withdraw_consent(workspace, cid, date(2026, 2, 1), today=date(2026, 11, 21))
    fields = [r.field for r in changes(workspace, cid)]
    assert fields[-1] == "withdrawn_on"
    assert "granted" in fields
