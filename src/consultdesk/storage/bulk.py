"""Many new rows at once through the driver's ``executemany`` (demo data, imports).

The ORM's bulk insert spends more time on per-row bookkeeping than SQLite spends writing
the rows; this writes the same values (each column type's bind conversion, and the Python-side
scalar default of a column a row leaves out) as plain parameter tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (column name -> value) into ``table`` in this session's transaction."""
    if not rows:
        return
    session.flush()  # rows the ORM still holds go first (their children may follow here)
    dialect = session.get_bind().dialect
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    for keys, group in groups.items():
        given = set(keys)
        fills: dict[str, Any] = {}
        for column in table.columns:
            if column.name in given or column.default is None:
                continue
            if not getattr(column.default, "is_scalar", False):
                # A computed default: let SQLAlchemy work it out, row by row.
                session.execute(insert(table), group)
                break
            fills[column.name] = column.default.arg  # type: ignore[attr-defined]
        else:
            names = [*keys, *fills]
            procs: list[Callable[[Any], Any] | None] = [
                table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
            ]
            extra = tuple(fills.values())
            pick = itemgetter(*keys)
            if len(keys) == 1:
                params: list[Any] = [(pick(row), *extra) for row in group]
            elif extra:
                params = [(*pick(row), *extra) for row in group]
            else:
                params = [pick(row) for row in group]
            converted = [(i, p) for i, p in enumerate(procs) if p is not None]
            if converted:
                params = [list(values) for values in params]
                for values in params:
                    for i, p in converted:
                        values[i] = p(values[i])
            columns = ", ".join(f'"{n}"' for n in names)
            marks = ", ".join("?" * len(names))
            cursor = raw.cursor()
            try:
                cursor.executemany(
                    f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', params
                )
            finally:
                cursor.close()


def insert_tuples(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows given as tuples of already converted values (text, numbers, None), in
    the order of ``columns``."""
    if not rows:
        return
    session.flush()
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    names = ", ".join(f'"{n}"' for n in columns)
    marks = ", ".join("?" * len(columns))
    cursor = raw.cursor()
    try:
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    finally:
        cursor.close()


@contextmanager
def bulk_cache(session: Session, mib: int = 256) -> Iterator[None]:
    """A large page cache for this session's connection while a bulk fill writes: the pages
    of a transaction of tens of thousands of records stay in memory until its commit instead
    of spilling to the log half-written. Only memory; durability is unchanged. The
    connection's own size is put back afterwards (it returns to the pool)."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = {-mib * 1024}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(before)}")
