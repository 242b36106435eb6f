"""Importing a product list from the Tools menu: progress, summary, refusal, removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.services import catalog as catalog_service
from consultdesk.ui.messages import known_codes
from consultdesk.ui.product_import_dialog import ProductImportDialog

GOOD = (
    "제품명,업체명,ATC코드,보험코드\n"
    "노바스크정5밀리그램,한국화이자제약,C08CA01,641100050\n"
    "엑스포지정5/160밀리그램,한국노바티스,C08CA01;C09CA03,645001230\n"
    "노바스크정5밀리그램,한국화이자제약,C08CA01,641100050\n"
    "판피린큐액,동아제약,,\n"
)
BROKEN = "제품명,ATC코드\n리피토정10밀리그램,C10AA05\n엑스포지정,C08CA01;C09CA3\n"


def _file(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp949"))
    return path


@pytest.fixture
def dialog(qtbot, workspace):
    widget = ProductImportDialog(workspace)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _import(qtbot, dialog: ProductImportDialog, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(ProductImportDialog, "choose_file", classmethod(lambda *_: path))
    dialog.choose_button.click()
    assert dialog.busy and not dialog.choose_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy)


def test_a_product_list_is_imported_with_progress_and_a_summary(
    qtbot, dialog, workspace, monkeypatch, tmp_path
):
    assert str(len(catalog_service.bundled_ingredients())) in dialog.count.text()
    assert not dialog.clear_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        _import(qtbot, dialog, monkeypatch, _file(tmp_path, GOOD, "hira.csv"))
    assert dialog.progress.value() == 100
    text = dialog.outcome.text()
    assert dialog.outcome.isVisible() and not dialog.error.isVisible()
    assert "hira.csv" in text and "제품 3개" in text and "4행" in text
    assert "합친 행: 1" in text and "복합제" in text
    assert "ATC 코드가 없는 제품: 1" in text
    assert "보험코드" in text
    assert "3" in dialog.count.text() and dialog.clear_button.isEnabled()
    labels = [m.label for m in catalog_service.medicines_catalog(workspace).search("ㄴㅂㅅㅋ")]
    assert labels == ["노바스크정5밀리그램"]


def test_a_broken_list_is_refused_with_its_line_and_nothing_changes(
    qtbot, dialog, workspace, monkeypatch, tmp_path
):
    _import(qtbot, dialog, monkeypatch, _file(tmp_path, GOOD, "hira.csv"))
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    _import(qtbot, dialog, monkeypatch, _file(tmp_path, BROKEN, "broken.csv"))
    assert changed == []
    assert dialog.error.isVisible() and not dialog.outcome.isVisible()
    assert not dialog.progress.isVisible()
    error = dialog.error.text()
    assert "가져오지 않았습니다" in error
    assert "3번째 줄" in error
    assert "엑스포지정,C08CA01;C09CA3" in error
    assert catalog_service.imported_product_count(workspace) == 3
    assert catalog_service.medicines_catalog(workspace).search("리피토") == []
    assert dialog.choose_button.isEnabled()


def test_a_file_that_cannot_be_opened_is_a_message(qtbot, dialog, monkeypatch, tmp_path):
    _import(qtbot, dialog, monkeypatch, tmp_path / "moved-away.csv")
    assert "열 수 없습니다" in dialog.error.text()


def test_choosing_no_file_does_nothing(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(ProductImportDialog, "choose_file", classmethod(lambda *_: None))
    dialog.choose_button.click()
    assert not dialog.busy and not dialog.progress.isVisible()


def test_the_dialog_stays_open_until_the_import_has_finished(qtbot, dialog, workspace, tmp_path):
    dialog.start_import(_file(tmp_path, GOOD, "hira.csv"))
    dialog.reject()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy)
    dialog.reject()
    assert not dialog.isVisible()


def test_imported_products_can_be_removed_after_a_confirmation(
    qtbot, dialog, workspace, monkeypatch, tmp_path
):
    _import(qtbot, dialog, monkeypatch, _file(tmp_path, GOOD, "hira.csv"))
    asked: list[str] = []

    def answer(reply: bool):
        return classmethod(lambda cls, parent, title, text: asked.append(text) or reply)

    monkeypatch.setattr(ProductImportDialog, "confirm_clear", answer(False))
    dialog.clear_button.click()
    assert catalog_service.imported_product_count(workspace) == 3
    assert "3" in asked[0]
    monkeypatch.setattr(ProductImportDialog, "confirm_clear", answer(True))
    with qtbot.waitSignal(dialog.changed):
        dialog.clear_button.click()
    assert catalog_service.imported_product_count(workspace) == 0
    assert not dialog.clear_button.isEnabled()
    assert catalog_service.medicines_catalog(workspace).search("노바스크") == []


def test_run_reports_whether_the_products_changed(qtbot, workspace, monkeypatch, tmp_path):
    path = _file(tmp_path, GOOD, "hira.csv")

    def import_then_close(self) -> int:
        self.start_import(path)
        qtbot.waitUntil(lambda: not self.busy)
        return 0

    monkeypatch.setattr(ProductImportDialog, "exec", import_then_close)
    assert ProductImportDialog.run(workspace) is True
    monkeypatch.setattr(ProductImportDialog, "exec", lambda self: 0)
    assert ProductImportDialog.run(workspace) is False


def test_every_refusal_has_a_translated_message():
    assert set(catalog_service.PROBLEM_CODES) <= known_codes()


def test_the_tools_menu_offers_the_product_import(qtbot, workspace, monkeypatch):
    from consultdesk.ui.main_window import MainWindow

    opened: list[object] = []
    monkeypatch.setattr(
        ProductImportDialog, "run", classmethod(lambda cls, ws, parent=None: opened.append(ws))
    )
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    action = window.product_import_action
    assert action.text() == "제품 목록 가져오기(&P)…"
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert any("도구" in title for title in menu_titles)
    action.trigger()
    assert opened == [workspace]
