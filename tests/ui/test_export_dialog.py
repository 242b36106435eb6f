"""The documents dialog with real widgets: the consent gate, the QtPdf preview, save, print, the
draft, and many sheets at once with a progress bar."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from sqlmodel import col, select

from consultdesk.domain.consultation import ObservedRisk
from consultdesk.services import access_log, consent, referrals
from consultdesk.services.access_log import DownloadReason
from consultdesk.services.consultations import load_consultation, save_consultation
from consultdesk.services.documents import DocumentKind, DocumentRequest
from consultdesk.storage.models import AuditEvent, Referral
from consultdesk.ui.access_log_dialog import AccessLogDialog
from consultdesk.ui.batch_export_dialog import BatchExportDialog
from consultdesk.ui.download_reason import DownloadReasonDialog
from consultdesk.ui.export_dialog import ExportDialog
from consultdesk.ui.messages import known_codes
from consultdesk.ui.residents_view import ResidentsView
from tests.reason_helpers import answering_reason, open_reason_dialogs
from tests.services.visit_data import add_consultation, make_visit

pytestmark = pytest.mark.usefixtures("korean_app")


@pytest.fixture(autouse=True)
def reason_answered(request):
    """Every save asks why the personal data is downloaded: answered here as a pharmacist
    would, unless the test answers it itself."""
    if "own_reason" in request.fixturenames:
        yield
        return
    with answering_reason(DownloadReason.RESIDENT):
        yield


@pytest.fixture
def own_reason():
    """Taken by a test that answers the reason dialog itself."""


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def logged(ws, action: str) -> list[AuditEvent]:
    with ws.db.session() as s:
        return list(s.exec(select(AuditEvent).where(col(AuditEvent.action) == action)))


def open_dialog(qtbot, ws, resident_id) -> ExportDialog:
    dialog = ExportDialog(ws, resident_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=15_000)
    return dialog


def wait_for_preview(qtbot, dialog: ExportDialog, check) -> None:
    qtbot.waitUntil(
        lambda: dialog.current is not None and check(dialog.current.doc), timeout=15_000
    )


def test_without_consent_the_referral_sheet_is_disabled_and_says_why(qtbot, workspace):
    visit = make_visit(workspace, share=None)
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.select(visit.resident_id)
    bar = view.panel.documents
    assert bar.button.isEnabled()  # the medication list and the summary stay available
    assert "제3자 제공 동의" in bar.reason.text() and bar.reason.text() == bar.button.toolTip()
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    referral = dialog.kinds.item(0)
    assert not referral.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "제3자 제공 동의" in referral.toolTip()
    assert dialog.referral_reason.isVisibleTo(dialog) and "동의" in dialog.referral_reason.text()
    assert not dialog.referral_box.isEnabled() and not dialog.draft_button.isEnabled()
    assert dialog.checked_kinds() == [DocumentKind.MEDICATION_LIST]
    assert dialog.current is not None and dialog.current.doc.kind is DocumentKind.MEDICATION_LIST


def test_withdrawn_consent_blocks_the_referral_in_the_overview(qtbot, workspace):
    visit = make_visit(workspace)
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.select(visit.resident_id)
    assert view.panel.documents.reason.text() == ""
    record = consent.consents_for(workspace, visit.resident_id)[0]
    consent.withdraw_consent(workspace, record.id, record.decided_on)
    view.panel.show_resident(visit.resident_id)
    assert "철회" in view.panel.documents.reason.text()


def test_the_preview_follows_the_pharmacists_choices(qtbot, workspace):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    assert dialog.current.doc.kind is DocumentKind.REFERRAL
    assert dialog.pdf.pageCount() == dialog.current.data.count(b"/Type /Page\n") >= 2
    assert dialog.current.doc.reference in dialog.preview_status.text()
    services = [dialog.services.item(i).text() for i in range(dialog.services.count())]
    assert "에너지 지원" in services and "복약 지원" in services  # suggested by the flags
    dialog.include_phone.setChecked(True)
    dialog.services.item(services.index("에너지 지원")).setCheckState(Qt.CheckState.Unchecked)
    dialog.own_service.setText("보일러 수리 업체 연결")
    dialog._add_own()
    dialog.opinion.setPlainText("난방 지원이 가장 급합니다.")
    wait_for_preview(
        qtbot,
        dialog,
        lambda doc: doc.content.pharmacist_opinion == "난방 지원이 가장 급합니다.",
    )
    content = dialog.current.doc.content
    assert content.resident.phone == "010-0000-5678" and content.resident.district is None
    assert "에너지 지원" not in content.services_requested
    assert "보일러 수리 업체 연결" in content.services_requested
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    wait_for_preview(qtbot, dialog, lambda doc: doc.request.lang == "en")
    dialog.kinds.setCurrentRow(2)
    wait_for_preview(qtbot, dialog, lambda doc: doc.kind is DocumentKind.SUMMARY)


def test_save_writes_one_file_named_by_code_and_logs_it(qtbot, workspace, out_dir, monkeypatch):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    suggested: list[Path] = []

    def choose(cls, parent, path):
        suggested.append(path)
        return out_dir / path.name

    monkeypatch.setattr(ExportDialog, "choose_file", classmethod(choose))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.saved), timeout=15_000)
    assert suggested[0].name == dialog.current.doc.file_name  # no name of the resident
    assert "홍길순" not in suggested[0].name
    assert dialog.saved == [out_dir / dialog.current.doc.file_name]
    assert "홍길순" in "".join(p.extract_text() for p in PdfReader(dialog.saved[0]).pages)
    assert [e.detail.split()[0] for e in logged(workspace, "export")] == ["referral"]
    assert [e.reason for e in logged(workspace, "export")] == ["resident"]
    with workspace.db.session() as s:
        referral = s.exec(select(Referral)).one()
    assert referral.reference == dialog.current.doc.reference and referral.state == "draft"


def test_several_documents_go_into_a_folder(qtbot, workspace, out_dir, monkeypatch):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    for row in (1, 2):
        dialog.kinds.item(row).setCheckState(Qt.CheckState.Checked)
    monkeypatch.setattr(ExportDialog, "choose_folder", classmethod(lambda cls, p, s: out_dir))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(dialog.saved) == 3, timeout=15_000)
    names = sorted(p.name for p in out_dir.iterdir())
    assert [n.split("-CD-")[0] for n in names] == [
        "consultation-summary",
        "medication-list",
        "referral",
    ]
    assert len(logged(workspace, "export")) == 3
    assert {e.reason for e in logged(workspace, "export")} == {"resident"}  # asked once


def test_print_goes_to_the_printer_and_is_logged(qtbot, workspace, out_dir, monkeypatch):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    target = out_dir / "printed.pdf"

    def to_file(cls, printer: QPrinter, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(ExportDialog, "ask_print", classmethod(to_file))
    dialog.print_button.click()
    assert len(PdfReader(target).pages) == dialog.pdf.pageCount()
    assert [e.detail.split()[0] for e in logged(workspace, "print")] == ["referral"]
    assert "인쇄" in dialog.preview_status.text()


def test_a_cancelled_print_or_save_writes_and_logs_nothing(qtbot, workspace, monkeypatch):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    monkeypatch.setattr(ExportDialog, "ask_print", classmethod(lambda cls, p, w: False))
    monkeypatch.setattr(ExportDialog, "choose_file", classmethod(lambda cls, p, s: None))
    dialog.print_button.click()
    dialog.save_button.click()
    assert logged(workspace, "print") == [] and logged(workspace, "export") == []


def test_the_referral_can_be_kept_as_a_draft_and_reopens_with_its_choices(qtbot, workspace):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    dialog.include_district.setChecked(True)
    dialog.opinion.setPlainText("다음 주에 다시 연락드리겠습니다.")
    dialog.draft_button.click()
    assert "임시" in dialog.preview_status.text() or "초안" in dialog.preview_status.text()
    draft = referrals.referral_for_sheet(workspace, visit.consultation_id)
    assert draft is not None and draft.options.include_district
    again = open_dialog(qtbot, workspace, visit.resident_id)
    assert again.include_district.isChecked()
    assert again.opinion.toPlainText() == "다음 주에 다시 연락드리겠습니다."
    assert again.current.doc.reference == draft.reference


def test_consent_withdrawn_while_the_dialog_is_open_shows_why_saving_failed(
    qtbot, workspace, out_dir, monkeypatch
):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    record = consent.consents_for(workspace, visit.resident_id)[0]
    consent.withdraw_consent(workspace, record.id, record.decided_on)
    monkeypatch.setattr(
        ExportDialog, "choose_file", classmethod(lambda cls, p, s: out_dir / "x.pdf")
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=15_000)
    assert "철회" in dialog.error.text() and not (out_dir / "x.pdf").exists()


def test_many_sheets_at_once_with_a_progress_bar(qtbot, workspace, out_dir):
    a = make_visit(workspace)
    b = make_visit(workspace, name="김민수")
    c = make_visit(workspace, share=None, name="이영희")
    items = [
        (label, DocumentRequest(DocumentKind.REFERRAL, v.resident_id))
        for label, v in (("가", a), ("나", b), ("다 (동의 없음)", c))
    ]
    dialog = BatchExportDialog(workspace, items, out_dir)
    qtbot.addWidget(dialog)
    assert dialog.bar.maximum() == 3 and dialog.bar.value() == 0
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.bar.value() == 3, timeout=5_000)
    assert len(list(out_dir.iterdir())) == 2 and dialog.close_button.isEnabled()
    assert "다 (동의 없음)" in dialog.details.text() and "동의" in dialog.details.text()
    assert "2" in dialog.status.text()


def test_every_reason_a_referral_is_blocked_has_a_message():
    assert set(referrals.BLOCK_MESSAGES) <= known_codes()


def test_with_a_team_there_is_no_copy_to_the_team_folder(
    qtbot, workspace, out_dir, tmp_path, monkeypatch
):
    """Issue 12: nothing readable about a resident goes on the share; a teammate prints the
    sheet by its reference code from the synced data (services.shared_referrals)."""
    from consultdesk.services import sync
    from tests.services.sync_laptops import CHEAP_KDF

    visit = make_visit(workspace)
    share = tmp_path / "share"
    share.mkdir()
    sync.create_team(workspace, share, "방문팀", "team passphrase 1", kdf=CHEAP_KDF)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    assert not hasattr(dialog, "copy_to_team")
    monkeypatch.setattr(
        ExportDialog, "choose_file", classmethod(lambda cls, p, path: out_dir / path.name)
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.saved), timeout=15_000)
    assert dialog.saved[0].exists()
    assert not any(share.rglob("*.pdf"))


# --- the services requested: what the pharmacist ticked, nothing else ---------------------------


def shown_dialog(qtbot, ws, resident_id) -> ExportDialog:
    dialog = open_dialog(qtbot, ws, resident_id)
    dialog.show()  # list items take clicks only where they are laid out
    qtbot.waitExposed(dialog)
    return dialog


def service_rows(dialog: ExportDialog) -> dict[str, bool]:
    """Each service the list offers, by name, and whether it is ticked."""
    return {
        dialog.services.item(i).text(): dialog.services.item(i).checkState()
        == Qt.CheckState.Checked
        for i in range(dialog.services.count())
    }


def ticked(dialog: ExportDialog) -> set[str]:
    return {name for name, on in service_rows(dialog).items() if on}


def click_service(qtbot, dialog: ExportDialog, name: str) -> None:
    """Tick or untick a service on its check box, as a person does."""
    item = dialog.services.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    dialog.services.scrollToItem(item)
    rect = dialog.services.visualItemRect(item)
    before = item.checkState()
    qtbot.mouseClick(
        dialog.services.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    assert item.checkState() != before, name


MEAL = "식사 지원(도시락·밑반찬)"


def test_a_new_sheet_ticks_exactly_the_services_ticked_for_observations(qtbot, workspace):
    visit = make_visit(workspace)  # one observation, with meal support ticked
    dialog = shown_dialog(qtbot, workspace, visit.resident_id)
    rows = service_rows(dialog)
    assert ticked(dialog) == {MEAL}
    # The flags' other suggestions are there to tick, but not ticked for the pharmacist.
    assert rows["에너지 지원"] is False and rows["복약 지원"] is False
    assert dialog.current.doc.content.services_requested == (MEAL,)


def test_ticks_made_in_the_dialog_are_kept_and_reopen_from_the_database(
    qtbot, workspace, out_dir, monkeypatch
):
    visit = make_visit(workspace)
    dialog = shown_dialog(qtbot, workspace, visit.resident_id)
    click_service(qtbot, dialog, MEAL)  # untick
    click_service(qtbot, dialog, "에너지 지원")  # tick
    click_service(qtbot, dialog, "복약 지원")  # tick
    assert ticked(dialog) == {"에너지 지원", "복약 지원"}
    wait_for_preview(
        qtbot, dialog, lambda doc: set(doc.content.services_requested) == ticked(dialog)
    )
    monkeypatch.setattr(
        ExportDialog, "choose_file", classmethod(lambda cls, p, path: out_dir / path.name)
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.saved), timeout=15_000)
    text = "".join(p.extract_text() for p in PdfReader(dialog.saved[0]).pages)
    assert "에너지 지원" in text and "복약 지원" in text and MEAL not in text
    dialog.close()
    with workspace.db.session() as s:
        stored = s.exec(select(Referral)).one()
    assert json.loads(stored.services) == ["energy_support", "medication_support"]
    again = shown_dialog(qtbot, workspace, visit.resident_id)
    assert ticked(again) == {"에너지 지원", "복약 지원"}
    assert service_rows(again)[MEAL] is False  # still offered, still unticked
    # Changed again and kept as a draft: the next opening shows the new ticks.
    click_service(qtbot, again, "복약 지원")
    again.draft_button.click()
    third = shown_dialog(qtbot, workspace, visit.resident_id)
    assert ticked(third) == {"에너지 지원"}


def test_another_residents_session_starts_with_nothing_ticked(qtbot, workspace):
    first = make_visit(workspace)
    dialog = shown_dialog(qtbot, workspace, first.resident_id)
    click_service(qtbot, dialog, "에너지 지원")
    dialog.include_phone.setChecked(True)
    dialog.opinion.setPlainText("첫 번째 분의 의견")
    dialog.draft_button.click()
    dialog.close()
    # The next resident observed something but ticked no service for it.
    second = make_visit(workspace, name="김민수")
    data = load_consultation(workspace, second.consultation_id)
    assert data is not None
    save_consultation(
        workspace, replace(data, observed=(ObservedRisk("현관 조명이 나감", "low", ()),))
    )
    other = shown_dialog(qtbot, workspace, second.resident_id)
    assert ticked(other) == set() and service_rows(other)  # offered, none ticked
    assert not other.include_phone.isChecked() and other.opinion.toPlainText() == ""
    assert other.current.doc.content.services_requested == ()


def test_switching_sessions_never_carries_ticks_over(qtbot, workspace):
    visit = make_visit(workspace)
    later = add_consultation(workspace, visit.resident_id)
    data = load_consultation(workspace, later)
    assert data is not None
    save_consultation(workspace, replace(data, observed=()))
    dialog = shown_dialog(qtbot, workspace, visit.resident_id)
    older = dialog.session.findData(visit.consultation_id)
    dialog.session.setCurrentIndex(older)
    qtbot.waitUntil(lambda: ticked(dialog) == {MEAL})
    click_service(qtbot, dialog, "에너지 지원")
    dialog.include_district.setChecked(True)
    dialog.opinion.setPlainText("이 회차의 의견")
    dialog.draft_button.click()
    dialog.session.setCurrentIndex(dialog.session.findData(later))
    assert ticked(dialog) == set()
    assert not dialog.include_district.isChecked() and dialog.opinion.toPlainText() == ""
    dialog.session.setCurrentIndex(older)  # and back: the draft's own choices
    assert ticked(dialog) == {MEAL, "에너지 지원"} and dialog.include_district.isChecked()


def test_the_dialog_opens_no_taller_than_its_screen_leaves(qtbot, workspace):
    """It asks for 1150×780; on a 768-pixel laptop screen its buttons would fall off the bottom."""
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= room.height() - 32 and dialog.width() <= room.width()
    assert dialog.save_button.isVisibleTo(dialog)


def test_a_download_asks_why_and_the_access_log_shows_the_reason(
    qtbot, workspace, out_dir, monkeypatch, own_reason
):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    monkeypatch.setattr(
        ExportDialog, "choose_file", classmethod(lambda cls, p, path: out_dir / path.name)
    )
    with answering_reason(DownloadReason.PRESCRIBER, "동네내과 원장님께 팩스") as seen:
        dialog.save_button.click()
        qtbot.waitUntil(lambda: bool(dialog.saved), timeout=15_000)
    assert seen == ["다운로드 사유"]
    [event] = logged(workspace, "export")
    assert event.reason == "prescriber: 동네내과 원장님께 팩스"
    assert access_log.verify_log(workspace).ok  # the reason is part of the chained row
    log = AccessLogDialog(workspace)
    qtbot.addWidget(log)
    qtbot.waitUntil(lambda: log.table.rowCount() > 0, timeout=15_000)
    reasons = [log.table.item(r, log.REASON_COLUMN).text() for r in range(log.table.rowCount())]
    assert "처방의 전달 — 동네내과 원장님께 팩스" in reasons
    # The log as CSV from its screen: a download too, so its reason is asked and kept.
    csv_file = out_dir / "log.csv"
    monkeypatch.setattr(AccessLogDialog, "choose_csv", classmethod(lambda cls, p, s: csv_file))
    with answering_reason(DownloadReason.OTHER, "월간 점검 보관") as seen:
        log.csv_button.click()
        qtbot.waitUntil(lambda: log.csv_button.isEnabled() and csv_file.exists(), timeout=15_000)
    assert seen == ["다운로드 사유"]
    text = csv_file.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].endswith(",reason,detail")
    assert "처방의 전달 — 동네내과 원장님께 팩스" in text
    [download] = [r for r in access_log.list_rows(workspace) if r.action == "download"]
    assert download.entity == "access_log" and download.reason == "other: 월간 점검 보관"
    assert "저장했습니다" in log.status.text()


def test_a_cancelled_reason_writes_and_logs_nothing(
    qtbot, workspace, out_dir, monkeypatch, own_reason
):
    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    asked: list[Path] = []
    monkeypatch.setattr(
        ExportDialog, "choose_file", classmethod(lambda cls, p, path: asked.append(path))
    )
    with answering_reason(cancel=True) as seen:
        dialog.save_button.click()
    assert seen and asked == [] and logged(workspace, "export") == []
    assert not open_reason_dialogs()


def test_other_needs_words_and_a_referral_suggests_the_welfare_centre(qtbot):
    dialog = DownloadReasonDialog("의뢰서", None, DownloadReason.WELFARE_REFERRAL)
    qtbot.addWidget(dialog)
    assert dialog.choices[DownloadReason.WELFARE_REFERRAL].isChecked()
    assert [b.text() for b in dialog.choices.values()] == [
        "복지관 연계",
        "본인 제공",
        "처방의 전달",
        "기타",
    ]
    dialog.choices[DownloadReason.OTHER].click()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.problems.label.text() == "이유를 적어 주세요."
    dialog.note.setText("  보호자   요청 ")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.value == "other: 보호자 요청"


def test_the_services_heading_says_to_tick_what_to_ask_for(qtbot, workspace):
    """The list holds the flags' suggestions unticked: its heading once said to untick what to
    leave out (빼려면 선택을 해제하세요), which reads as if every line were asked for."""
    from PySide6.QtWidgets import QLabel

    visit = make_visit(workspace)
    dialog = open_dialog(qtbot, workspace, visit.resident_id)
    unticked = [
        dialog.services.item(i)
        for i in range(dialog.services.count())
        if dialog.services.item(i).checkState() == Qt.CheckState.Unchecked
    ]
    assert unticked  # suggestions the pharmacist has not chosen
    headings = [label.text() for label in dialog.findChildren(QLabel)]
    assert "요청하는 서비스 (필요한 것에 표시하세요)" in headings
    assert not any("해제" in text for text in headings)
