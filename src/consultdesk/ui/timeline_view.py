"""A resident's consultations, newest first, and the comparison of any two of them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.consultation import Comparison, MedicationChange, Status
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import consultations as svc
from consultdesk.services.workspace import Workspace
from consultdesk.ui import labels, style
from consultdesk.ui.forms import confirm_delete, show_refusal
from consultdesk.ui.messages import message_for, problem_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DELETABLE_ROLE = Qt.ItemDataRole.UserRole + 2  # an unfinished consultation never finished before
_STATUSES = {s.value for s in Status}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TimelineWidget(QWidget):
    """Lists the consultations; emits ``open_requested`` and ``new_requested`` for the editor, and
    ``draft_deleted`` once a draft was deleted here (an editor showing it should close it)."""

    open_requested = Signal(str)
    new_requested = Signal(str)
    draft_deleted = Signal(str)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.resident_id: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("timeline")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ID_ROLE)))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.new_button = QPushButton(self.tr("New consultation"))
        self.new_button.clicked.connect(self._new)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._open)
        self.compare_button = QPushButton(self.tr("Compare two…"))
        self.compare_button.setToolTip(self.tr("Select two consultations (Ctrl+click) to compare"))
        self.compare_button.clicked.connect(self.compare)
        self.delete_button = QPushButton(self.tr("Delete draft…"))
        self.delete_button.setToolTip(
            self.tr(
                "Delete the selected unfinished consultation (a finished one is amended instead)"
            )
        )
        self.delete_button.clicked.connect(self.delete_draft)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_draft)
        title = QLabel(self.tr("Consultations"))
        style.bold(title)
        # The buttons are a row of their own, so the residents overview can keep them in view
        # below its scrolling part (at 1366×768 "New consultation" was scrolled out of sight).
        self.button_row = QWidget()
        buttons = QHBoxLayout(self.button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.new_button, self.open_button, self.compare_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.button_row)
        self._update_buttons()

    def show_resident(self, resident_id: str | None) -> None:
        """List the resident's consultations; shown again for the same resident (a refresh), the
        consultations that were selected stay selected."""
        keep = set(self.selected_ids()) if resident_id == self.resident_id else set()
        self.resident_id = resident_id
        self.list.clear()
        if resident_id is not None:
            for s in svc.resident_timeline(self.ws, resident_id):
                place = labels.option_label(labels.place_options(), s.place)
                status = (
                    labels.status_label(Status(s.status)) if s.status in _STATUSES else s.status
                )
                text = self.tr(
                    "{date} · visit {n} · {place} · {medicines}, {problems} · {status}"
                ).format(
                    date=s.visit_date.isoformat(),
                    n=s.number,
                    place=place,
                    medicines=self.tr("%n medicine(s)", "", s.medicines),
                    problems=self.tr("%n problem(s)", "", s.problems),
                    status=status,
                )
                if s.amendment_count:
                    text += " " + self.tr("(amended)")
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, s.id)
                item.setData(
                    DELETABLE_ROLE, s.status == Status.DRAFT.value and not s.amendment_count
                )
                self.list.addItem(item)
                item.setSelected(s.id in keep)
        self.new_button.setEnabled(resident_id is not None)
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self.list.selectedItems()]

    def _update_buttons(self) -> None:
        chosen = len(self.selected_ids())
        self.open_button.setEnabled(chosen == 1)
        self.compare_button.setEnabled(chosen == 2)
        items = self.list.selectedItems()
        self.delete_button.setEnabled(len(items) == 1 and bool(items[0].data(DELETABLE_ROLE)))

    def _new(self) -> None:
        if self.resident_id is not None:
            self.new_requested.emit(self.resident_id)

    def _open(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def delete_draft(self) -> None:
        """Delete the selected draft after a confirmation naming it."""
        items = self.list.selectedItems()
        if len(items) != 1 or self.resident_id is None:
            return
        item = items[0]
        consultation_id = item.data(ID_ROLE)
        title = self.tr("Delete draft")
        if not item.data(DELETABLE_ROLE):
            show_refusal(self, title, message_for("final_not_deletable"))
            return
        question = self.tr(
            "Delete this unfinished consultation?\n\n{session}\n\nIts medicines, problems and flag "
            "decisions go with it, on this computer and, after the next sync, on the team's."
        ).format(session=item.text())
        if not self.confirm_delete(title, question):
            return
        try:
            svc.delete_draft(self.ws, consultation_id)
        except ValidationFailed as e:
            show_refusal(self, title, "\n".join(problem_text(p) for p in e.problems))
            self.show_resident(self.resident_id)
            return
        self.show_resident(self.resident_id)
        self.draft_deleted.emit(consultation_id)

    def confirm_delete(self, title: str, text: str) -> bool:
        """The seam tests answer; the real one is a question with Cancel as the default."""
        return confirm_delete(self, title, text)

    def compare(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            result = svc.compare_consultations(self.ws, ids[0], ids[1])
            ComparisonDialog(result, self).open()


class ComparisonDialog(QDialog):
    """Medicines added, stopped and changed between two consultations; problems resolved."""

    def __init__(self, result: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What changed between the two consultations"))
        self.comparison = result
        self.text = QTextBrowser()
        self.text.setHtml(self._html())
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 520)

    def _field(self, name: str) -> str:
        return {
            "strength": self.tr("strength"),
            "morning": self.tr("morning"),
            "noon": self.tr("noon"),
            "evening": self.tr("evening"),
            "bedtime": self.tr("bedtime"),
            "as_needed": self.tr("as needed"),
            "prescriber": self.tr("prescriber"),
            "adherence": self.tr("how it is taken"),
            "source": self.tr("source"),
            "action": self.tr("action"),
            "storage_problem": self.tr("storage"),
        }.get(name, name)

    @staticmethod
    def _value(name: str, value: object) -> str:
        code = str(getattr(value, "value", value))
        options = {
            "adherence": labels.adherence_options,
            "source": labels.source_options,
            "action": labels.action_options,
        }.get(name)
        return _esc(labels.option_label(options(), code) if options else code) or "–"

    def _change_line(self, change: MedicationChange) -> str:
        parts = []
        for name in change.changes:
            old = self._value(name, getattr(change.before, name))
            new = self._value(name, getattr(change.after, name))
            parts.append(f"{self._field(name)}: {old} → {new}")
        return f"<li><b>{_esc(change.name)}</b> — {'; '.join(parts)}</li>"

    def _html(self) -> str:
        r = self.comparison
        none = "<li>" + self.tr("none") + "</li>"

        def names(changes: tuple[MedicationChange, ...]) -> str:
            return "".join(f"<li>{_esc(c.name)}</li>" for c in changes) or none

        sections = [
            (self.tr("Medicines added"), names(r.added)),
            (self.tr("Medicines stopped or no longer found"), names(r.stopped)),
            (
                self.tr("Medicines changed"),
                "".join(self._change_line(c) for c in r.changed) or none,
            ),
            (
                self.tr("Problems resolved"),
                "".join(f"<li>{_esc(p.description)}</li>" for p in r.problems_resolved) or none,
            ),
            (
                self.tr("New problems"),
                "".join(f"<li>{_esc(p.description)}</li>" for p in r.problems_new) or none,
            ),
        ]
        return "".join(f"<h3>{title}</h3><ul>{body}</ul>" for title, body in sections)
