"""Qt's own texts (message-box buttons, a text field's context menu, dialogs) follow the UI
language: Korean with qtbase_ko.qm from the PySide6 wheel, English without it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox

from consultdesk.ui import i18n


def button_texts(box: QMessageBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def menu_texts(field: QLineEdit) -> set[str]:
    menu = field.createStandardContextMenu()
    try:
        return {a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()}
    finally:
        menu.deleteLater()


def test_the_korean_ui_loads_qts_korean_catalogue_from_the_wheel(qtbot):
    assert i18n.qt_catalogue("ko").is_file()
    try:
        i18n.install("ko")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "",
            "",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        qtbot.addWidget(box)
        assert button_texts(box) == {"저장", "취소"}
        field = QLineEdit("글자")
        qtbot.addWidget(field)
        assert {"복사(&C)", "붙여넣기(&P)"} <= menu_texts(field)

        i18n.install("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "",
            "",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        qtbot.addWidget(box)
        assert button_texts(box) == {"Save", "Cancel"}
        assert {"&Copy", "&Paste"} <= menu_texts(field)
    finally:
        i18n.install("ko")
    # Switching back brings Qt's Korean back too (the earlier translators were replaced).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
