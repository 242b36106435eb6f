"""The Help menu works offline: the guide with its pictures, the notices, About Qt."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from consultdesk.paths import resource_path
from consultdesk.ui.help_dialogs import AboutDialog, GuideDialog
from consultdesk.ui.main_window import MainWindow


def test_the_guide_opens_in_korean_with_every_picture(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "복약상담 데스크 사용 안내" in text and "저장되지 않음" in text
    document = dialog.browser.document()
    source = resource_path("guide/guide_ko.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source)
    assert len(images) >= 5
    for image in images:
        assert (resource_path("guide") / image).exists(), image
        loaded = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, image)
        assert loaded is not None and not loaded.isNull(), image
    assert document.isEmpty() is False


def test_both_guides_show_the_same_pictures():
    def pictures(lang: str) -> list[str]:
        text = resource_path(f"guide/guide_{lang}.md").read_text(encoding="utf-8")
        return [p.rsplit("_", 1)[0] for p in re.findall(r"\]\(images/([^)]+)\.png\)", text)]

    assert pictures("ko") == pictures("en")


def test_about_shows_the_licence_and_every_notice(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    notices = dialog.tabs.widget(0).toPlainText()
    assert "SQLCipher" in notices and "PySide6_Essentials" in notices and "OpenSSL" in notices
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.tabs.widget(1).toPlainText()
    intro = dialog.findChild(QLabel).text()
    assert "GNU" in intro and "3" in intro  # GPL-3.0-or-later, in the reader's language


def test_the_help_menu_offers_the_guide_the_folders_and_about(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "도움말(&H)")
    titles = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert titles == [
        "사용 안내(G)",
        "데이터 폴더 열기(D)",
        "로그 열기(L)",
        "복약상담 데스크 정보(A)",
    ]
