"""Documents for one resident: choose, preview (QtPdf), save or print. (The resident
overview's "Export documents…" bar is ui/documents_bar.py; many sheets at once,
ui/batch_export_dialog.py.)

The referral sheet needs consent to share with the welfare centre; without it the sheet cannot
be chosen and the reason is written next to it. The preview is rendered off the GUI thread into
memory, so no copy of a resident's data is left in a temporary file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.screening import ServiceCatalog
from consultdesk.services import consultations, documents, referrals
from consultdesk.services.access_log import DownloadReason
from consultdesk.services.documents import (
    DocumentKind,
    DocumentRequest,
    PreparedDocument,
)
from consultdesk.services.referrals import ReferralOptions
from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n, style
from consultdesk.ui.download_reason import DownloadReasonDialog
from consultdesk.ui.forms import ProblemDisplay, fitting_size
from consultdesk.ui.labels import document_kind_label
from consultdesk.ui.messages import error_text, message_for
from consultdesk.ui.tasks import run_task

KIND_ROLE = Qt.ItemDataRole.UserRole
SERVICE_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_DELAY_MS = 300
PRINT_DPI = 300


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of a PDF onto `printer`, fitted to the printable area. Returns the
    number of pages printed."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError("the document could not be read for printing")
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            image = document.render(page, size)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
        return document.pageCount()
    finally:
        painter.end()


@dataclass(frozen=True)
class _Preview:
    generation: int
    doc: PreparedDocument
    data: bytes


def suggested_reason(kinds: Sequence[DocumentKind]) -> DownloadReason | None:
    """The usual reason for these documents, chosen already (the pharmacist may change it):
    a referral sheet goes to the welfare centre, a medication list to the resident."""
    if DocumentKind.REFERRAL in kinds:
        return DownloadReason.WELFARE_REFERRAL
    if list(kinds) == [DocumentKind.MEDICATION_LIST]:
        return DownloadReason.RESIDENT
    return None


class ExportDialog(QDialog):
    """Choose the documents of one session, look at them, then save or print them."""

    def __init__(
        self,
        ws: Workspace,
        resident_id: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.resident_id = resident_id
        self.today = today or date.today()
        self.saved: list[Path] = []
        self.catalog: ServiceCatalog = documents.service_catalog(ws)
        self.blocked = documents.referral_blocked_reason(ws, resident_id)
        self.current: _Preview | None = None
        self._generation = 0
        self._referral_id = ""
        self.setWindowTitle(self.tr("Documents"))

        self.session = QComboBox()
        for s in consultations.resident_timeline(ws, resident_id):
            self.session.addItem(
                self.tr("Visit {number} · {date}").format(
                    number=s.number, date=s.visit_date.isoformat()
                ),
                s.id,
            )
        self.language = QComboBox()
        self.language.addItem(self.tr("Korean"), "ko")
        self.language.addItem(self.tr("English"), "en")
        self.kinds = QListWidget()
        self.kinds.setMaximumHeight(110)
        for kind in DocumentKind:
            item = QListWidgetItem(document_kind_label(kind.value))
            item.setData(KIND_ROLE, kind.value)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.kinds.addItem(item)
        self.referral_reason = QLabel()
        self.referral_reason.setWordWrap(True)
        style.warning_text(self.referral_reason)
        self.include_phone = QCheckBox(self.tr("Print the phone number"))
        self.include_district = QCheckBox(self.tr("Print the district"))
        self.services = QListWidget()
        self.add_service = QComboBox()
        self.add_service.addItem(self.tr("Add a service from the list…"), "")
        for service in self.catalog.services:
            self.add_service.addItem(self._service_name(service.id), service.id)
        self.own_service = QLineEdit()
        self.own_service.setPlaceholderText(self.tr("Or write a service in your own words"))
        add_own = QPushButton(self.tr("Add"))
        self.opinion = QPlainTextEdit()
        self.opinion.setPlaceholderText(self.tr("Your opinion for the case worker (optional)"))
        self.opinion.setMaximumHeight(90)
        self.referral_box = QGroupBox(self.tr("Referral sheet"))
        box = QVBoxLayout(self.referral_box)
        box.addWidget(
            QLabel(
                self.tr("Name, age and sex are always printed; phone and district only if ticked.")
            )
        )
        box.addWidget(self.include_phone)
        box.addWidget(self.include_district)
        # No copy into the team folder: a PDF there is readable by anyone on the
        # share. Teammates print the same sheet by its reference code from the synced data.
        box.addWidget(QLabel(self.tr("Services requested (tick each one to ask for)")))
        box.addWidget(self.services, 1)
        box.addWidget(self.add_service)
        own = QHBoxLayout()
        own.addWidget(self.own_service, 1)
        own.addWidget(add_own)
        box.addLayout(own)
        box.addWidget(QLabel(self.tr("Pharmacist's opinion")))
        box.addWidget(self.opinion)

        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"opinion": self.opinion})

        self.save_button = QPushButton(self.tr("Save…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut("Ctrl+P")
        self.draft_button = QPushButton(self.tr("Keep referral as draft"))
        close = QPushButton(self.tr("Close"))

        form = QFormLayout()
        form.addRow(self.tr("Visit"), self.session)
        form.addRow(self.tr("Language of the documents"), self.language)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(QLabel(self.tr("Documents (tick to save; click to preview)")))
        left_layout.addWidget(self.kinds)
        left_layout.addWidget(self.referral_reason)
        left_layout.addWidget(self.referral_box, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_status)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(*fitting_size(self, 1150, 780))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._set_up_referral_choice()
        self.session.currentIndexChanged.connect(self._session_changed)
        self.language.currentIndexChanged.connect(self._schedule)
        self.kinds.currentItemChanged.connect(lambda *_: self.refresh_preview())
        self.kinds.itemChanged.connect(lambda _: self._update_buttons())
        self.include_phone.toggled.connect(self._schedule)
        self.include_district.toggled.connect(self._schedule)
        self.services.itemChanged.connect(lambda _: self._schedule())
        self.add_service.activated.connect(self._add_from_catalog)
        add_own.clicked.connect(self._add_own)
        self.own_service.returnPressed.connect(self._add_own)
        self.opinion.textChanged.connect(self._schedule)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_current)
        self.draft_button.clicked.connect(self.keep_draft)
        close.clicked.connect(self.accept)
        self._session_changed()

    # --- choices ---------------------------------------------------------------------------

    def _set_up_referral_choice(self) -> None:
        referral = self.kinds.item(0)
        first = 0
        if self.blocked is not None:
            reason = message_for(self.blocked)
            referral.setFlags(referral.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            referral.setToolTip(reason)
            self.referral_reason.setText(
                self.tr("The referral sheet is not available: {reason}").format(reason=reason)
            )
            first = 1
        self.referral_reason.setVisible(self.blocked is not None)
        self.referral_box.setEnabled(self.blocked is None)
        self.draft_button.setEnabled(self.blocked is None)
        self.kinds.item(first).setCheckState(Qt.CheckState.Checked)
        self.kinds.setCurrentRow(first)

    def _service_name(self, value: str) -> str:
        service = self.catalog.get(value)
        if service is None:
            return value
        return service.name_ko if i18n.current_language() == "ko" else service.name_en

    def _add_service_item(self, value: str, checked: bool) -> None:
        for row in range(self.services.count()):
            item = self.services.item(row)
            if item.data(SERVICE_ROLE) == value:
                item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(self._service_name(value))
        item.setData(SERVICE_ROLE, value)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.services.addItem(item)

    def _add_from_catalog(self, index: int) -> None:
        value = self.add_service.itemData(index)
        if value:
            self._add_service_item(value, True)
        self.add_service.setCurrentIndex(0)

    def _add_own(self) -> None:
        text = " ".join(self.own_service.text().split())
        if text:
            self._add_service_item(text, True)
            self.own_service.clear()

    def consultation_id(self) -> str | None:
        value = self.session.currentData()
        return str(value) if value else None

    def _session_changed(self) -> None:
        """A session has its own draft referral and its own services: a draft keeps the ticks
        it was saved with; a new sheet ticks exactly the services the pharmacist ticked for the
        session's observations. The flags' other suggestions are listed unticked. Nothing
        chosen for one session carries over into another."""
        cid = self.consultation_id()
        self.services.blockSignals(True)
        self.services.clear()
        draft = referrals.referral_for_sheet(self.ws, cid) if cid else None
        self._referral_id = draft.id if draft is not None else new_id()
        choices = documents.service_choices(self.ws, cid) if cid else None
        ticked = choices.ticked if choices is not None else ()
        offered = choices.offered if choices is not None else ()
        options = draft.options if draft is not None else ReferralOptions(services=ticked)
        for control in (self.include_phone, self.include_district, self.opinion):
            control.blockSignals(True)
        self.include_phone.setChecked(options.include_phone)
        self.include_district.setChecked(options.include_district)
        self.opinion.setPlainText(options.opinion)
        for control in (self.include_phone, self.include_district, self.opinion):
            control.blockSignals(False)
        for value in options.services:
            self._add_service_item(value, True)
        for value in (*ticked, *offered):
            if value not in options.services:
                self._add_service_item(value, False)
        self.services.blockSignals(False)
        self._update_buttons()
        self.refresh_preview()

    def options(self) -> ReferralOptions:
        chosen = []
        for row in range(self.services.count()):
            item = self.services.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(SERVICE_ROLE)))
        return ReferralOptions(
            services=tuple(chosen),
            opinion=self.opinion.toPlainText().strip(),
            include_phone=self.include_phone.isChecked(),
            include_district=self.include_district.isChecked(),
        )

    def checked_kinds(self) -> list[DocumentKind]:
        return [
            DocumentKind(self.kinds.item(row).data(KIND_ROLE))
            for row in range(self.kinds.count())
            if self.kinds.item(row).checkState() == Qt.CheckState.Checked
            and self.kinds.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
        ]

    def previewed_kind(self) -> DocumentKind | None:
        item = self.kinds.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return DocumentKind(item.data(KIND_ROLE))

    def request(self, kind: DocumentKind) -> DocumentRequest:
        referral = kind is DocumentKind.REFERRAL
        return DocumentRequest(
            kind,
            self.resident_id,
            consultation_id=self.consultation_id(),
            lang="en" if self.language.currentData() == "en" else "ko",
            referral_id=self._referral_id if referral else None,
            options=self.options() if referral else None,
        )

    def _update_buttons(self) -> None:
        has_session = self.consultation_id() is not None
        self.save_button.setEnabled(has_session and bool(self.checked_kinds()))
        self.print_button.setEnabled(self.current is not None)

    # --- preview -----------------------------------------------------------------------------

    def _schedule(self, *_: Any) -> None:
        self._timer.start()

    def refresh_preview(self) -> None:
        """Render the selected document in a worker; only the newest result is shown."""
        self._timer.stop()
        kind = self.previewed_kind()
        if kind is None or self.consultation_id() is None:
            self._show_nothing(self.tr("No consultation to print yet: record one first."))
            return
        self._generation += 1
        generation, request, today = self._generation, self.request(kind), self.today
        self.preview_status.setText(self.tr("Preparing the preview…"))

        def render() -> _Preview:
            doc = documents.prepare_document(self.ws, request, today)
            return _Preview(generation, doc, documents.render_bytes(doc))

        run_task(render, self._previewed, lambda e: self._preview_failed(generation, e))

    def _previewed(self, preview: _Preview) -> None:
        if not isValid(self) or preview.generation != self._generation:
            return  # closed, or the choices changed while it was rendering
        self.problems.clear()
        self.current = preview
        self.pdf.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(preview.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.preview_status.setText(
            self.tr("{document} · {code} · pages: {pages}").format(
                document=document_kind_label(preview.doc.kind.value),
                code=preview.doc.reference,
                pages=self.pdf.pageCount(),
            )
        )
        self._update_buttons()

    def _preview_failed(self, generation: int, error: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._show_nothing("")
        self._show_error(error)

    def _show_nothing(self, status: str) -> None:
        self.current = None
        self.pdf.close()
        self.preview_status.setText(status)
        self._update_buttons()

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed):
            self.problems.show(error.problems)
        else:
            self.problems.show_text(error_text(error))

    # --- save, print, draft ------------------------------------------------------------------

    def _documents_folder(self) -> Path:
        return Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )

    def save(self) -> None:
        kinds = self.checked_kinds()
        if not kinds or self.consultation_id() is None:
            return
        requests = [self.request(kind) for kind in kinds]
        today = self.today
        ws = self.ws
        # Every document names the resident: the reason for the download goes in the log.
        what = ", ".join(document_kind_label(kind.value) for kind in kinds)
        reason = self.ask_reason(self, what, suggested_reason(kinds))
        if reason is None:
            return

        def shared(results: list[documents.ExportResult]) -> tuple[list[Path], list[Problem]]:
            return [r.path for r in results], []

        if len(requests) == 1:
            preview = self.current
            name = (
                preview.doc.file_name
                if preview is not None and preview.doc.kind is kinds[0]
                else f"{documents.FILE_STEMS[kinds[0]]}.pdf"
            )
            chosen = self.choose_file(self, self._documents_folder() / name)
            if chosen is None:
                return
            target, single = chosen, requests[0]

            def work() -> tuple[list[Path], list[Problem]]:
                return shared([documents.export_document(ws, single, target, today, reason=reason)])

        else:
            folder = self.choose_folder(self, self._documents_folder())
            if folder is None:
                return

            def work() -> tuple[list[Path], list[Problem]]:
                result = documents.export_batch(ws, requests, folder, today=today, reason=reason)
                paths, problems = shared(result.written)
                return paths, [p for _, p in result.skipped] + problems

        self._busy(True)
        run_task(work, self._saved, self._failed)

    def _saved(self, outcome: tuple[list[Path], list[Problem]]) -> None:
        paths, problems = outcome
        if not isValid(self):
            return
        self._busy(False)
        self.saved += paths
        if problems:
            self.problems.show(problems)
        else:
            self.problems.clear()
        self.preview_status.setText(
            self.tr("Saved: {files}").format(files=", ".join(p.name for p in paths))
        )

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._busy(False)
        self._show_error(error)

    def done(self, result: int) -> None:
        # A preview still rendering must not land in a closed dialog.
        self._timer.stop()
        self._generation += 1
        super().done(result)

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.print_button, self.draft_button):
            button.setEnabled(not busy)
        if not busy:
            self._update_buttons()
            self.draft_button.setEnabled(self.blocked is None)

    def print_current(self) -> None:
        preview = self.current
        if preview is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(preview.doc.file_name)
        if not self.ask_print(printer, self):
            return
        try:
            print_pdf(preview.data, printer)
            documents.record_document(self.ws, preview.doc, "print", self.today)
        except (ValidationFailed, OSError) as e:
            self._show_error(e)
            return
        self.preview_status.setText(
            self.tr("Printed: {document}").format(
                document=document_kind_label(preview.doc.kind.value)
            )
        )

    def keep_draft(self) -> None:
        cid = self.consultation_id()
        try:
            referrals.draft_referral(
                self.ws, self._referral_id, self.resident_id, cid, self.options(), self.today
            )
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.problems.clear()
        self.preview_status.setText(self.tr("The referral was kept as a draft."))

    # --- seams (tests answer these instead of a modal dialog) --------------------------------

    @classmethod
    def ask_reason(
        cls, parent: QWidget | None, what: str, suggested: DownloadReason | None
    ) -> str | None:
        return DownloadReasonDialog.ask(what, parent, suggested)

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExportDialog", "Save document"),
            str(suggested),
            "PDF (*.pdf)",
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    @classmethod
    def choose_folder(cls, parent: QWidget, start: Path) -> Path | None:
        title = QCoreApplication.translate("ExportDialog", "Save documents in")
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(name) if name else None

    @classmethod
    def ask_print(cls, printer: QPrinter, parent: QWidget) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask(cls, ws: Workspace, resident_id: str, parent: QWidget | None = None) -> list[Path]:
        """Show the dialog; returns the files saved while it was open."""
        dialog = cls(ws, resident_id, parent)
        dialog.exec()
        return dialog.saved
