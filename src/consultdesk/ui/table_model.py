"""One base for the read-only tables: a list of rows, headers named once, cells by role.

A model lists its headers as QT_TRANSLATE_NOOP texts in its own class name's context (the
context its ``self.tr()`` calls use, so the catalogues need nothing new) and unpacks its
column constants from them::

    class FollowUpModel(ReadOnlyTableModel):
        HEADERS = (
            QT_TRANSLATE_NOOP("FollowUpModel", "Resident"),
            QT_TRANSLATE_NOOP("FollowUpModel", "Phone"),
        )
        RESIDENT, PHONE = range(len(HEADERS))

A header added without its constant (or the other way round) fails when the module is
imported, and ``columnCount`` is the number of headers, so the three cannot disagree.
``data()`` checks the index once and asks ``role_data(row, column, role)`` for a cell that
exists. A model whose columns depend on its data (the measures) overrides ``headers()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


def answer_roles(
    roles: QModelRoleDataSpan | QModelRoleData, value_of: Callable[[int], Any]
) -> None:
    """Fill the roles a multiData() call asks for with ``value_of(role)``.

    Qt 6's item delegate asks a painted cell's seven roles (font, alignment, colours, check,
    icon, text, background) in one multiData() call; each call from C++ into Python costs more
    than answering it, so a model that answers all seven at once draws its cells in half the
    time. The delegate reuses its span from cell to cell: a role without a value is cleared,
    never left as the previous cell had it."""
    items = [roles] if isinstance(roles, QModelRoleData) else cast(Iterable[QModelRoleData], roles)
    for item in items:
        value = value_of(item.role())
        if value is None:
            item.clearData()
        else:
            item.setData(value)


class ReadOnlyTableModel(QAbstractTableModel):
    """Rows in ``self.rows``; ``set_rows()`` replaces them all (one model reset)."""

    HEADERS: ClassVar[tuple[object, ...]] = ()  # QT_TRANSLATE_NOOP texts (typed object)
    # The translation context of HEADERS: the class that lists them (set below).
    CONTEXT: ClassVar[str] = "ReadOnlyTableModel"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "HEADERS" in cls.__dict__ and "CONTEXT" not in cls.__dict__:
            cls.CONTEXT = cls.__name__

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.after_rows_set()
        self.endResetModel()

    def after_rows_set(self) -> None:
        """Work out what the cells need once per reset (a view asks data() on every paint)."""

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(self.CONTEXT, str(text)) for text in self.HEADERS]

    def column_count(self) -> int:
        # Without translating: data() asks for it on every cell.
        return len(self.HEADERS) if self.HEADERS else len(self.headers())

    # --- QAbstractItemModel ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.headers()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self.rows) and 0 <= column < self.column_count()):
            return None
        return self.role_data(row, column, role)

    def role_data(self, row: int, column: int, role: int) -> Any:
        """What one existing cell shows for `role`; None for roles it leaves to the view."""
        return None
