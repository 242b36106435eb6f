"""SQL is built and run in consultdesk.storage only (a repository per aggregate); the services
call the repositories and hand the screens domain values, never SQLModel rows.

ruff's banned-api (TID251, pyproject.toml) refuses ``select``, ``text``, ``insert`` … imported
outside storage, and lint-imports keeps sqlalchemy, sqlmodel and storage out of the ui; this
finds what neither can see: a statement run on a session or a connection (``s.exec(q)``,
``conn.execute(…)``) whatever built it, and a service answering with a table row.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import typing
from pathlib import Path

from sqlmodel import Session, SQLModel

from consultdesk.storage import models

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "consultdesk"
RUNS_SQL = {"exec", "execute", "executemany", "exec_driver_sql", "scalar", "scalars"}
# Files still allowed to run their own SQL (none now: every statement runs in storage). A file
# named here would also need its TID251 exemption in pyproject.toml.
STILL_EXEMPT: set[str] = set()


def _sql_calls(path: Path) -> list[str]:
    """Calls of a statement-running method with an argument (Qt's ``dialog.exec()`` has none)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno} .{node.func.attr}(…)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in RUNS_SQL
        and (node.args or node.keywords)
    ]


def test_statements_run_in_storage_only():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "storage" or relative.as_posix() in STILL_EXEMPT:
            continue
        found += _sql_calls(path)
    assert found == [], "move these into a repository in consultdesk/storage:\n" + "\n".join(found)


TABLES = {
    name
    for name, value in vars(models).items()
    if inspect.isclass(value) and issubclass(value, SQLModel) and value is not SQLModel
}


def _mentions_table_row(hint: object) -> bool:
    if isinstance(hint, str):  # not resolvable at run time: judge by the names written
        return any(name in TABLES for name in re.findall(r"\w+", hint))
    if inspect.isclass(hint) and issubclass(hint, SQLModel):
        return True
    return any(_mentions_table_row(arg) for arg in typing.get_args(hint))


def _hints(function: object) -> dict[str, object]:
    try:
        return typing.get_type_hints(function)
    except NameError:  # a name imported for type checking only
        return dict(inspect.get_annotations(function))


def test_services_answer_with_domain_values_not_table_rows():
    """A service a screen can call (one that does not take the caller's session) returns no
    SQLModel row: the ui must never hold one."""
    offending = []
    for path in sorted((PACKAGE / "services").glob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in STILL_EXEMPT:
            continue
        module = importlib.import_module(f"consultdesk.services.{path.stem}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            hints = _hints(function)
            if any(hint is Session or hint == "Session" for hint in hints.values()):
                continue  # a helper inside another service's transaction
            if _mentions_table_row(hints.get("return")):
                offending.append(f"{module.__name__}.{name}")
    assert offending == []
