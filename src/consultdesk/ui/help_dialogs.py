"""The Help menu: the user guide (offline), the data folder and the log, and About with the
licence and every third-party notice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk import __version__
from consultdesk.paths import licence_file, resource_path
from consultdesk.ui.i18n import current_language


def guide_path(lang: str) -> Path:
    guide = resource_path(f"guide/guide_{lang}.md")
    return guide if guide.exists() else resource_path("guide/guide_en.md")


class GuideDialog(QDialog):
    """The user guide from the installation itself: no network, no browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        path = guide_path(current_language())
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 640)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ConsultDesk"))
        intro = QLabel(
            self.tr(
                "ConsultDesk {version}\nMedication consultations for visiting pharmacists.\n"
                "Residents' data stays encrypted on this computer.\n\n"
                "ConsultDesk is free software: you may use, study, change and share it under the "
                "GNU General Public License, version 3 or later. The rules, forms and catalogs "
                "it ships are data a programme may change (CC BY 4.0 unless a source says "
                "otherwise)."
            ).format(version=__version__)
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        for title, name in (
            (self.tr("Third-party notices"), "THIRD_PARTY_NOTICES"),
            (self.tr("Licence"), "LICENSE"),
        ):
            text = QPlainTextEdit()
            text.setReadOnly(True)
            path = licence_file(name)
            text.setPlainText(
                path.read_text(encoding="utf-8")
                if path is not None
                else self.tr("{name} is missing from this installation.").format(name=name)
            )
            self.tabs.addTab(text, title)
        about_qt = QPushButton(self.tr("About Qt"))
        about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(about_qt, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)


def show_in_system(path: Path) -> bool:
    """Open a folder in the file manager, or a file in its viewer (False if nothing could)."""
    return path.exists() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
