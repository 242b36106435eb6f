"""Issue 10: deletes are tombstones that sync, refused while something refers to the record;
each writes an access-log row. Real encrypted workspaces, two laptops through a real folder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import centres, flags, referrals, residents, sync
from consultdesk.services import consultations as svc
from consultdesk.services.referrals import ReferralOptions
from consultdesk.storage.changes import TOMBSTONE
from consultdesk.storage.models import (
    AuditEvent,
    Consultation,
    DrugProblemEntry,
    FlagDecision,
    MedicationEntry,
    Resident,
)
from tests.change_rows import logged
from tests.services.sync_laptops import (  # noqa: F401 (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)
from tests.services.visit_data import add_consultation, make_resident, make_visit


def codes(error: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [p.code for p in error.value.problems]


def audit(ws, action: str, entity: str) -> list[AuditEvent]:
    with ws.db.session() as s:
        return list(
            s.exec(
                select(AuditEvent).where(AuditEvent.action == action, AuditEvent.entity == entity)
            )
        )


def tombstoned(ws, record_id: str) -> bool:
    rows = [c for c in logged(ws, record_id) if c.field == TOMBSTONE]
    return len(rows) == 1


def test_a_deleted_resident_is_a_tombstone_that_syncs(new_laptop: MakeLaptop, share: Path):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", allergies="페니실린"))
    park = residents.save_resident(a, ResidentDraft(name="박영수"))
    sync.sync_now(a)
    sync.sync_now(b)
    assert [r.name for r in residents.search_residents(b, "")[0]] == ["김순자", "박영수"]

    residents.delete_resident(a, kim)
    with a.db.session() as s:
        record = s.get(Resident, kim)
        assert record is not None and record.deleted  # kept, marked: a tombstone
    assert tombstoned(a, kim)
    assert [e.record_id for e in audit(a, "delete", "resident")] == [kim]
    assert residents.open_resident(a, kim) is None
    sync.sync_now(a)
    sync.sync_now(b)
    assert [r.name for r in residents.search_residents(b, "")[0]] == ["박영수"]
    assert residents.open_resident(b, kim) is None
    assert kim not in visible(b)["resident"] and park in visible(b)["resident"]
    # Deleted on the other laptop in the meantime: said, not silently done twice.
    with pytest.raises(ValidationFailed) as e:
        residents.delete_resident(b, kim)
    assert codes(e) == ["resident_gone"]


def test_a_centre_or_case_worker_in_use_is_refused_naming_who_refers_to_it(workspace):
    centre = centres.save_centre(workspace, "햇살복지관", "서울 관악구")
    worker = centres.save_case_worker(workspace, centre, "이사례")
    kim = residents.save_resident(
        workspace, ResidentDraft(name="김순자", centre_id=centre, case_worker_id=worker)
    )
    for name in ("박영수", "최말순", "정복례"):
        residents.save_resident(workspace, ResidentDraft(name=name, centre_id=centre))

    with pytest.raises(ValidationFailed) as e:
        centres.delete_centre(workspace, centre)
    (problem,) = e.value.problems
    assert problem.code == "centre_in_use"
    assert problem.params["name"] == "햇살복지관" and problem.params["residents"] == 4
    assert problem.params["resident_names"] == "김순자, 박영수, 정복례 …"  # three, then more

    with pytest.raises(ValidationFailed) as e:
        centres.delete_case_worker(workspace, worker)
    (problem,) = e.value.problems
    assert (problem.code, problem.params["resident_names"]) == ("case_worker_in_use", "김순자")
    assert audit(workspace, "delete", "case_worker") == []

    # Once the resident has no case worker, the worker goes; the centre still has residents.
    residents.save_resident(workspace, ResidentDraft(name="김순자", centre_id=centre), kim)
    centres.delete_case_worker(workspace, worker)
    assert centres.list_case_workers(workspace, centre) == []
    assert tombstoned(workspace, worker)
    assert [e.record_id for e in audit(workspace, "delete", "case_worker")] == [worker]
    with pytest.raises(ValidationFailed) as e:
        centres.delete_centre(workspace, centre)
    assert codes(e) == ["centre_in_use"]
    # A deleted resident no longer holds the centre.
    for row in residents.search_residents(workspace, "")[0]:
        residents.delete_resident(workspace, row.id)
    centres.delete_centre(workspace, centre)
    assert centres.list_centres(workspace) == []
    assert [e.record_id for e in audit(workspace, "delete", "welfare_centre")] == [centre]


def test_a_centre_whose_case_workers_are_listed_is_refused(workspace):
    centre = centres.save_centre(workspace, "푸른숲복지관")
    centres.save_case_worker(workspace, centre, "이사례")
    with pytest.raises(ValidationFailed) as e:
        centres.delete_centre(workspace, centre)
    (problem,) = e.value.problems
    assert (problem.code, problem.params["case_worker_names"]) == (
        "centre_has_case_workers",
        "이사례",
    )


def test_a_deleted_centre_or_worker_cannot_be_chosen_for_a_resident(workspace):
    centre = centres.save_centre(workspace, "햇살복지관")
    centres.delete_centre(workspace, centre)
    with pytest.raises(ValidationFailed) as e:
        residents.save_resident(workspace, ResidentDraft(name="김순자", centre_id=centre))
    assert codes(e) == ["centre_unknown"]
    with pytest.raises(ValidationFailed) as e:
        centres.delete_centre(workspace, centre)
    assert codes(e) == ["centre_unknown"]


def test_a_draft_is_deleted_with_its_rows_and_flag_decisions(workspace):
    visit = make_visit(workspace)
    cid = visit.consultation_id
    svc.mark_editing(workspace, cid)
    key = "test-flag"
    flags.decide_flag(workspace, cid, key, "confirmed", "")
    with workspace.db.session() as s:
        rows = [
            *s.exec(select(MedicationEntry).where(MedicationEntry.consultation_id == cid)),
            *s.exec(select(DrugProblemEntry).where(DrugProblemEntry.consultation_id == cid)),
            *s.exec(select(FlagDecision).where(FlagDecision.consultation_id == cid)),
        ]
        row_ids = [r.id for r in rows]
    assert len(row_ids) > 3

    svc.delete_draft(workspace, cid)
    with workspace.db.session() as s:
        assert s.get(Consultation, cid).deleted
        assert all(
            s.get(type(r), r.id).deleted
            for r in rows  # every row a tombstone, none dropped
        )
    assert all(tombstoned(workspace, rid) for rid in [cid, *row_ids])
    assert svc.resident_timeline(workspace, visit.resident_id) == []
    assert svc.draft_to_recover(workspace) is None
    (event,) = audit(workspace, "delete", "consultation")
    assert (event.record_id, event.resident_id) == (cid, visit.resident_id)
    with pytest.raises(ValidationFailed) as e:
        svc.delete_draft(workspace, cid)
    assert codes(e) == ["consultation_gone"]


def test_a_finished_or_amended_session_is_never_deleted(workspace):
    visit = make_visit(workspace)
    cid = visit.consultation_id
    data = svc.load_consultation(workspace, cid)
    svc.finalise_consultation(workspace, data, today=date(2026, 11, 2))
    with pytest.raises(ValidationFailed) as e:
        svc.delete_draft(workspace, cid)
    assert codes(e) == ["final_not_deletable"]
    svc.amend_consultation(workspace, cid, "용량 오기 수정")
    with pytest.raises(ValidationFailed) as e:
        svc.delete_draft(workspace, cid)  # reopened for a correction: still a finished record
    assert codes(e) == ["final_not_deletable"]
    with workspace.db.session() as s:
        assert not s.get(Consultation, cid).deleted
    assert audit(workspace, "delete", "consultation") == []


def test_a_draft_a_referral_was_made_from_is_kept(workspace):
    visit = make_visit(workspace)
    referrals.draft_referral(
        workspace,
        new_id(),
        visit.resident_id,
        visit.consultation_id,
        ReferralOptions(services=("energy_support",)),
        today=date(2026, 11, 3),
    )
    with pytest.raises(ValidationFailed) as e:
        svc.delete_draft(workspace, visit.consultation_id)
    (problem,) = e.value.problems
    assert problem.code == "draft_has_referral" and problem.params["reference"]


def test_a_deleted_draft_disappears_from_the_other_laptop(new_laptop: MakeLaptop, share: Path):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    rid, _centre, _worker = make_resident(a)
    first = add_consultation(a, rid)
    svc.finalise_consultation(a, svc.load_consultation(a, first), today=date(2026, 11, 2))
    second = svc.start_consultation(a, rid, today=date(2026, 11, 20))
    svc.save_consultation(a, replace(svc.load_consultation(a, second), advice="물을 드세요"))
    sync.sync_now(a)
    sync.sync_now(b)
    assert [s.id for s in svc.resident_timeline(b, rid)] == [second, first]

    svc.delete_draft(a, second)
    sync.sync_now(a)
    sync.sync_now(b)
    assert [s.id for s in svc.resident_timeline(b, rid)] == [first]
    assert svc.load_consultation(b, second) is None
    assert visible(b)["medication_entry"] == visible(a)["medication_entry"]


def test_a_centre_deleted_while_another_laptop_chose_it_shows_as_none(
    new_laptop: MakeLaptop, share: Path
):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    centre = centres.save_centre(a, "햇살복지관")
    sync.sync_now(a)
    sync.sync_now(b)
    centres.delete_centre(a, centre)  # nothing refers to it on laptop a …
    kim = residents.save_resident(b, ResidentDraft(name="김순자", centre_id=centre))  # … yet
    for ws in (a, b, a):
        sync.sync_now(ws)
    for ws in (a, b):
        detail = residents.open_resident(ws, kim)
        assert detail.data.centre_id is None and detail.centre_name == ""
        (row,) = residents.search_residents(ws, "김순자")[0]
        assert row.centre_name == ""
    # Saving the resident again is not refused for the vanished centre: the link is dropped.
    residents.save_resident(b, residents.draft_from(residents.open_resident(b, kim)), kim)
    with b.db.session() as s:
        assert s.get(Resident, kim).centre_id is None
