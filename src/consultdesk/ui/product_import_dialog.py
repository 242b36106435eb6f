"""Import a product list the pharmacist downloaded, so the name search also finds products.

The file is read and stored off the GUI thread with a progress bar (ui/import_dialog.py). A
malformed file is refused with the line and the reason and changes nothing; the products
already imported stay.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from consultdesk.services import catalog as catalog_service
from consultdesk.services.catalog import ImportSummary
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ask_yes_no
from consultdesk.ui.import_dialog import ImportDialog, Progress


class ProductImportDialog(ImportDialog):
    summary: ImportSummary | None

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.setWindowTitle(self.tr("Import a product list"))
        self.intro.setText(
            self.tr(
                "Import a product list you downloaded (for example the HIRA drug master or an "
                "MFDS product list) as a CSV file in CP949 or UTF-8. The medicine search then "
                "also finds product names, and a product fills in all its ingredients. The file "
                "needs a product name column (제품명) and an ATC code column (ATC코드). A product "
                "imported again is replaced by the newer file."
            )
        )
        self.stored = 0
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Remove imported products"))
        self.clear_button.clicked.connect(self.clear)
        self.lay_out(above=[self.count], actions=[self.clear_button], below=[1])
        self.setMinimumWidth(560)
        self.refresh()

    # --- seams for tests ---------------------------------------------------------------------

    @classmethod
    def confirm_clear(cls, parent: QWidget | None, title: str, text: str) -> bool:
        return ask_yes_no(parent, title, text)

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
        super()._update_buttons()
        self.clear_button.setEnabled(not self.busy and self.stored > 0)

    def choose_title(self) -> str:
        return self.tr("Choose a product list")

    def import_work(self, path: Path) -> Callable[[Progress], ImportSummary]:
        ws = self.ws
        return lambda progress: catalog_service.import_products(ws, path, progress)

    def result_text(self, summary: ImportSummary) -> str:
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
        return "\n".join(lines)

    def failure_text(self, reasons: str) -> str:
        return self.tr("Nothing was imported; the products imported before stay.") + "\n" + reasons

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
        self.fit()
        self.changed.emit()
