"""The DUR import dialog: a real file read off the GUI thread, its summary, or its error."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from consultdesk.domain.dur_import import DurKind
from consultdesk.services import flags, rule_imports
from consultdesk.ui.dur_import_dialog import DurImportDialog, ImportedSetsModel
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.messages import known_codes
from tests.services.test_flags import DUR_ROWS, write_dur

ROOT = Path(__file__).resolve().parents[2]

OLDER_ADULTS_CSV = (
    "DUR_SEQ,TYPE_NAME,MIX_TYPE,INGR_CODE,INGR_ENG_NAME,INGR_NAME,CLASS_NAME,"
    "NOTIFICATION_DATE,PROHBT_CONTENT,REMARK,DEL_YN\n"
    "7,노인주의,단일,D000027,Alprazolam,알프라졸람,[01120]최면진정제,20150101,"
    "낙상 위험,,N\n"
)


def open_dialog(qtbot, workspace) -> DurImportDialog:
    dialog = DurImportDialog(workspace)
    qtbot.addWidget(dialog)
    return dialog


def import_through_the_dialog(qtbot, dialog, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(DurImportDialog, "choose_file", classmethod(lambda cls, p, t: path))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.choose_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_a_cp949_file_is_imported_with_progress_and_a_summary(
    qtbot, workspace, tmp_path, monkeypatch
):
    dialog = open_dialog(qtbot, workspace)
    assert dialog.model.rowCount() == 0
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        import_through_the_dialog(qtbot, dialog, monkeypatch, write_dur(tmp_path, DUR_ROWS))
    assert seen[-1] == 100 and seen == sorted(seen)
    text = dialog.outcome.text()
    assert "병용금기" in text and "규칙 1개" in text and "2개 행" in text and "CP949" in text
    assert "1개 행은 건너뛰었습니다" in text
    assert dialog.error.isHidden()
    assert dialog.model.rowCount() == 1
    index = dialog.model.index(0, ImportedSetsModel.VERSION)
    assert index.data() == "병용금기_2026-10_cp949.csv"
    assert dialog.model.index(0, ImportedSetsModel.KIND).data() == "병용금기"
    assert dialog.model.index(0, ImportedSetsModel.RULES).data() == "1"
    assert any(
        r.info.id == "dur.combination.101"
        for r in flags.load_flag_context(workspace).rules.interactions
    )


def test_a_broken_file_shows_the_line_and_reason_and_changes_nothing(
    qtbot, workspace, tmp_path, monkeypatch
):
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS))
    dialog = open_dialog(qtbot, workspace)
    broken = write_dur(tmp_path, [*DUR_ROWS, "105,병용금기,단일,D000333,Aspirin"], name="b.csv")
    with qtbot.assertNotEmitted(dialog.imported):
        import_through_the_dialog(qtbot, dialog, monkeypatch, broken)
    message = dialog.error.text()
    assert message.startswith("4번째 줄: 항목 수가 머리글과 다릅니다")
    assert "5 fields" in message
    assert dialog.progress.isHidden() and dialog.choose_button.isEnabled()
    assert [r.file_name for r in rule_imports.imported_rule_sets(workspace)] == [
        "병용금기_2026-10_cp949.csv"
    ]


def test_a_spreadsheet_saved_as_xlsx_is_explained(qtbot, workspace, tmp_path, monkeypatch):
    path = tmp_path / "노인주의.xlsx"
    path.write_bytes(b"PK\x03\x04 spreadsheet bytes")
    dialog = open_dialog(qtbot, workspace)
    import_through_the_dialog(qtbot, dialog, monkeypatch, path)
    assert "CSV로 저장" in dialog.error.text()


def test_the_list_type_can_be_chosen_and_a_set_removed(qtbot, workspace, tmp_path, monkeypatch):
    path = tmp_path / "older.csv"
    path.write_text(OLDER_ADULTS_CSV.replace("노인주의", ""), encoding="utf-8")
    dialog = open_dialog(qtbot, workspace)
    import_through_the_dialog(qtbot, dialog, monkeypatch, path)
    assert "목록 종류" in dialog.error.text()  # the rows do not say which list
    dialog.kind.setCurrentIndex(dialog.kind.findData(DurKind.OLDER_ADULTS.value))
    import_through_the_dialog(qtbot, dialog, monkeypatch, path)
    assert dialog.error.isHidden() and "노인주의" in dialog.outcome.text()
    dialog.table.selectRow(0)
    assert dialog.remove_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(
        DurImportDialog,
        "confirm_remove",
        classmethod(lambda cls, p, title, text: asked.append(text) or False),
    )
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1 and "older.csv" in asked[0]
    monkeypatch.setattr(
        DurImportDialog, "confirm_remove", classmethod(lambda cls, p, title, text: True)
    )
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert rule_imports.imported_rule_sets(workspace) == []


def test_the_imported_sets_model_passes_qt_model_checks(qtmodeltester, workspace, tmp_path):
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS))
    model = ImportedSetsModel()
    model.set_rows(rule_imports.imported_rule_sets(workspace))
    qtmodeltester.check(model)


def test_every_dur_error_has_a_translated_message():
    source = (ROOT / "src" / "consultdesk" / "domain" / "dur_import.py").read_text("utf-8")
    reasons = set(re.findall(r'DurImportError\(\s*[^,]+,\s*"([a-z_]+)"', source))
    assert len(reasons) >= 10, "the pattern found too little: check the test"
    assert {f"dur_{r}" for r in reasons} <= known_codes()


def test_the_main_window_offers_the_import(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.dur_import_action.text() == "DUR 파일 가져오기(&D)…"
    titles = [a.text() for a in window.menuBar().actions()]
    assert "도구(&T)" in titles


# --- rows that match no catalog ingredient (issue 11) -------------------------------------------


def published_file(tmp_path: Path, rows: list[str]) -> Path:
    from tests.domain.test_dur_import import PUBLISHED_COMBINATION_HEADER

    path = tmp_path / "병용금기_공개파일.csv"
    path.write_bytes(("\r\n".join([PUBLISHED_COMBINATION_HEADER, *rows]) + "\r\n").encode("cp949"))
    return path


def test_unmatched_rows_are_counted_and_saved_as_csv_off_the_gui_thread(
    qtbot, workspace, tmp_path, monkeypatch
):
    import csv

    from tests.domain.test_dur_import import PUBLISHED_ROWS

    dialog = open_dialog(qtbot, workspace)
    assert dialog.unmatched_button.isHidden()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        import_through_the_dialog(
            qtbot, dialog, monkeypatch, published_file(tmp_path, PUBLISHED_ROWS)
        )
    assert "의약품 목록에 없는 성분" in dialog.outcome.text() and "1개 행" in dialog.outcome.text()
    assert not dialog.unmatched_button.isHidden() and dialog.unmatched_button.isEnabled()
    target = tmp_path / "out" / "unmatched.csv"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(
        DurImportDialog,
        "choose_save_file",
        classmethod(lambda cls, p, title, suggested: asked.append(suggested) or target),
    )
    qtbot.mouseClick(dialog.unmatched_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saved.isHidden(), timeout=10_000)
    assert asked == ["병용금기_공개파일_unmatched.csv"]
    assert "unmatched.csv" in dialog.saved.text() and "1개 행" in dialog.saved.text()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["line", "DUR_SEQ", "INGR_ENG_NAME", "INGR_NAME"]
    assert rows[1:] == [
        [
            "5",
            "1501",
            "Unknownium Chloride",
            "운노우늄염화물",
            "Tizanidine Hydrochloride",
            "티자니딘염산염",
            "ingredient",
        ]
    ]


def test_no_button_when_every_row_matches_and_a_failed_save_says_why(
    qtbot, workspace, tmp_path, monkeypatch
):
    from tests.domain.test_dur_import import PUBLISHED_ROWS

    dialog = open_dialog(qtbot, workspace)
    matched = [r for r in PUBLISHED_ROWS if "Unknownium" not in r]
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        import_through_the_dialog(qtbot, dialog, monkeypatch, published_file(tmp_path, matched))
    assert dialog.unmatched_button.isHidden()
    assert "의약품 목록에 없는 성분" not in dialog.outcome.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        import_through_the_dialog(
            qtbot, dialog, monkeypatch, published_file(tmp_path, PUBLISHED_ROWS)
        )
    missing = tmp_path / "no such folder" / "x.csv"  # a real OSError from the real file system
    monkeypatch.setattr(
        DurImportDialog, "choose_save_file", classmethod(lambda cls, p, t, s: missing)
    )
    qtbot.mouseClick(dialog.unmatched_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saved.isHidden(), timeout=10_000)
    assert dialog.saved.text().startswith("목록을 저장하지 못했습니다")
    assert dialog.unmatched_button.isEnabled() and not missing.exists()


def test_both_imports_stay_open_until_their_work_is_done_and_report_a_change(
    qtbot, workspace, tmp_path, monkeypatch
):
    """The shared flow (ui/import_dialog.py): the window's close button does nothing while an
    import runs, and run() says whether the rules changed, for a removal too."""
    dialog = DurImportDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_import(write_dur(tmp_path, DUR_ROWS))
    dialog.close()
    assert dialog.isVisible() and dialog.busy
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    dialog.close()
    assert not dialog.isVisible()

    def remove_then_close(self) -> int:
        self.table.selectRow(0)
        self.remove_selected()
        return 0

    monkeypatch.setattr(
        DurImportDialog, "confirm_remove", classmethod(lambda cls, p, title, text: True)
    )
    monkeypatch.setattr(DurImportDialog, "exec", remove_then_close)
    assert DurImportDialog.run(workspace) is True
    assert rule_imports.imported_rule_sets(workspace) == []
    monkeypatch.setattr(DurImportDialog, "exec", lambda self: 0)
    assert DurImportDialog.run(workspace) is False
