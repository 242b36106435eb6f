"""The main window: navigation on the left, one area at a time on the right."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from consultdesk import process
from consultdesk.domain.catalog import CatalogMatch
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import consultations as consultation_service
from consultdesk.services import flags as flag_service
from consultdesk.services.changes import LOCAL, ChangeSet
from consultdesk.services.residents import count_residents
from consultdesk.services.workspace import Workspace
from consultdesk.ui import errors, residents_view, style, window_state
from consultdesk.ui.access_log_dialog import install_access_log
from consultdesk.ui.catalog_completer import CatalogCompleter, preload_catalog
from consultdesk.ui.centres_view import CentresView
from consultdesk.ui.consent_first import ConsentFirst
from consultdesk.ui.consultation_editor import ConsultationEditor, RecoverPrompt
from consultdesk.ui.dur_import_dialog import DurImportDialog
from consultdesk.ui.first_paint import OnFirstPaint
from consultdesk.ui.follow_up_view import FollowUpView
from consultdesk.ui.forms import fitting_size
from consultdesk.ui.help_dialogs import AboutDialog, GuideDialog, show_in_system
from consultdesk.ui.live import ChangeBridge, follow, keeping_selection
from consultdesk.ui.lock_screen import install_lock
from consultdesk.ui.measures_view import MeasuresView
from consultdesk.ui.medication_tables import CompleterFactory
from consultdesk.ui.messages import problem_text
from consultdesk.ui.product_import_dialog import ProductImportDialog
from consultdesk.ui.referrals_view import ReferralsView
from consultdesk.ui.residents_view import ResidentsView
from consultdesk.ui.settings_dialog import SettingsDialog, install_data_safety_menu
from consultdesk.ui.sync_status import SyncStatusBar
from consultdesk.ui.sync_view import SyncView
from consultdesk.ui.tasks import run_task

log = logging.getLogger(__name__)

# The start-up sync and the warm-up begin this long after the window opens if it has not been
# painted by then (it opened minimised).
AFTER_PAINT_LATEST_MS = 1000


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.setWindowTitle(self.tr("ConsultDesk — medication consultation desk"))
        self.residents = ResidentsView(ws, load=False)  # searched when shown (_show_area)
        self.centres = CentresView(ws, load=False)  # read when first shown (_show_area)
        self.follow_ups = FollowUpView(ws)
        self.follow_ups.resident_requested.connect(self.show_resident)
        self.editor = ConsultationEditor(ws, attach_completer=self._completer_factory())
        self.editor.closed.connect(self._editor_closed)
        editor = weakref.ref(self.editor)  # the hook must not keep a closed window alive
        errors.has_unsaved_work = lambda: (e := editor()) is not None and e.save_state() != "saved"
        self.editor.changed.connect(self._editor_changed)
        timeline = self.residents.panel.timeline
        timeline.open_requested.connect(self.open_consultation)
        timeline.new_requested.connect(self.new_consultation)
        timeline.draft_deleted.connect(self.editor.drop_deleted)
        self.sync_area = SyncView(ws, load=False)  # team sync; read once painted or shown
        self.referrals = ReferralsView(ws, load=False)  # referral tracking, read when shown
        self.measures = MeasuresView(ws)  # shared measures
        self.measures.resident_requested.connect(self.show_resident)
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        style.roomy_list(self.nav, "8px", points=11)
        self._areas: list[tuple[str, object, Callable[[], None]]] = [
            (self.tr("Residents"), self.residents, self.residents.refresh),
            (self.tr("Follow-up visits"), self.follow_ups, self.follow_ups.refresh),
            (self.tr("Referrals"), self.referrals, self.referrals.refresh),
            (self.tr("Shared measures"), self.measures, self.measures.refresh),
            (self.tr("Welfare centres"), self.centres, self.centres.refresh),
            (self.tr("Sync"), self.sync_area, self.sync_area.refresh),
        ]
        for title, widget, _ in self._areas:
            self.nav.addItem(title)
            self.stack.addWidget(widget)  # type: ignore[arg-type]
        # The open consultation is the last area; its nav entry exists only while it is open.
        self.stack.addWidget(self.editor)
        self._editor_item: QListWidgetItem | None = None
        self.nav.currentRowChanged.connect(self._show_area)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        # idle lock and Ctrl+L (ui/lock_screen.py); the open draft is saved first
        self.app_lock = install_lock(self, ws, self.editor.save_now)
        # File > Back up now, Restore from a backup…, Change passphrase… (ui/settings_dialog.py)
        install_data_safety_menu(self, ws, self.app_lock, self.editor.close_consultation)
        self.access_log_action = install_access_log(self, ws)  # Tools > Access log
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        # team sync — status bar, "sync now", a quiet sync once the window is up
        self.sync_bar = SyncStatusBar(self.sync_area.controller)
        self.sync_bar.conflicts_requested.connect(self.show_sync_area)
        between = QFrame()  # who is working here | the team's sync: two things, not one line
        between.setFrameShape(QFrame.Shape.VLine)
        between.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(between)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self._follow_changes()
        # What the first sight of the window does not need starts once it is painted.
        OnFirstPaint(self, self._after_first_paint, latest_ms=AFTER_PAINT_LATEST_MS)
        self.nav.setCurrentRow(0)
        self.update_status()
        if not window_state.restore(self, ws.data_dir, self._dividers()):
            self.resize(*fitting_size(self, 1280, 800))
        # Each dialog at the size it was last closed at (ui/window_state.py).
        self.dialog_sizes = window_state.install_dialog_sizes(self, ws.data_dir)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        profile = file_menu.addAction(self.tr("Pharmacist &profile…"))
        profile.triggered.connect(
            lambda: SettingsDialog.edit_profile(self.ws, self, then=self.update_status)
        )
        self.sync_action = file_menu.addAction(self.tr("Sync &now"))
        self.sync_action.triggered.connect(lambda: self.sync_area.controller.sync_now())
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # Ctrl+Q where the platform has no quit key of its own (Windows, and Qt's generic theme).
        quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))  # DUR file import
        self.dur_import_action = tools_menu.addAction(self.tr("Import &DUR files…"))
        self.dur_import_action.triggered.connect(lambda: DurImportDialog.run(self.ws, self))
        # product list import (the medicine search then also finds product names)
        self.product_import_action = tools_menu.addAction(self.tr("Import &product list…"))
        self.product_import_action.triggered.connect(lambda: ProductImportDialog.run(self.ws, self))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("User &guide"))
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(lambda: GuideDialog(self).open())
        data_folder = help_menu.addAction(self.tr("Open the &data folder"))
        data_folder.triggered.connect(lambda: self._show_in_system(self.ws.data_dir))
        log_file = help_menu.addAction(self.tr("Open the &log"))
        log_file.triggered.connect(
            lambda: self._show_in_system(self.ws.data_dir / "logs" / "consultdesk.log")
        )
        help_menu.addSeparator()
        about = QAction(self.tr("&About ConsultDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        search = QAction(self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        search.triggered.connect(self.focus_search)
        self.addAction(search)

    def _follow_changes(self) -> None:
        """Open screens refresh what they show when a commit (a sync import, an edit in
        another screen) changes it: at once if shown, else when shown next."""
        self.changes = ChangeBridge(self.ws, self)
        self.changes.changed.connect(self._changed)
        follow(self.changes, self.residents, residents_view.SHOWN, self.residents.show_changes)
        follow(self.changes, self.editor, self.editor.SHOWN, self.editor.show_changes)
        follow(
            self.changes,
            self.follow_ups,
            ("consultation", "resident"),
            lambda _changes: keeping_selection(
                self.follow_ups.table,
                lambda row: self.follow_ups.model.rows[row].resident_id,
                self.follow_ups.refresh,
            ),
        )
        follow(
            self.changes,
            self.referrals,
            ("referral", "resident", "welfare_centre", "case_worker"),
            lambda _changes: self.referrals.refresh(),
        )
        follow(
            self.changes,
            self.sync_area.conflicts,
            ("sync_conflict", "resident"),
            lambda _changes: self.sync_area.conflicts.refresh(),
        )

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches("resident"):
            self.update_status()
        if changes.origin == LOCAL:  # one more change waiting to be sent
            self.sync_area.controller.refresh_status()

    def show_sync_area(self) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(self.sync_area))

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self._areas):
            self.stack.setCurrentIndex(row)
            self._areas[row][2]()
        elif self._editor_item is not None and row == self.nav.row(self._editor_item):
            self.stack.setCurrentWidget(self.editor)

    def _after_first_paint(self) -> None:
        process.release_collector()  # the start is over (consultdesk/process.py)
        if self.app_lock.locked:  # locked before it came to this (Ctrl+L at once): once unlocked
            self.app_lock.unlocked.connect(
                self._after_first_paint, Qt.ConnectionType.SingleShotConnection
            )
            return
        controller = self.sync_area.controller
        controller.refresh_status()  # the status bar's counts, in the background
        controller.start_up()
        self._warm_up()

    def _warm_up(self) -> None:
        """Read the rule files (and re-parse imported DUR files, seconds for a big one) and build
        the medicines catalog in the background, so the first consultation opens at once."""
        ws = self.ws
        run_task(
            lambda: flag_service.load_flag_context(ws),
            lambda _context: None,
            lambda error: log.warning("flag rules not preloaded: %s", error),
        )
        preload_catalog(ws)

    # --- consultations --------------------------------------------------------------------------

    def _completer_factory(self) -> CompleterFactory:
        ws = self.ws

        def attach(editor: QLineEdit, chosen: Callable[[CatalogMatch], None]) -> QObject:
            completer = CatalogCompleter(ws, editor, mark_unmatched=False)
            completer.chosen.connect(chosen)
            return completer

        return attach

    def open_consultation(self, consultation_id: str) -> bool:
        if not self.editor.open(consultation_id):
            return False
        if self._editor_item is None:
            self._editor_item = QListWidgetItem()
            self.nav.addItem(self._editor_item)
        self._editor_item.setText(self.editor.title.text())
        self.nav.setCurrentItem(self._editor_item)
        self.stack.setCurrentWidget(self.editor)
        return True

    def new_consultation(self, resident_id: str) -> bool:
        """Resume the resident's draft, or start a new consultation once consent to health
        information is recorded (PIPA art. 23). False when nothing was opened."""
        draft = consultation_service.unfinished_consultation(self.ws, resident_id)
        if draft is None:
            if not ConsentFirst(self.ws, resident_id, self).settle():
                return False
            try:
                draft = consultation_service.start_consultation(self.ws, resident_id)
            except ValidationFailed as failed:
                QMessageBox.warning(
                    self, self.tr("New consultation"), problem_text(failed.problems[0])
                )
                return False
        return self.open_consultation(draft)

    def _editor_changed(self) -> None:
        if self._editor_item is not None:
            self._editor_item.setText(self.editor.title.text())

    def _editor_closed(self, resident_id: str) -> None:
        if self._editor_item is not None:
            item, self._editor_item = self._editor_item, None
            # The residents first: taking the current entry away would make the one above it
            # (the sync area) current for a moment, which reads, and logs as viewed, the
            # team's conflicts.
            self.nav.setCurrentRow(0)
            self.nav.takeItem(self.nav.row(item))
        self.show_resident(resident_id)

    def show_resident(self, resident_id: str) -> None:
        self.nav.setCurrentRow(0)
        self.residents.reveal(resident_id)

    def offer_recovery(self) -> None:
        """After a crash: offer back the consultation that was open (called once the window
        shows)."""
        offer = consultation_service.draft_to_recover(self.ws)
        if offer is None:
            return
        if RecoverPrompt.ask(offer, self):
            self.open_consultation(offer.consultation_id)
        else:
            consultation_service.mark_editing(self.ws, None)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(0)
        self.residents.focus_search()

    def update_status(self) -> None:
        self.who.setText(
            self.tr("{name} · %Ln resident(s)", "", count_residents(self.ws)).format(
                name=self.ws.profile.pharmacist_name
            )
        )

    def open_settings(self) -> None:
        language = SettingsDialog.ask(self.ws.data_dir, self, self.ws, self.app_lock)
        if language is not None:
            self.language_changed.emit(language)

    def about(self) -> None:
        AboutDialog(self).open()

    def _show_in_system(self, path: Path) -> None:
        if not show_in_system(path):
            QMessageBox.information(
                self,
                self.tr("ConsultDesk"),
                self.tr("Nothing could open {path}. It is on this computer at that place.").format(
                    path=str(path)
                ),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.close_consultation():
            # The last edits could not be saved (e.g. a full disk): stay open, text on screen.
            event.ignore()
            return
        # (QSettings reports no failure: a settings file that cannot be written keeps nothing)
        window_state.save(self, self.ws.data_dir, self._dividers())
        event.accept()

    def _dividers(self) -> dict[str, QSplitter]:
        return {"residents": self.residents.splitter, "consultation": self.editor.splitter}
