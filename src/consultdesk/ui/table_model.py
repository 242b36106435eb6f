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

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


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
