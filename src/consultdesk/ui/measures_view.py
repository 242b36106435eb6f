"""성과 지표 (shared measures): a period, centre and pharmacist filters, the indicators
as a table (the whole period and each group), monthly charts and progress towards the goals.

A number in the table opens the list of residents or referrals behind it (written to the access
log); with "De-identified" ticked the table shows what a funder would get: small numbers
suppressed and no lists. The computation runs off the GUI thread (services.measures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import measures as svc
from consultdesk.services import measures_files
from consultdesk.services.centres import list_centres
from consultdesk.services.measures import Cell, GroupBy, MeasuresReport, ReportRequest
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.i18n import current_language
from consultdesk.ui.messages import error_text, problem_text
from consultdesk.ui.table_model import ReadOnlyTableModel
from consultdesk.ui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
AREA_TINT = style.brush(style.Tint.AREA)
SUPPRESSED = style.brush(style.Tint.SUPPRESSED_TEXT)
# The goals chart's axis ends at twice the goal; a bar past it is cut there and keeps its label.
GOAL_AXIS_MAX = 200.0

_AREAS = {
    "people": QT_TRANSLATE_NOOP("MeasuresModel", "People and visits"),
    "medicines": QT_TRANSLATE_NOOP("MeasuresModel", "Medicines"),
    "problems": QT_TRANSLATE_NOOP("MeasuresModel", "Problems and flags"),
    "social": QT_TRANSLATE_NOOP("MeasuresModel", "Social risks"),
    "referrals": QT_TRANSLATE_NOOP("MeasuresModel", "Referrals"),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _t(text: str) -> str:
    return QCoreApplication.translate("MeasuresView", text)


def _lang() -> str:
    return "ko" if current_language() == "ko" else "en"


@dataclass(frozen=True)
class _Row:
    indicator: svc.Indicator
    category: str  # "" for the total; "__area__" for an area heading


def format_value(cell: Cell | None, report: MeasuresReport) -> str:
    return report.text(cell)


class MeasuresModel(ReadOnlyTableModel):
    """Rows: the indicators by area, each followed by its parts; columns: the indicator, the
    whole period, then the groups."""

    def __init__(self) -> None:
        super().__init__()
        self.total: MeasuresReport | None = None
        self.grouped: MeasuresReport | None = None
        self.rows: list[_Row] = []

    def set_reports(self, total: MeasuresReport, grouped: MeasuresReport | None) -> None:
        self.beginResetModel()
        self.total, self.grouped = total, grouped
        self.rows = []
        area = ""
        for indicator in total.measures.indicators:
            if indicator.group != area:
                area = indicator.group
                self.rows.append(_Row(indicator, "__area__"))
            self.rows.append(_Row(indicator, ""))
            categories = list(total.categories(indicator.id))
            for category in grouped.categories(indicator.id) if grouped else ():
                if category not in categories:
                    categories.append(category)
            self.rows += [_Row(indicator, c) for c in categories]
        self.endResetModel()

    def groups(self) -> list[svc.Group]:
        if self.grouped is None or self.grouped.by is GroupBy.ALL:
            return []
        return list(self.grouped.groups)

    def headers(self) -> list[str]:
        if self.total is None:
            return []
        groups = [group.label(_lang()) for group in self.groups()]
        return [self.tr("Indicator"), self.tr("Whole period"), *groups]

    def column_count(self) -> int:
        return 0 if self.total is None else 2 + len(self.groups())

    def report_for(self, column: int) -> tuple[MeasuresReport | None, str]:
        if column == 1:
            return self.total, "all"
        groups = self.groups()
        if 2 <= column < 2 + len(groups):
            return self.grouped, groups[column - 2].key
        return None, ""

    def cell_at(self, index: Index) -> tuple[MeasuresReport, Cell] | None:
        if not index.isValid() or index.column() == 0:
            return None
        row = self.rows[index.row()]
        if row.category == "__area__":
            return None
        report, group = self.report_for(index.column())
        if report is None:
            return None
        cell = report.cell(row.indicator.id, group, row.category)
        return (report, cell) if cell is not None else None

    def role_data(self, row_number: int, column: int, role: int) -> Any:
        if self.total is None:
            return None
        row = self.rows[row_number]
        lang = _lang()
        if row.category == "__area__":
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return self.tr(str(_AREAS.get(row.indicator.group, row.indicator.group)))
            if role == Qt.ItemDataRole.BackgroundRole:
                return AREA_TINT
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                if row.category:
                    label = self.total.measures.category_text(row.indicator, row.category, lang)
                    return f"    {label}"
                return row.indicator.title(lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.indicator.definition(lang)
            return None
        found = self.cell_at(self.index(row_number, column))
        if role == Qt.ItemDataRole.DisplayRole:
            if found is None and row.category and row.indicator.aggregate == "sum":
                return "0"  # a part this group never saw
            return format_value(found[1], found[0]) if found else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and found and found[1].suppressed:
            return SUPPRESSED
        if role == Qt.ItemDataRole.ToolTipRole and found and found[1].subjects:
            return self.tr("Click to list them")
        if role == Qt.ItemDataRole.ToolTipRole and found and found[1].suppressed:
            k = found[0].suppress_below
            if found[1].secondary:
                return self.tr(
                    'Hidden as well, so that a "<{k}" beside it cannot be worked out '
                    "from a total minus the others"
                ).format(k=k)
            return self.tr("Fewer than {k} residents: hidden when de-identified").format(k=k)
        return None


def _chart_view(title: str) -> tuple[QChartView, QChart]:
    """A chart view with the chart it made itself: the view owns it on the C++ side, so
    nothing in Python can delete it a second time when the window closes."""
    view = QChartView()
    chart = view.chart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(chart.margins() * 0)
    return view, chart


class MeasuresView(QWidget):
    resident_requested = Signal(str)
    computed = Signal()  # the table and charts show a new result (tests wait for it)
    filters_ready = Signal()  # the centre and pharmacist lists are filled

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.today = date.today()
        self.total: MeasuresReport | None = None
        self.grouped: MeasuresReport | None = None
        self.monthly: MeasuresReport | None = None
        self._generation = 0
        self._active = False  # set when the area is first shown (refresh)

        self.preset = QComboBox()
        for key, text in (
            ("this_year", self.tr("This year")),
            ("last_year", self.tr("Last year")),
            ("this_quarter", self.tr("This quarter")),
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("custom", self.tr("Custom range")),
        ):
            self.preset.addItem(text, key)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.by = QComboBox()
        for value, text in (
            (GroupBy.MONTH, self.tr("By month")),
            (GroupBy.QUARTER, self.tr("By quarter")),
            (GroupBy.YEAR, self.tr("By year")),
            (GroupBy.CENTRE, self.tr("By welfare centre")),
            (GroupBy.PHARMACIST, self.tr("By pharmacist")),
            (GroupBy.AGE_BAND, self.tr("By age band")),
            (GroupBy.SEX, self.tr("By sex")),
        ):
            self.by.addItem(text, value.value)
        self.centre = QComboBox()
        self.pharmacist = QComboBox()
        self.deidentified = QCheckBox(self.tr("De-identified"))
        self.deidentified.setToolTip(
            self.tr("As a funder gets it: small numbers suppressed, no names behind the numbers")
        )
        # The small-number threshold (a setting, services.measures.set_suppress_below).
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setPrefix("<")
        self.threshold.setValue(5)
        self.threshold.setToolTip(
            self.tr(
                "De-identified cells resting on fewer residents than this are suppressed "
                "(a setting of this laptop)"
            )
        )
        self.export_button = QPushButton(self.tr("Export…"))
        self.status = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.preset)
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.end_edit)
        bar.addWidget(self.by)
        bar.addWidget(self.centre, 1)
        bar.addWidget(self.pharmacist, 1)
        bar.addWidget(self.deidentified)
        bar.addWidget(self.threshold)
        bar.addWidget(self.export_button)

        self.model = MeasuresModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.clicked.connect(self._drill)

        self.consultations_view, self.consultations_chart = _chart_view(
            self.tr("Consultations and residents by month")
        )
        self.goals_view, self.goals_chart = _chart_view(self.tr("Progress towards the goals"))
        for view in (self.consultations_view, self.goals_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)

        self.drill_title = QLabel(self.tr("Click a number to see who is behind it."))
        self.drill_title.setWordWrap(True)
        self.drill_list = QListWidget()
        self.drill_list.itemActivated.connect(self._open_subject)
        self.drill_list.itemDoubleClicked.connect(self._open_subject)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill_list, 1)

        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.consultations_view)
        charts.addWidget(self.goals_view)
        charts.addWidget(drill)
        charts.setSizes([260, 200, 160])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.table)
        body.addWidget(charts)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([700, 480])

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Shared measures"))
        style.title(title)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(body, 1)
        layout.addWidget(self.status)

        self._apply_preset()
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        for combo in (self.by, self.centre, self.pharmacist):
            combo.currentIndexChanged.connect(self.recompute)
        self.deidentified.toggled.connect(self._show)
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.export_button.clicked.connect(self.export)

    # --- period ---------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        start = self.start_edit.date()
        end = self.end_edit.date()
        return date(start.year(), start.month(), start.day()), date(
            end.year(), end.month(), end.day()
        )

    def set_period(self, start: date, end: date) -> None:
        self._setting = True
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self._setting = False
        self.recompute()

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        t = self.today
        if key == "custom":
            return
        if key == "this_year":
            start, end = date(t.year, 1, 1), date(t.year, 12, 31)
        elif key == "last_year":
            start, end = date(t.year - 1, 1, 1), date(t.year - 1, 12, 31)
        elif key == "this_quarter":
            q = (t.month - 1) // 3
            start = date(t.year, q * 3 + 1, 1)
            end = date(t.year + (q == 3), (q * 3 + 3) % 12 + 1, 1) - timedelta(days=1)
        elif key == "this_month":
            start = t.replace(day=1)
            end = date(t.year + (t.month == 12), t.month % 12 + 1, 1) - timedelta(days=1)
        else:
            end = t.replace(day=1) - timedelta(days=1)
            start = end.replace(day=1)
        self._setting = True
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self._setting = False
        self.recompute()

    def _dates_edited(self) -> None:
        if getattr(self, "_setting", False):
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.recompute()

    # --- computing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Called when the area is shown: the filters' lists (read in the background: who
        recorded each session is a look-up per session), and the numbers."""
        self._active = True
        self.load_filters()
        self.recompute()

    def load_filters(self) -> None:
        ws = self.ws
        _, end = self.period()

        def work() -> tuple[list[tuple[str, str]], list[svc.PharmacistChoice]]:
            centres = [(c.id, c.name) for c in list_centres(ws)]
            return centres, svc.pharmacists(ws, end)

        run_task(work, self._fill_filters, self._filters_failed)

    def _filters_failed(self, error: Exception) -> None:
        if isValid(self):
            self.status.setText(error_text(error))

    def _fill_filters(
        self, lists: tuple[list[tuple[str, str]], list[svc.PharmacistChoice]]
    ) -> None:
        if not isValid(self):
            return
        centres, pharmacists = lists
        for combo in (self.centre, self.pharmacist):
            combo.blockSignals(True)
        kept_centre, kept_pharmacist = self.centre.currentData(), self.pharmacist.currentData()
        self.centre.clear()
        self.centre.addItem(self.tr("All welfare centres"), None)
        for centre_id, name in centres:
            self.centre.addItem(name, centre_id)
        self.pharmacist.clear()
        self.pharmacist.addItem(self.tr("All pharmacists"), None)
        for p in pharmacists:
            self.pharmacist.addItem(p.name, p.device)
        for combo, kept in ((self.centre, kept_centre), (self.pharmacist, kept_pharmacist)):
            found = combo.findData(kept)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
        self.filters_ready.emit()

    def request(self) -> ReportRequest:
        start, end = self.period()
        return ReportRequest(
            start,
            end,
            GroupBy(self.by.currentData()),
            centre_id=self.centre.currentData(),
            pharmacist=self.pharmacist.currentData(),
            today=self.today,
        )

    def recompute(self) -> None:
        # Nothing is counted before the area is first shown: a main window that starts up
        # must not spend its first seconds on a screen nobody opened.
        if getattr(self, "_setting", False) or not self._active:
            return
        request = self.request()
        start, end = request.start, request.end
        if end < start:
            self.status.setText(self.tr("The end of the period is before its start."))
            return
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Counting…"))
        ws = self.ws
        bys = (GroupBy.ALL, request.by, GroupBy.MONTH)

        def work() -> list[MeasuresReport]:
            return svc.compute_reports(ws, request, bys)

        run_task(
            work,
            lambda reports: self._computed(generation, reports),
            lambda error: self._failed(generation, error),
        )

    def _computed(self, generation: int, reports: list[MeasuresReport]) -> None:
        # The window may have closed while counting: its charts are gone with it.
        if not isValid(self) or generation != self._generation:
            return
        self.total, self.grouped, self.monthly = reports
        self.threshold.blockSignals(True)
        self.threshold.setValue(self.total.suppress_below)  # the setting when counted
        self.threshold.blockSignals(False)
        self._show()

    def _threshold_changed(self, value: int) -> None:
        ws = self.ws
        run_task(lambda: svc.set_suppress_below(ws, value), lambda _: None, self._filters_failed)
        if self.deidentified.isChecked():
            self._show()

    def _failed(self, generation: int, error: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        if isinstance(error, ValidationFailed):
            self.status.setText(" ".join(problem_text(p) for p in error.problems))
            return
        self.status.setText(error_text(error))

    def shown_reports(self) -> tuple[MeasuresReport, MeasuresReport, MeasuresReport] | None:
        if self.total is None or self.grouped is None or self.monthly is None:
            return None
        reports = (self.total, self.grouped, self.monthly)
        if self.deidentified.isChecked():
            # Suppressed as one table: the screen shows all three side by side.
            total, grouped, monthly = svc.deidentify_together(reports, self.threshold.value())
            return total, grouped, monthly
        return reports

    def _show(self) -> None:
        shown = self.shown_reports()
        if shown is None:
            return
        total, grouped, monthly = shown
        self.model.set_reports(total, grouped)
        self.table.setColumnWidth(0, 290)
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            # Wide enough for its heading: a welfare centre's name is longer than a month.
            self.table.setColumnWidth(column, max(86, header.sectionSizeHint(column)))
        self._draw_consultations(monthly)
        self._draw_goals(total)
        self.drill_list.clear()
        self.drill_title.setText(
            self.tr("De-identified: no lists behind the numbers.")
            if total.deidentified
            else self.tr("Click a number to see who is behind it.")
        )
        start, end = self.period()
        self.status.setText(
            self.tr("{start} to {end}: {sessions} consultations, {residents} residents").format(
                start=start.isoformat(),
                end=end.isoformat(),
                sessions=format_value(total.cell("sessions"), total),
                residents=format_value(total.cell("residents_reached"), total),
            )
        )
        self.computed.emit()

    # --- charts ---------------------------------------------------------------------------

    def _draw_consultations(self, monthly: MeasuresReport) -> None:
        chart = self.consultations_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        lang = _lang()
        months = []
        for g in monthly.groups:
            month = int(g.key[5:7])
            months.append(f"{month}월" if lang == "ko" else _MONTHS_EN[month - 1])
        bars = QBarSeries()
        top = 0.0
        monthly_bars = (("sessions", style.SERIES[0]), ("residents_reached", style.SERIES[1]))
        for indicator, colour in monthly_bars:
            bar_set = QBarSet(monthly.measures.get(indicator).title(lang))
            bar_set.setColor(QColor(colour))
            for g in monthly.groups:
                value = monthly.value(indicator, g.key) or 0.0
                top = max(top, value)
                bar_set.append(value)
            bars.append(bar_set)
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(monthly.measures.get("referrals_sent").title(lang))
        line.setColor(QColor(style.SERIES[2]))
        for n, g in enumerate(monthly.groups):
            value = monthly.value("referrals_sent", g.key) or 0.0
            top = max(top, value)
            line.append(n, value)
        chart.addSeries(line)
        x_axis = QBarCategoryAxis()
        x_axis.append(months)
        small = QFont()
        small.setPointSize(7)
        x_axis.setLabelsFont(small)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(1.0, top * 1.1))
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%d")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, line):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

    def goal_progress(self, report: MeasuresReport) -> list[tuple[str, float]]:
        """(title, percent of the goal reached) for each indicator with a goal; a yearly goal
        is scaled to the length of the period."""
        start, end = report.start, report.end
        days = (end - start).days + 1
        out = []
        for indicator in report.measures.indicators:
            if indicator.goal is None:
                continue
            goal = indicator.goal * (days / 365 if indicator.goal_per == "year" else 1)
            title = indicator.title(_lang())
            cell = report.cell(indicator.id)
            if cell is not None and cell.suppressed:
                # No bar for a suppressed number: the title says why.
                out.append((f"{title} ({report.text(cell)})", 0.0))
                continue
            value = report.value(indicator.id) or 0.0
            percent = 100 * value / goal if goal else 0.0
            out.append((title, percent))
        return out

    def _draw_goals(self, total: MeasuresReport) -> None:
        chart = self.goals_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        progress = self.goal_progress(total)
        reached = QBarSet(self.tr("% of the goal for the period"))
        reached.setColor(QColor(style.SERIES[0]))
        for _, percent in progress:
            reached.append(round(percent))
        series = QHorizontalBarSeries()
        series.append(reached)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        # At the bar's start: a bar past the axis's end is cut there, its label still shows.
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideBase)
        chart.addSeries(series)
        y_axis = QBarCategoryAxis()
        y_axis.append([title for title, _ in progress])
        x_axis = QValueAxis()
        # Up to twice the goal: one goal far exceeded (70 times over, a goal set for a small
        # team read over a big one) would shrink every other bar to nothing.
        top = min(GOAL_AXIS_MAX, max([150.0] + [p for _, p in progress]))
        x_axis.setRange(0, 50 * -(-top // 50))
        x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        x_axis.setTickAnchor(0)
        x_axis.setTickInterval(50)
        x_axis.setLabelFormat("%d%%")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)
        chart.legend().hide()

    # --- drill-down -----------------------------------------------------------------------

    def _drill(self, index: QModelIndex) -> None:
        found = self.model.cell_at(index)
        self.drill_list.clear()
        if found is None:
            return
        report, cell = found
        if report.deidentified:
            self.drill_title.setText(self.tr("De-identified: no lists behind the numbers."))
            return
        lines = svc.subjects_of(self.ws, report, cell)
        indicator = report.measures.get(cell.indicator)
        if svc.lists_referrals(report, cell):
            title = self.tr("{indicator}: %Ln referral(s)", "", len(lines))
        else:
            title = self.tr("{indicator}: %Ln resident(s)", "", len(lines))
        name = indicator.title(_lang())
        if cell.category:  # a breakdown's row: the part clicked, not the whole indicator
            part = report.measures.category_text(indicator, cell.category, _lang())
            name = self.tr("{indicator} — {part}").format(indicator=name, part=part)
        self.drill_title.setText(title.format(indicator=name))
        for line in lines:
            text = f"{line.reference}  {line.name}" if line.reference else line.name
            if line.reason:
                text = f"{text} — {line.reason}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line.resident_id)
            self.drill_list.addItem(item)

    def _open_subject(self, item: QListWidgetItem) -> None:
        resident_id = item.data(Qt.ItemDataRole.UserRole)
        if resident_id:
            self.resident_requested.emit(resident_id)

    # --- export ---------------------------------------------------------------------------

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: Path) -> Path | None:
        """Seam for tests: where to save, and so in which format (by the file's ending)."""
        name, chosen = QFileDialog.getSaveFileName(
            parent,
            _t("Export shared measures"),
            str(suggested),
            "Excel (*.xlsx);;PDF (*.pdf);;JSON (*.json);;CSV (*.csv)",
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".pdf", ".json", ".csv"):
            path = path.with_suffix("." + chosen.split("*.")[-1].rstrip(")"))
        return path

    @classmethod
    def ask_reason(cls, parent: QWidget) -> str | None:
        """Seam for tests: why an identified report is downloaded (ui/download_reason.py)."""
        from consultdesk.ui.download_reason import DownloadReasonDialog

        what = QCoreApplication.translate("MeasuresView", "The measures report")
        return DownloadReasonDialog.ask(what, parent)

    def export(self) -> None:
        shown = self.shown_reports()
        if shown is None:
            return
        total, grouped, _ = shown
        start, end = self.period()
        suggested = Path.home() / f"measures-{start.isoformat()}-{end.isoformat()}.xlsx"
        path = self.choose_file(self, suggested)
        if path is None:
            return
        fmt = path.suffix.lower().lstrip(".")
        reason = ""
        if not (grouped.deidentified or fmt == "json"):  # a report with names and small counts
            asked = self.ask_reason(self)
            if asked is None:
                return
            reason = asked
        lang = _lang()
        ws = self.ws

        def work() -> Path:
            out = measures_files.write_report(grouped, path, fmt, lang, total)
            event = ws.audit("export", "measures", fmt, None)
            event.reason = reason
            event.detail = f"{start}..{end} by {grouped.by.value}" + (
                " deidentified" if grouped.deidentified or fmt == "json" else ""
            )
            with ws.db.session() as s:
                s.add(event)
            return out

        self.export_button.setEnabled(False)
        run_task(work, self._exported, self._export_failed)

    def _exported(self, path: Path) -> None:
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Saved: {file}").format(file=path.name))

    def _export_failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        self.status.setText(error_text(error))
