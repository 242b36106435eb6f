"""Import a product list the pharmacist downloaded, so the name search also finds products.

The file is read and stored off the GUI thread with a progress bar. A malformed file is refused
with the line and the reason and changes nothing; the products already imported stay.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import catalog as catalog_service
from consultdesk.services.catalog import ImportSummary
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ProblemDisplay, ask_csv_file, ask_yes_no
from consultdesk.ui.messages import error_text, problem_text
from consultdesk.ui.tasks import ProgressRelay, run_task


class ProductImportDialog(QDialog):
    changed = Signal()  # the imported products changed (import or clear)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.busy = False
        self.stored = 0
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import a product list"))
        intro = QLabel(
            self.tr(
                "Import a product list you downloaded (for example the HIRA drug master or an "
                "MFDS product list) as a CSV file in CP949 or UTF-8. The medicine search then "
                "also finds product names, and a product fills in all its ingredients. The file "
                "needs a product name column (제품명) and an ATC code column (ATC코드). A product "
                "imported again is replaced by the newer file."
            )
        )
        intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file and import…"))
        self.choose_button.clicked.connect(self.choose_and_import)
        self.clear_button = QPushButton(self.tr("Remove imported products"))
        self.clear_button.clicked.connect(self.clear)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.choose_button)
        actions.addStretch()
        actions.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)
        self.refresh()

    # --- seams for tests ---------------------------------------------------------------------

    @classmethod
    def choose_file(cls, parent: QWidget | None, title: str) -> Path | None:
        return ask_csv_file(parent, title)

    @classmethod
    def confirm_clear(cls, parent: QWidget | None, title: str, text: str) -> bool:
        return ask_yes_no(parent, title, text)

    @classmethod
    def run(cls, ws: Workspace, parent: QWidget | None = None) -> bool:
        """Show the dialog; True if the imported products changed."""
        dialog = cls(ws, parent)
        changed: list[bool] = []
        dialog.changed.connect(lambda: changed.append(True))
        dialog.exec()
        return bool(changed)

    # --- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        stored = catalog_service.imported_product_count(self.ws)
        if stored:
            text = self.tr("Products imported: {count}.").format(count=f"{stored:,}")
        else:
            text = self.tr(
                "No product list imported yet: the search finds the %Ln ingredient(s) of the "
                "bundled catalog.",
                "",
                len(catalog_service.bundled_ingredients()),
            )
        self.count.setText(text)
        self.stored = stored
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self.busy)
        self.clear_button.setEnabled(not self.busy and self.stored > 0)
        self.buttons.setEnabled(not self.busy)

    def choose_and_import(self) -> None:
        path = self.choose_file(self, self.tr("Choose a product list"))
        if path is not None:
            self.start_import(path)

    def start_import(self, path: Path) -> None:
        self.busy = True
        self._update_buttons()
        self.problems.clear()
        self.outcome.hide()
        self.progress.setValue(0)
        self.progress.show()
        ws, relay = self.ws, self.relay
        run_task(
            lambda: catalog_service.import_products(ws, path, relay.progressed.emit),
            self._imported,
            self._failed,
        )

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 100))

    def _imported(self, summary: ImportSummary) -> None:
        self.busy = False
        self.summary = summary
        self.progress.setValue(100)
        lines = [
            self.tr("{file}: {products} imported from %Ln row(s).", "", summary.rows).format(
                file=summary.file_name,
                products=self.tr("%Ln product(s)", "", summary.products),
            ),
            self.tr(
                "Rows merged because the product name came again: {merged}. Combination "
                "products (several ingredients): {combinations}."
            ).format(
                merged=f"{summary.merged_duplicates:,}",
                combinations=f"{summary.combinations:,}",
            ),
        ]
        if summary.replaced:
            lines.append(
                self.tr("Products that replace the same name from an earlier list: {n}.").format(
                    n=f"{summary.replaced:,}"
                )
            )
        if summary.without_atc:
            lines.append(
                self.tr(
                    "Products without an ATC code: {n}. They are found by name, but the risk "
                    "checks cannot see their ingredients."
                ).format(n=f"{summary.without_atc:,}")
            )
        if summary.ignored_columns:
            lines.append(
                self.tr("Columns not used: {columns}.").format(
                    columns=", ".join(summary.ignored_columns)
                )
            )
        self.outcome.setText("\n".join(lines))
        self.outcome.show()
        self.refresh()
        self._fit()
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        if isinstance(error, ValidationFailed):
            reasons = "\n".join(problem_text(p) for p in error.problems)
        else:
            reasons = error_text(error)
        self.problems.show_text(
            self.tr("Nothing was imported; the products imported before stay.") + "\n" + reasons
        )

    def clear(self) -> None:
        question = self.tr(
            "Remove the %Ln imported product(s)? The search then finds the ingredients of the "
            "bundled catalog only. Medicines already recorded keep their names and ingredients.",
            "",
            self.stored,
        )
        if not self.confirm_clear(self, self.tr("Remove imported products"), question):
            return
        catalog_service.clear_products(self.ws)
        self.problems.clear()
        self.outcome.setText(self.tr("The imported products were removed."))
        self.outcome.show()
        self.refresh()
        self._fit()
        self.changed.emit()

    def _fit(self) -> None:
        # A dialog keeps the size it was first shown at; make room for the summary so that it
        # never draws over the other widgets.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    # An import finishes on its own; closing meanwhile would hide its outcome.
    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
