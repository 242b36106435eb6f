"""The access log screen: who (pharmacist and device), when, which resident, what, and the
reason given for a download, for the whole team (each laptop's rows come with its bundles);
filter by date and by laptop, check every laptop's chain, mark this month's inspection,
and save the rows as CSV (itself a download of personal data: its reason is asked).

Reading the log is itself logged (services.access_log.read_log). The same is on the command
line: ``consultdesk access-log`` and ``consultdesk verify``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.ids import short_device
from consultdesk.services import access_log
from consultdesk.services.workspace import Workspace
from consultdesk.ui.conflicts_view import entity_label
from consultdesk.ui.download_reason import DownloadReasonDialog, reason_display
from consultdesk.ui.messages import error_text
from consultdesk.ui.tasks import run_task
from consultdesk.ui.times import SECOND, local_text

# The actions as the standard names them (조회/입력/변경/삭제/출력/다운로드), and the other
# things the app logs; marked here, translated when shown. A code this version does not know (a
# newer laptop's) is shown as it is.
_ACTIONS: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text
    "view": QT_TRANSLATE_NOOP("AccessLog", "view"),
    "create": QT_TRANSLATE_NOOP("AccessLog", "create"),
    "update": QT_TRANSLATE_NOOP("AccessLog", "change"),
    "change": QT_TRANSLATE_NOOP("AccessLog", "change"),
    "delete": QT_TRANSLATE_NOOP("AccessLog", "delete"),
    "print": QT_TRANSLATE_NOOP("AccessLog", "print"),
    "export": QT_TRANSLATE_NOOP("AccessLog", "export"),
    "download": QT_TRANSLATE_NOOP("AccessLog", "download"),
    "failed_unlock": QT_TRANSLATE_NOOP("AccessLog", "failed unlock"),
    "amend": QT_TRANSLATE_NOOP("AccessLog", "amend"),
    "backup": QT_TRANSLATE_NOOP("AccessLog", "back up"),
    "consent": QT_TRANSLATE_NOOP("AccessLog", "record consent"),
    "consent_withdrawn": QT_TRANSLATE_NOOP("AccessLog", "withdraw consent"),
    "draft": QT_TRANSLATE_NOOP("AccessLog", "draft"),
    "finalise": QT_TRANSLATE_NOOP("AccessLog", "finish"),
    "import": QT_TRANSLATE_NOOP("AccessLog", "import"),
    "decide_flag": QT_TRANSLATE_NOOP("AccessLog", "decide on a risk flag"),
    "referral_sent": QT_TRANSLATE_NOOP("AccessLog", "mark referral sent"),
    "referral_reply": QT_TRANSLATE_NOOP("AccessLog", "record reply"),
    "referral_closed": QT_TRANSLATE_NOOP("AccessLog", "close referral"),
    "retire_device": QT_TRANSLATE_NOOP("AccessLog", "take a computer out of the team"),
    "resolve_conflict": QT_TRANSLATE_NOOP("AccessLog", "decide a sync conflict"),
    "change_passphrase": QT_TRANSLATE_NOOP("AccessLog", "change passphrase"),
    "log_checked": QT_TRANSLATE_NOOP("AccessLog", "mark month checked"),
}

# What was seen or changed: a screen, a kind of record, the database. The shared records' own
# names come from the sync screens' words (conflicts_view.entity_label).
_SUBJECTS: dict[str, object] = {
    "resident_search": QT_TRANSLATE_NOOP("AccessLog", "Residents list"),
    "resident_overview": QT_TRANSLATE_NOOP("AccessLog", "Resident overview"),
    "timeline": QT_TRANSLATE_NOOP("AccessLog", "Consultations of a resident"),
    "consents": QT_TRANSLATE_NOOP("AccessLog", "Consents of a resident"),
    "follow_ups": QT_TRANSLATE_NOOP("AccessLog", "Follow-up visits"),
    "conflicts": QT_TRANSLATE_NOOP("AccessLog", "Sync conflicts"),
    "access_log": QT_TRANSLATE_NOOP("AccessLog", "Access log"),
    "database": QT_TRANSLATE_NOOP("AccessLog", "Database"),
    "measures": QT_TRANSLATE_NOOP("AccessLog", "Shared measures"),
    "profile": QT_TRANSLATE_NOOP("AccessLog", "Pharmacist profile"),
    "document": QT_TRANSLATE_NOOP("AccessLog", "Document"),
    "document_referral": QT_TRANSLATE_NOOP("AccessLog", "Referral sheet"),
    "document_medlist": QT_TRANSLATE_NOOP("AccessLog", "Medication list"),
    "document_summary": QT_TRANSLATE_NOOP("AccessLog", "Consultation summary"),
    "imported_product": QT_TRANSLATE_NOOP("AccessLog", "Imported product list"),
    "imported_rule_set": QT_TRANSLATE_NOOP("AccessLog", "Imported DUR file"),
    "team_member": QT_TRANSLATE_NOOP("AccessLog", "Team computer"),
    "lock_screen": QT_TRANSLATE_NOOP("AccessLog", "Lock screen"),
}


# What a refresh shows: the rows, whether every chain is intact, the months checked, the laptops.
_Shown = tuple[list[access_log.LogRow], bool, list[str], list[access_log.LogDevice]]


def action_word(action: str) -> str:
    source = _ACTIONS.get(action)
    return QCoreApplication.translate("AccessLog", str(source)) if source else action


def subject_word(entity: str) -> str:
    source = _SUBJECTS.get(entity)
    return QCoreApplication.translate("AccessLog", str(source)) if source else entity_label(entity)


class AccessLogDialog(QDialog):
    REASON_COLUMN = 5

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Access log"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        self.since.setDate(QDate(today.year, today.month, 1))
        self.device = QComboBox()  # everyone, or one laptop of the team (filled in refresh)
        self.device.addItem(self.tr("Everyone"), "")
        self.device.activated.connect(lambda _index: self.refresh())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.show_rows)
        # What the last action said (a CSV saved): kept beside the counts when the rows are
        # read again after it, instead of being overwritten a moment later.
        self._notice = ""
        self.mark_button = QPushButton(self.tr("Mark this month as checked"))
        self.mark_button.clicked.connect(self.mark_checked)
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.clicked.connect(self.save_csv)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Pharmacist"),
                self.tr("Device"),
                self.tr("What"),
                self.tr("Resident"),
                self.tr("Reason"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Since")))
        top.addWidget(self.since)
        top.addWidget(QLabel(self.tr("Pharmacist")))
        top.addWidget(self.device)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.resize(900, 560)
        self.refresh()

    def show_rows(self) -> None:
        self._notice = ""
        self.refresh()

    def refresh(self) -> None:
        since = self._since()
        ws = self.ws
        device = str(self.device.currentData() or "") or None

        def work() -> _Shown:
            rows = access_log.read_log(ws, since, device=device)
            intact = access_log.verify_log(ws).ok
            return rows, intact, access_log.checked_months(ws), access_log.log_devices(ws)

        self.show_button.setEnabled(False)
        run_task(work, self._shown, self._failed)

    def _shown(self, result: _Shown) -> None:
        rows, intact, checked, devices = result
        self.show_button.setEnabled(True)
        self._fill_devices(devices)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            what = f"{action_word(r.action)} · {subject_word(r.entity)}"
            values = (
                local_text(r.at, SECOND),
                r.actor,
                short_device(r.device),
                what,
                r.resident_name or r.resident_id,
                reason_display(r.reason),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, column, item)
        # Each column as wide as its texts (the time and the action were cut to "…" while the
        # reason, last, took the room), measured on the first rows only: a month can be long.
        self.table.resizeColumnsToContents()
        chain = (
            self.tr("The log is intact.")
            if intact
            else self.tr("The log was changed after it was written: run 'consultdesk verify'.")
        )
        months = ", ".join(checked) or self.tr("none")
        counts = self.tr("{count} rows. {chain} Months checked: {months}.").format(
            count=len(rows), chain=chain, months=months
        )
        self.status.setText(f"{self._notice} {counts}" if self._notice else counts)

    def _fill_devices(self, devices: list[access_log.LogDevice]) -> None:
        chosen = self.device.currentData()
        self.device.clear()
        self.device.addItem(self.tr("Everyone"), "")
        for d in devices:
            self.device.addItem(f"{d.pharmacist} ({short_device(d.device)})", d.device)
        index = self.device.findData(chosen)
        self.device.setCurrentIndex(max(index, 0))

    def _failed(self, error: Exception) -> None:
        self.show_button.setEnabled(True)
        self.status.setText(error_text(error))

    def _since(self) -> date:
        return date.fromisoformat(self.since.date().toString("yyyy-MM-dd"))

    def save_csv(self) -> None:
        """The rows since the chosen date as CSV, after the reason for the download."""
        reason = self.ask_reason(self)
        if reason is None:
            return
        out = self.choose_csv(self, f"access-log-{date.today().isoformat()}.csv")
        if out is None:
            return
        ws, since = self.ws, self._since()
        device = str(self.device.currentData() or "") or None
        self.csv_button.setEnabled(False)
        run_task(
            lambda: access_log.export_csv(ws, out, since, reason=reason, device=device),
            lambda count: self._csv_saved(out, count),
            self._csv_failed,
        )

    def _csv_saved(self, out: Path, count: int) -> None:
        self.csv_button.setEnabled(True)
        self._notice = self.tr("Saved {count} rows to {file}.").format(count=count, file=str(out))
        self.status.setText(self._notice)
        self.refresh()  # the download is a row of the log too

    def _csv_failed(self, error: Exception) -> None:
        self.csv_button.setEnabled(True)
        self.status.setText(error_text(error))

    # --- seams (tests answer these instead of a modal dialog) --------------------------------

    @classmethod
    def ask_reason(cls, parent: QWidget) -> str | None:
        return DownloadReasonDialog.ask(
            QCoreApplication.translate("AccessLog", "The access log"), parent
        )

    @classmethod
    def choose_csv(cls, parent: QWidget, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("AccessLog", "Save the access log"),
            suggested,
            "CSV (*.csv)",
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")

    def mark_checked(self) -> None:
        try:
            access_log.mark_checked(self.ws)
        except Exception as e:  # a storage error is said in the dialog
            self.status.setText(error_text(e))
            return
        self.refresh()


def install_access_log(window: QMainWindow, ws: Workspace) -> QAction:
    """A Tools-menu item (or File if there is no Tools menu) that opens the access log."""
    action = QAction(QCoreApplication.translate("AccessLog", "Access &log…"), window)
    action.triggered.connect(lambda: AccessLogDialog(ws, window).exec())
    menus = window.menuBar().findChildren(QMenu)
    target = menus[1] if len(menus) > 1 else (menus[0] if menus else None)
    if target is not None:
        target.addAction(action)
    return action
