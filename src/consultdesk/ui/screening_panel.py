"""The short social risk screening and the pharmacist's own observations.

The questions come from the screening form (resources/screening/*.json), shown in the UI
language and grouped by domain; any question may be skipped. The panel holds answers only; the
editor saves them with the consultation and recomputes the flags when `changed` fires.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.consultation import ObservedRisk
from consultdesk.domain.rrn import contains_rrn
from consultdesk.domain.rules import Severity
from consultdesk.domain.screening import Question, ScreeningForm, ServiceCatalog
from consultdesk.ui import style
from consultdesk.ui.i18n import current_language
from consultdesk.ui.labels import severity_label
from consultdesk.ui.messages import message_for

MAX_OBSERVATION = 300


class QuestionWidget(QWidget):
    """One question: radio buttons (one answer) or check boxes (all that apply)."""

    changed = Signal()

    def __init__(self, question: Question, lang: str) -> None:
        super().__init__()
        self.question = question
        self.buttons: dict[str, QAbstractButton] = {}
        text = QLabel(question.text_ko if lang == "ko" else question.text_en)
        text.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setFlat(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.setToolTip(self.tr("Leave this question unanswered"))
        # Drawn as a link no taller than a line of text, and its room kept while it is hidden:
        # choosing an answer must not push the questions below away from under the mouse.
        style.link_button(self.clear_button)
        keep_room = self.clear_button.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.clear_button.setSizePolicy(keep_room)
        self.clear_button.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(text, 1)
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        # Short answer lists stay on one line; long ones wrap into two columns so the panel
        # never needs a horizontal scroll bar beside the editor.
        columns = len(question.answers) if len(question.answers) <= 3 else 2
        options = QGridLayout()
        options.setContentsMargins(12, 0, 0, 0)
        options.setHorizontalSpacing(16)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not question.multiple)
        for position, option in enumerate(question.answers):
            label = option.label_ko if lang == "ko" else option.label_en
            button: QAbstractButton = QCheckBox(label) if question.multiple else QRadioButton(label)
            if option.severity is not None:
                button.setToolTip(severity_label(option.severity.value))
            self.group.addButton(button)
            self.buttons[option.id] = button
            options.addWidget(button, position // columns, position % columns)
            button.toggled.connect(lambda on, o=option.id: self._toggled(o, on))
        options.setColumnStretch(columns, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(options)
        self._read_only = False
        self._update_clear()
        self._quiet = False

    def _toggled(self, answer_id: str, on: bool) -> None:
        if self._quiet:
            return
        if on and self.question.multiple:
            # "None of these" and a problem cannot both be true: the last click wins.
            option = self.question.option(answer_id)
            chose_exclusive = option is not None and option.exclusive
            self._quiet = True
            for other_id, button in self.buttons.items():
                other = self.question.option(other_id)
                if other_id == answer_id or other is None:
                    continue
                if chose_exclusive or other.exclusive:
                    button.setChecked(False)
            self._quiet = False
        self._update_clear()
        self.changed.emit()

    def value(self) -> str | list[str] | None:
        chosen = [a.id for a in self.question.answers if self.buttons[a.id].isChecked()]
        if not chosen:
            return None
        return chosen if self.question.multiple else chosen[0]

    def set_value(self, value: str | Sequence[str] | None) -> None:
        chosen = {value} if isinstance(value, str) else set(value or ())
        self._quiet = True
        self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for answer_id, button in self.buttons.items():
            button.setChecked(answer_id in chosen)
        self.group.setExclusive(not self.question.multiple)
        self._quiet = False
        self._update_clear()

    def clear(self) -> None:
        if self.value() is not None:
            self.set_value(None)
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        self._update_clear()

    def _update_clear(self) -> None:
        # Offered only where there is something to clear, so thirty questions do not each
        # carry a button.
        self.clear_button.setVisible(not self._read_only and self.value() is not None)


class ObservedRow(QWidget):
    removed = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, risk: ObservedRisk, text: str) -> None:
        super().__init__()
        self.risk = risk
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.setToolTip(self.tr("Change the words, the severity or the services"))
        self.change_button.clicked.connect(lambda: self.edit_requested.emit(self))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.change_button)
        layout.addWidget(self.remove_button)

    def show_risk(self, risk: ObservedRisk, text: str) -> None:
        self.risk = risk
        self.label.setText(text)

    def set_editable(self, editable: bool) -> None:
        self.change_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def set_being_changed(self, on: bool) -> None:
        """Bold while its words are in the fields above, so it is clear which one is changed."""
        font = self.label.font()
        font.setBold(on)
        self.label.setFont(font)


class ScreeningPanel(QWidget):
    changed = Signal()

    def __init__(
        self, form: ScreeningForm, catalog: ServiceCatalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.catalog = catalog
        self.lang = current_language()
        self._observed: list[ObservedRow] = []
        self._editing: ObservedRow | None = None  # the observation being changed, if any
        self.questions: dict[str, QuestionWidget] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Ask in your own words; any question may be skipped. Form: {title} ({version})"
            ).format(
                title=form.title_ko if self.lang == "ko" else form.title_en, version=form.version
            )
        )
        intro.setWordWrap(True)
        style.muted_text(intro)
        body_layout.addWidget(intro)
        boxes: dict[str, QVBoxLayout] = {}
        for question in form.questions:
            if question.domain not in boxes:
                box = QGroupBox(self.domain_title(question.domain))
                boxes[question.domain] = QVBoxLayout(box)
                body_layout.addWidget(box)
            widget = QuestionWidget(question, self.lang)
            widget.changed.connect(self.changed)
            boxes[question.domain].addWidget(widget)
            self.questions[question.id] = widget
        body_layout.addWidget(self._observation_box())
        body_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def domain_title(self, domain: str) -> str:
        titles = {
            "housing": self.tr("Housing"),
            "food": self.tr("Food"),
            "money": self.tr("Money"),
            "utilities": self.tr("Utilities"),
            "transport": self.tr("Transport to care"),
            "isolation": self.tr("Social contact"),
            "loneliness": self.tr("Loneliness"),
            "safety": self.tr("Safety"),
            "support": self.tr("Help at home"),
            "literacy": self.tr("Reading and understanding"),
            "memory": self.tr("Memory"),
            "medicine_cost": self.tr("Cost of medicines"),
        }
        return titles.get(domain, domain)

    def _observation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What I observed"))
        self.observation_text = QLineEdit()
        self.observation_text.setMaxLength(MAX_OBSERVATION)
        self.observation_text.setPlaceholderText(
            self.tr("e.g. the fridge was empty; the stairs have no handrail")
        )
        self.observation_text.returnPressed.connect(self.add_observation)
        self.severity = QComboBox()
        for severity in (Severity.LOW, Severity.MODERATE, Severity.HIGH):
            self.severity.addItem(severity_label(severity.value), severity.value)
        self.severity.setCurrentIndex(self.severity.findData(Severity.MODERATE.value))
        self.services = QListWidget()
        self.services.setFixedHeight(110)
        # A list view asks for all the height it can get; the questions above need it more.
        self.services.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for service in self.catalog.services:
            item = QListWidgetItem(service.name_ko if self.lang == "ko" else service.name_en)
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(service.description_ko if self.lang == "ko" else service.description_en)
            self.services.addItem(item)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_observation)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Keep the observation as it was"))
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        self.observation_error = QLabel()
        self.observation_error.setWordWrap(True)
        style.error_text(self.observation_error)
        self.observation_error.hide()
        self.observed_list = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.observation_text, 1)
        top.addWidget(QLabel(self.tr("Severity")))
        top.addWidget(self.severity)
        top.addWidget(self.add_button)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Services to suggest (optional)")))
        layout.addWidget(self.services)
        layout.addWidget(self.observation_error)
        layout.addLayout(self.observed_list)
        return box

    # --- observations ---------------------------------------------------------------------------

    def _row_text(self, risk: ObservedRisk) -> str:
        parts = [risk.text, severity_label(risk.severity)]
        names = []
        for service_id in risk.services:
            service = self.catalog.get(service_id)
            if service is not None:
                names.append(service.name_ko if self.lang == "ko" else service.name_en)
        if names:
            parts.append(", ".join(names))
        return " · ".join(parts)

    def _append(self, risk: ObservedRisk) -> None:
        row = ObservedRow(risk, self._row_text(risk))
        row.removed.connect(self._remove)
        row.edit_requested.connect(self.edit_observation)
        row.set_editable(self.observation_text.isEnabled())
        self._observed.append(row)
        self.observed_list.addWidget(row)

    def _checked_services(self) -> tuple[str, ...]:
        ids = []
        for i in range(self.services.count()):
            item = self.services.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def _tick_services(self, chosen: Sequence[str]) -> None:
        for i in range(self.services.count()):
            item = self.services.item(i)
            on = str(item.data(Qt.ItemDataRole.UserRole)) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _reset_entry(self) -> None:
        """Empty words, the middle severity, nothing ticked: a new observation starts here."""
        if self._editing is not None:
            self._editing.set_being_changed(False)
        self._editing = None
        self.observation_text.clear()
        self.severity.setCurrentIndex(self.severity.findData(Severity.MODERATE.value))
        self._tick_services(())
        self.observation_error.hide()
        self.add_button.setText(self.tr("Add"))
        self.cancel_button.hide()

    def add_observation(self) -> None:
        """Add the observation typed in, or save the changes to the one being changed."""
        text = " ".join(self.observation_text.text().split())
        self.observation_error.hide()
        if not text:
            self.observation_text.setFocus()
            return
        if contains_rrn(text):
            self.observation_error.setText(message_for("rrn_refused"))
            self.observation_error.show()
            return
        others = [r for r in self._observed if r is not self._editing]
        if any(" ".join(r.risk.text.split()).casefold() == text.casefold() for r in others):
            self.observation_error.setText(self.tr("This observation is already listed."))
            self.observation_error.show()
            return
        risk = ObservedRisk(text, str(self.severity.currentData()), self._checked_services())
        editing = self._editing
        if editing is None:
            self._append(risk)
        elif risk != editing.risk:
            editing.show_risk(risk, self._row_text(risk))
        else:
            self._reset_entry()
            return  # nothing changed: nothing to save
        self._reset_entry()
        self.changed.emit()

    def edit_observation(self, row: ObservedRow) -> None:
        """Put an observation back into the fields above, to change its words, its severity
        or the services ticked for it; Add becomes "Save changes"."""
        if row not in self._observed or not self.observation_text.isEnabled():
            return
        risk = row.risk
        if self._editing is not None:
            self._editing.set_being_changed(False)
        self._editing = row
        row.set_being_changed(True)
        self.observation_text.setText(risk.text)
        index = self.severity.findData(risk.severity)
        self.severity.setCurrentIndex(
            index if index >= 0 else self.severity.findData(Severity.MODERATE.value)
        )
        self._tick_services(risk.services)
        self.observation_error.hide()
        self.add_button.setText(self.tr("Save changes"))
        self.cancel_button.show()
        self.observation_text.setFocus()

    def cancel_edit(self) -> None:
        self._reset_entry()

    def editing(self) -> ObservedRisk | None:
        return self._editing.risk if self._editing is not None else None

    def _remove(self, row: ObservedRow) -> None:
        if row is self._editing:
            self._reset_entry()
        self._observed.remove(row)
        row.hide()
        row.deleteLater()
        self.changed.emit()

    # --- state ------------------------------------------------------------------------------------

    def answers(self) -> dict[str, str | list[str]]:
        result: dict[str, str | list[str]] = {}
        for question_id, widget in self.questions.items():
            value = widget.value()
            if value is not None:
                result[question_id] = value
        return result

    def observed(self) -> tuple[ObservedRisk, ...]:
        return tuple(row.risk for row in self._observed)

    def set_state(
        self, answers: Mapping[str, str | Sequence[str]], observed: Sequence[ObservedRisk]
    ) -> None:
        """Show a saved consultation's answers. Answers to questions this form no longer has
        are left out of the panel (the consultation keeps them until it is saved again). Emits
        nothing."""
        for question_id, widget in self.questions.items():
            widget.set_value(answers.get(question_id))
        # What was typed or ticked for one consultation never carries over into the next one.
        self._reset_entry()
        for row in self._observed:
            row.hide()
            row.deleteLater()
        self._observed.clear()
        for risk in observed:
            self._append(risk)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.questions.values():
            widget.set_read_only(read_only)
        if read_only:
            self._reset_entry()
        for control in (
            self.observation_text,
            self.severity,
            self.services,
            self.add_button,
            self.cancel_button,
        ):
            control.setEnabled(not read_only)
        for row in self._observed:
            row.set_editable(not read_only)
