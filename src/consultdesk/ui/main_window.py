"""The main window: navigation on the left, one area at a time on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from consultdesk import __version__
from consultdesk.services.residents import count_residents
from consultdesk.services.workspace import Workspace
from consultdesk.ui.centres_view import CentresView
from consultdesk.ui.residents_view import ResidentsView
from consultdesk.ui.settings_dialog import SettingsDialog


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.setWindowTitle(self.tr("ConsultDesk — medication consultation desk"))
        self.residents = ResidentsView(ws)
        self.centres = CentresView(ws)
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
        )
        self._areas: list[tuple[str, object, Callable[[], None]]] = [
            (self.tr("Residents"), self.residents, self.residents.refresh),
            (self.tr("Welfare centres"), self.centres, self.centres.refresh),
        ]
        for title, widget, _ in self._areas:
            self.nav.addItem(title)
            self.stack.addWidget(widget)  # type: ignore[arg-type]
        self.nav.currentRowChanged.connect(self._show_area)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        self.nav.setCurrentRow(0)
        self.update_status()
        self.resize(1200, 760)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ConsultDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        search = QAction(self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        search.triggered.connect(self.focus_search)
        self.addAction(search)

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self._areas):
            self.stack.setCurrentIndex(row)
            self._areas[row][2]()

    def focus_search(self) -> None:
        self.nav.setCurrentRow(0)
        self.residents.focus_search()

    def update_status(self) -> None:
        self.who.setText(
            self.tr("{name} · {count} residents").format(
                name=self.ws.profile.pharmacist_name, count=count_residents(self.ws)
            )
        )

    def open_settings(self) -> None:
        language = SettingsDialog.ask(self.ws.data_dir, self)
        if language is not None:
            self.language_changed.emit(language)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ConsultDesk"),
            self.tr(
                "ConsultDesk {version}\nMedication consultations for visiting pharmacists.\n"
                "Residents' data stays encrypted on this computer.\n"
                "Korean font: Nanum Gothic (SIL Open Font License 1.1)."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
