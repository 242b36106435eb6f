"""Migration 0011: a database from before keeps only its unsent change rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from consultdesk.storage import schema
from tests.storage.old_schema import database_at


def test_the_migration_drops_the_change_rows_already_sent(tmp_path: Path) -> None:
    with database_at(tmp_path / "old.db", "0010") as db:
        with db.session() as s:
            for n, sent in enumerate((1, 1, 2, None, None)):
                s.execute(
                    text(
                        "INSERT INTO change_log (entity, record_id, field, value, hlc, device, "
                        "bundle_seq) VALUES ('resident', :record, 'name', '\"김민수\"', :hlc, "
                        "'d', :sent)"
                    ),
                    {"record": f"r{n}", "hlc": f"{n:016d}-0000-d", "sent": sent},
                )
        schema.upgrade(db)
        assert schema.current_revision(db) == schema.HEAD_REVISION
        with db.engine.connect() as conn:
            left = conn.exec_driver_sql(
                "SELECT record_id, bundle_seq FROM change_log ORDER BY record_id"
            ).all()
        assert [tuple(row) for row in left] == [("r3", None), ("r4", None)]
