"""Create or edit a resident."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.dates import full_age, parse_date
from consultdesk.domain.resident import OLDEST_AGE, ResidentDraft, birth_year_only
from consultdesk.services import centres, residents
from consultdesk.services.workspace import Workspace
from consultdesk.ui.date_field import DateField
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.labels import dialog_buttons, living_options, sex_options


def _fill(combo: QComboBox, options: list[tuple[str, str]]) -> None:
    for key, label in options:
        combo.addItem(label, key)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class ResidentDialog(QDialog):
    def __init__(
        self, ws: Workspace, resident_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.resident_id = resident_id
        self.setWindowTitle(
            self.tr("New resident") if resident_id is None else self.tr("Edit resident")
        )
        self.name = QLineEdit()
        self.birth_date = DateField()
        self.birth_date.set_range(date(date.today().year - OLDEST_AGE, 1, 1), date.today())
        self.birth_date.setPlaceholderText(self.tr("1948-03-05, or the year alone: 1944"))
        self.birth_date.setToolTip(
            self.tr(
                "When the registered birthday is not the real one, type only the birth year "
                "(about): the age is then counted from the middle of that year."
            )
        )
        self.age = QLabel()
        self.sex = QComboBox()
        _fill(self.sex, sex_options())
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("010-1234-5678")
        self.district = QLineEdit()
        self.district.setPlaceholderText(self.tr("e.g. Seoul Gwanak-gu (district only)"))
        self.living = QComboBox()
        _fill(self.living, living_options())
        self.centre = QComboBox()
        self.case_worker = QComboBox()
        self.conditions = QLineEdit()
        self.conditions.setPlaceholderText(self.tr("e.g. hypertension, diabetes"))
        self.allergies = QPlainTextEdit()
        self.allergies.setPlaceholderText(self.tr("Allergies and past adverse reactions"))
        self.allergies.setTabChangesFocus(True)
        self.allergies.setFixedHeight(60)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.centre.addItem(self.tr("(none)"), None)
        for c in centres.list_centres(ws):
            self.centre.addItem(c.name, c.id)
        self.centre.currentIndexChanged.connect(self._centre_changed)
        self._centre_changed()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow("", self.age)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Living situation"), self.living)
        form.addRow(self.tr("Welfare centre"), self.centre)
        form.addRow(self.tr("Case worker"), self.case_worker)
        form.addRow(self.tr("Chronic conditions"), self.conditions)
        form.addRow(self.tr("Allergies"), self.allergies)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {
                "name": self.name,
                "birth_date": self.birth_date,
                "sex": self.sex,
                "phone": self.phone,
                "district": self.district,
                "living_situation": self.living,
                "centre_id": self.centre,
                "case_worker_id": self.case_worker,
                "chronic_conditions": self.conditions,
                "allergies": self.allergies,
                "notes": self.notes,
            },
        )
        buttons = dialog_buttons()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.birth_date.textChanged.connect(self._update_age)
        if resident_id is not None:
            self._load(resident_id)
        self.saved_id: str | None = None

    def _centre_changed(self) -> None:
        current = self.case_worker.currentData()
        self.case_worker.clear()
        self.case_worker.addItem(self.tr("(none)"), None)
        centre_id = self.centre.currentData()
        if centre_id:
            for w in centres.list_case_workers(self.ws, centre_id):
                self.case_worker.addItem(w.name, w.id)
        _select(self.case_worker, current)

    def _update_age(self) -> None:
        year = birth_year_only(self.birth_date.text())
        if year is not None and 0 <= date.today().year - year <= OLDEST_AGE:
            # Only the year is known: the age is "about", within a year.
            self.age.setText(
                self.tr("About {age} (only the birth year is known)").format(
                    age=date.today().year - year
                )
            )
            return
        birth = parse_date(self.birth_date.text())
        if birth is None or birth > date.today():
            self.age.clear()
        else:
            self.age.setText(
                self.tr("Age {age} (full years, 만 나이)").format(age=full_age(birth, date.today()))
            )

    def _load(self, resident_id: str) -> None:
        detail = residents.open_resident(self.ws, resident_id)
        if detail is None:
            return
        d = residents.draft_from(detail)
        self.name.setText(d.name)
        self.birth_date.setText(d.birth_date)
        _select(self.sex, d.sex)
        self.phone.setText(d.phone)
        self.district.setText(d.district)
        _select(self.living, d.living_situation)
        _select(self.centre, d.centre_id)
        _select(self.case_worker, d.case_worker_id)
        self.conditions.setText(d.chronic_conditions)
        self.allergies.setPlainText(d.allergies)
        self.notes.setPlainText(d.notes)

    def draft(self) -> ResidentDraft:
        return ResidentDraft(
            name=self.name.text(),
            birth_date=self.birth_date.text(),
            sex=self.sex.currentData() or "",
            phone=self.phone.text(),
            district=self.district.text(),
            living_situation=self.living.currentData() or "",
            centre_id=self.centre.currentData(),
            case_worker_id=self.case_worker.currentData(),
            chronic_conditions=self.conditions.text(),
            allergies=self.allergies.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> None:
        saved = self.problems.attempt(
            lambda: residents.save_resident(self.ws, self.draft(), self.resident_id)
        )
        if saved is not None:
            self.saved_id = saved
            self.accept()

    @classmethod
    def ask(
        cls, ws: Workspace, resident_id: str | None = None, parent: QWidget | None = None
    ) -> str | None:
        dialog = cls(ws, resident_id, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
