"""Issue 10: deleting from the screens — a confirmation that names the thing, a tombstone in the
database, gone on the other laptop after a sync, and a clear reason when it is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import centres, residents, sync
from consultdesk.services import consultations as svc
from consultdesk.storage.models import Consultation, Resident
from consultdesk.ui.centres_view import CentresView
from consultdesk.ui.residents_view import ResidentsView
from consultdesk.ui.timeline_view import DELETABLE_ROLE, ID_ROLE
from tests.services.sync_laptops import (  # noqa: F401 (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)
from tests.services.visit_data import add_consultation, make_resident
from tests.ui.message_boxes import BoxAnswers, stop_unanswered  # noqa: F401 (fixture)


def names(view: ResidentsView) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


@pytest.mark.slow
def test_delete_key_asks_then_deletes_and_the_other_laptop_no_longer_lists_them(
    qtbot, new_laptop: MakeLaptop, share: Path
):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", birth_date="1948-03-05"))
    residents.save_resident(a, ResidentDraft(name="박영수"))
    sync.sync_now(a)
    sync.sync_now(b)

    view = ResidentsView(a)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.select(kim)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)

    # Cancel keeps them; the question names who would be deleted.
    answers = BoxAnswers(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert answers.done
    assert "김순자" in answers.texts[0] and "1948-03-05" in answers.texts[0]
    assert answers.titles == ["내담자 삭제"]
    assert names(view) == ["김순자", "박영수"]

    view.activateWindow()  # the closed box hands focus back to the window
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    answers = BoxAnswers("delete")
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert answers.done
    assert names(view) == ["박영수"]
    assert view.panel.detail is None
    with a.db.session() as s:
        record = s.get(Resident, kim)
        assert record is not None and record.deleted

    sync.sync_now(a)
    sync.sync_now(b)
    other = ResidentsView(b)
    qtbot.addWidget(other)
    assert names(other) == ["박영수"]
    assert residents.open_resident(b, kim) is None


def test_the_delete_button_deletes_the_shown_resident(qtbot, workspace, monkeypatch):
    kim = residents.save_resident(workspace, ResidentDraft(name="김순자"))
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.select(kim)
    asked: list[str] = []
    monkeypatch.setattr(
        view.panel, "confirm_delete", lambda title, text: asked.append(text) or True
    )
    qtbot.mouseClick(view.panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "김순자" in asked[0]
    assert names(view) == []
    assert residents.count_residents(workspace) == 0


def test_a_draft_is_deleted_from_the_timeline_and_a_finished_session_cannot_be(
    qtbot, new_laptop: MakeLaptop, share: Path, monkeypatch
):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    rid, _centre, _worker = make_resident(a)
    first = add_consultation(a, rid)
    svc.finalise_consultation(a, svc.load_consultation(a, first), today=date(2026, 11, 2))
    draft = svc.start_consultation(a, rid, today=date(2026, 11, 20))
    view = ResidentsView(a)
    qtbot.addWidget(view)
    view.select(rid)
    timeline = view.panel.timeline
    assert timeline.list.count() == 2
    deletable = {
        timeline.list.item(i).data(ID_ROLE): timeline.list.item(i).data(DELETABLE_ROLE)
        for i in range(timeline.list.count())
    }
    assert deletable == {draft: True, first: False}

    finished_row = next(
        i for i in range(timeline.list.count()) if timeline.list.item(i).data(ID_ROLE) == first
    )
    timeline.list.setCurrentRow(finished_row)
    assert not timeline.delete_button.isEnabled()
    # The Delete key on a finished session says why instead of asking.
    view.show()
    qtbot.waitExposed(view)
    timeline.list.setFocus()
    qtbot.waitUntil(timeline.list.hasFocus)
    answers = BoxAnswers(QMessageBox.StandardButton.Ok)
    qtbot.keyClick(timeline.list, Qt.Key.Key_Delete)
    assert answers.done and "마친 상담은 삭제하지 않고" in answers.texts[0]
    assert timeline.list.count() == 2

    draft_row = next(
        i for i in range(timeline.list.count()) if timeline.list.item(i).data(ID_ROLE) == draft
    )
    timeline.list.setCurrentRow(draft_row)
    assert timeline.delete_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(timeline, "confirm_delete", lambda title, text: asked.append(text) or True)
    with qtbot.waitSignal(timeline.draft_deleted) as deleted:
        qtbot.mouseClick(timeline.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [draft]
    assert "2026-11-20" in asked[0] and "2회차" in asked[0]  # the session is named
    assert [timeline.list.item(i).data(ID_ROLE) for i in range(timeline.list.count())] == [first]
    with a.db.session() as s:
        assert s.get(Consultation, draft).deleted

    sync.sync_now(a)
    sync.sync_now(b)
    other = ResidentsView(b)
    qtbot.addWidget(other)
    other.select(rid)
    items = other.panel.timeline.list
    assert [items.item(i).data(ID_ROLE) for i in range(items.count())] == [first]


def test_a_centre_in_use_is_refused_with_its_residents_named_then_deleted_once_free(
    qtbot, workspace, monkeypatch
):
    centre = centres.save_centre(workspace, "햇살복지관")
    worker = centres.save_case_worker(workspace, centre, "이사례")
    kim = residents.save_resident(
        workspace, ResidentDraft(name="김순자", centre_id=centre, case_worker_id=worker)
    )
    view = CentresView(workspace)
    qtbot.addWidget(view)
    view.worker_list.setCurrentRow(0)
    asked: list[str] = []
    monkeypatch.setattr(view, "confirm_delete", lambda title, text: asked.append(text) or True)

    answers = BoxAnswers(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(view.delete_worker, Qt.MouseButton.LeftButton)
    assert answers.done
    assert "이사례" in asked[-1]
    assert "이사례 님은 삭제할 수 없습니다" in answers.texts[0] and "김순자" in answers.texts[0]
    assert view.worker_list.count() == 1

    answers = BoxAnswers(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(view.delete_centre, Qt.MouseButton.LeftButton)
    assert answers.done
    assert "“햇살복지관”" in asked[-1]
    assert "내담자가 아직 1명" in answers.texts[0] and "김순자" in answers.texts[0]
    assert view.centre_list.count() == 1

    residents.delete_resident(workspace, kim)
    view.worker_list.setCurrentRow(0)
    qtbot.mouseClick(view.delete_worker, Qt.MouseButton.LeftButton)
    assert view.worker_list.count() == 0
    qtbot.mouseClick(view.delete_centre, Qt.MouseButton.LeftButton)
    assert view.centre_list.count() == 0
    assert centres.list_centres(workspace) == []


def test_cancelling_the_real_confirmation_deletes_nothing(qtbot, workspace):
    centres.save_centre(workspace, "푸른숲복지관")
    view = CentresView(workspace)
    qtbot.addWidget(view)
    answers = BoxAnswers(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(view.delete_centre, Qt.MouseButton.LeftButton)
    assert answers.done and "“푸른숲복지관” 복지관을 삭제할까요?" in answers.texts[0]
    assert [c.name for c in centres.list_centres(workspace)] == ["푸른숲복지관"]
    answers = BoxAnswers("delete")
    qtbot.mouseClick(view.delete_centre, Qt.MouseButton.LeftButton)
    assert answers.done and centres.list_centres(workspace) == []
