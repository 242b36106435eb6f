"""Welfare centres and their case workers: add, edit, list, and delete one nothing refers to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.centre import CaseWorker, Centre
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import centres
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.forms import ProblemDisplay, confirm_delete, show_refusal
from consultdesk.ui.labels import dialog_buttons
from consultdesk.ui.messages import problem_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _FormDialog(QDialog):
    """A short form whose fields are all line edits."""

    def build(self, title: str, fields: list[tuple[str, str, str]]) -> None:
        self.setWindowTitle(title)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, value in fields:
            edit = QLineEdit(value)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, dict(self.edits))
        buttons = dialog_buttons()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.saved_id: str | None = None

    def value(self, key: str) -> str:
        return self.edits[key].text()

    def save(self) -> str:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.saved_id = self.save()
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()


class CentreDialog(_FormDialog):
    def __init__(self, ws: Workspace, centre: Centre | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.centre = centre
        self.build(
            self.tr("Welfare centre"),
            [
                ("name", self.tr("Name"), centre.name if centre else ""),
                ("district", self.tr("District"), centre.district if centre else ""),
                ("phone", self.tr("Phone"), centre.phone if centre else ""),
            ],
        )

    def save(self) -> str:
        return centres.save_centre(
            self.ws,
            self.value("name"),
            self.value("district"),
            self.value("phone"),
            self.centre.id if self.centre else None,
        )

    @classmethod
    def ask(cls, ws: Workspace, centre: Centre | None, parent: QWidget | None = None) -> str | None:
        dialog = cls(ws, centre, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class CaseWorkerDialog(_FormDialog):
    def __init__(
        self,
        ws: Workspace,
        centre_id: str,
        worker: CaseWorker | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.centre_id = centre_id
        self.worker = worker
        self.build(
            self.tr("Case worker"),
            [
                ("name", self.tr("Name"), worker.name if worker else ""),
                ("phone", self.tr("Phone"), worker.phone if worker else ""),
                ("email", self.tr("E-mail"), worker.email if worker else ""),
            ],
        )

    def save(self) -> str:
        return centres.save_case_worker(
            self.ws,
            self.centre_id,
            self.value("name"),
            self.value("phone"),
            self.value("email"),
            self.worker.id if self.worker else None,
        )

    @classmethod
    def ask(
        cls, ws: Workspace, centre_id: str, worker: CaseWorker | None, parent: QWidget | None = None
    ) -> str | None:
        dialog = cls(ws, centre_id, worker, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class CentresView(QWidget):
    def __init__(self, ws: Workspace, *, load: bool = True) -> None:
        """``load``: read the list now; the main window passes False and refreshes the
        area when it is first shown (its start-up then reads nothing it does not show)."""
        super().__init__()
        self.ws = ws
        self._centres: dict[str, Centre] = {}
        self._workers: dict[str, CaseWorker] = {}
        self.centre_list = QListWidget()
        self.worker_list = QListWidget()
        for widget in (self.centre_list, self.worker_list):
            style.roomy_list(widget)
        self.add_centre = QPushButton(self.tr("Add welfare centre…"))
        self.edit_centre = QPushButton(self.tr("Edit…"))
        self.add_worker = QPushButton(self.tr("Add case worker…"))
        self.edit_worker = QPushButton(self.tr("Edit…"))
        self.delete_centre = QPushButton(self.tr("Delete…"))
        self.delete_centre.setToolTip(
            self.tr(
                "Delete this welfare centre (only when no resident or case worker belongs to it)"
            )
        )
        self.delete_worker = QPushButton(self.tr("Delete…"))
        self.delete_worker.setToolTip(
            self.tr("Delete this case worker (only when no resident has them)")
        )
        self.delete_centre.clicked.connect(self._delete_centre)
        self.delete_worker.clicked.connect(self._delete_worker)
        for widget, slot in (
            (self.centre_list, self._delete_centre),
            (self.worker_list, self._delete_worker),
        ):
            key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), widget)
            key.setContext(Qt.ShortcutContext.WidgetShortcut)
            key.activated.connect(slot)
        self.add_centre.clicked.connect(self._add_centre)
        self.edit_centre.clicked.connect(self._edit_centre)
        self.add_worker.clicked.connect(self._add_worker)
        self.edit_worker.clicked.connect(self._edit_worker)
        self.centre_list.currentItemChanged.connect(lambda *_: self._load_workers())
        self.centre_list.itemDoubleClicked.connect(lambda _: self._edit_centre())
        self.worker_list.itemDoubleClicked.connect(lambda _: self._edit_worker())
        self.worker_list.currentItemChanged.connect(lambda *_: self._update_buttons())

        def column(title: str, widget: QListWidget, *buttons: QPushButton) -> QVBoxLayout:
            box = QVBoxLayout()
            heading = QLabel(f"<b>{title}</b>")
            box.addWidget(heading)
            box.addWidget(widget, 1)
            row = QHBoxLayout()
            for b in buttons:
                row.addWidget(b)
            row.addStretch()
            box.addLayout(row)
            return box

        layout = QHBoxLayout(self)
        layout.addLayout(
            column(
                self.tr("Welfare centres"),
                self.centre_list,
                self.add_centre,
                self.edit_centre,
                self.delete_centre,
            ),
            1,
        )
        layout.addLayout(
            column(
                self.tr("Case workers"),
                self.worker_list,
                self.add_worker,
                self.edit_worker,
                self.delete_worker,
            ),
            1,
        )
        if load:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = select or self.current_centre_id()
        self.centre_list.clear()
        self._centres = {c.id: c for c in centres.list_centres(self.ws)}
        for c in self._centres.values():
            text = (
                c.name
                + (f"  ·  {c.district}" if c.district else "")
                + (f"  ·  {c.phone}" if c.phone else "")
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, c.id)
            self.centre_list.addItem(item)
            if c.id == current:
                self.centre_list.setCurrentItem(item)
        if self.centre_list.currentItem() is None and self.centre_list.count():
            self.centre_list.setCurrentRow(0)
        self._load_workers()

    def current_centre_id(self) -> str | None:
        item = self.centre_list.currentItem()
        return item.data(ID_ROLE) if item else None

    def _load_workers(self, select: str | None = None) -> None:
        self.worker_list.clear()
        centre_id = self.current_centre_id()
        self._workers = (
            {w.id: w for w in centres.list_case_workers(self.ws, centre_id)} if centre_id else {}
        )
        for w in self._workers.values():
            item = QListWidgetItem(
                w.name
                + (f"  ·  {w.phone}" if w.phone else "")
                + (f"  ·  {w.email}" if w.email else "")
            )
            item.setData(ID_ROLE, w.id)
            self.worker_list.addItem(item)
            if w.id == select:
                self.worker_list.setCurrentItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_centre = self.current_centre_id() is not None
        self.edit_centre.setEnabled(has_centre)
        self.delete_centre.setEnabled(has_centre)
        self.add_worker.setEnabled(has_centre)
        self.edit_worker.setEnabled(self.worker_list.currentItem() is not None)
        self.delete_worker.setEnabled(self.worker_list.currentItem() is not None)

    def _add_centre(self) -> None:
        saved = CentreDialog.ask(self.ws, None, self)
        if saved:
            self.refresh(select=saved)

    def _edit_centre(self) -> None:
        centre_id = self.current_centre_id()
        if centre_id and CentreDialog.ask(self.ws, self._centres[centre_id], self):
            self.refresh()

    def _add_worker(self) -> None:
        centre_id = self.current_centre_id()
        if centre_id:
            saved = CaseWorkerDialog.ask(self.ws, centre_id, None, self)
            if saved:
                self._load_workers(select=saved)

    def _edit_worker(self) -> None:
        centre_id = self.current_centre_id()
        item = self.worker_list.currentItem()
        if centre_id and item is not None:
            worker_id = item.data(ID_ROLE)
            if CaseWorkerDialog.ask(self.ws, centre_id, self._workers[worker_id], self):
                self._load_workers(select=worker_id)

    def _delete_centre(self) -> None:
        centre_id = self.current_centre_id()
        if centre_id is None:
            return
        name = self._centres[centre_id].name
        title = self.tr("Delete welfare centre")
        question = self.tr(
            "Delete the welfare centre “{name}”?\n\nIt is removed from this computer and, after "
            "the next sync, from the team's."
        ).format(name=name)
        if not self.confirm_delete(title, question):
            return
        if self._delete(title, lambda: centres.delete_centre(self.ws, centre_id)):
            self.refresh()

    def _delete_worker(self) -> None:
        item = self.worker_list.currentItem()
        if item is None:
            return
        worker_id = item.data(ID_ROLE)
        name = self._workers[worker_id].name
        title = self.tr("Delete case worker")
        question = self.tr(
            "Delete the case worker {name}?\n\nThey are removed from this computer and, after "
            "the next sync, from the team's."
        ).format(name=name)
        if not self.confirm_delete(title, question):
            return
        if self._delete(title, lambda: centres.delete_case_worker(self.ws, worker_id)):
            self._load_workers()

    def _delete(self, title: str, action: Callable[[], None]) -> bool:
        """Run a delete; a refusal (something still refers to it) is said, not raised."""
        try:
            action()
        except ValidationFailed as e:
            show_refusal(self, title, "\n".join(problem_text(p) for p in e.problems))
            self.refresh()
            return False
        return True

    def confirm_delete(self, title: str, text: str) -> bool:
        """The seam tests answer; the real one is a question with Cancel as the default."""
        return confirm_delete(self, title, text)
