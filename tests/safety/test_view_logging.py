"""Read paths that show personal data write an access-log row (issue 12: PIPA counts 조회,
viewing): the search results, a timeline, a resident's overview, the consents, the follow-ups,
a document preview, the conflicts. One row per opening, not per keystroke or refresh."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import select

from consultdesk.services import consent, consultations, documents, residents, sync_conflicts
from consultdesk.services import workspace as workspace_module
from consultdesk.storage.models import AuditEvent
from tests.services.visit_data import make_visit


def _views(ws) -> Counter[tuple[str, str | None]]:
    with ws.db.session(read_only=True) as s:
        rows = s.exec(select(AuditEvent).where(AuditEvent.action == "view")).all()
    return Counter((r.entity, r.resident_id) for r in rows)


def _read_everything(ws, rid: str) -> None:
    for text in ("홍", "홍길", "홍길순"):  # typing in the search
        residents.search_residents(ws, text)
    consultations.resident_timeline(ws, rid)
    consultations.resident_brief(ws, rid)
    consent.consents_for(ws, rid)
    consultations.follow_up_list(ws)
    documents.prepare_document(
        ws, documents.DocumentRequest(documents.DocumentKind.MEDICATION_LIST, rid)
    )
    sync_conflicts.list_conflicts(ws)


def test_each_screen_that_shows_personal_data_logs_one_view(workspace):
    visit = make_visit(workspace)
    rid = visit.resident_id
    before = _views(workspace)
    for _ in range(2):  # opened, then refreshed: still one viewing each
        _read_everything(workspace, rid)
    added = _views(workspace) - before
    assert added == Counter(
        {
            ("resident_search", None): 1,
            ("timeline", rid): 1,
            ("resident_overview", rid): 1,
            ("consents", rid): 1,
            ("follow_ups", None): 1,
            ("document_medlist", rid): 1,
            ("conflicts", None): 1,
        }
    )


def test_a_screen_opened_again_later_is_a_new_viewing(workspace, monkeypatch):
    visit = make_visit(workspace)
    monkeypatch.setattr(workspace_module, "VIEW_WINDOW_S", 0.0)
    before = _views(workspace)
    consultations.resident_timeline(workspace, visit.resident_id)
    consultations.resident_timeline(workspace, visit.resident_id)
    assert (_views(workspace) - before)[("timeline", visit.resident_id)] == 2


@pytest.mark.parametrize("screen", ["timeline"])
def test_viewing_rows_carry_who_and_which_device(workspace, screen):
    visit = make_visit(workspace)
    consultations.resident_timeline(workspace, visit.resident_id)
    with workspace.db.session(read_only=True) as s:
        row = s.exec(select(AuditEvent).where(AuditEvent.entity == screen)).one()
    assert row.actor == "박약사" and row.device == workspace.device and row.row_hash
