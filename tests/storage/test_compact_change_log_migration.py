"""Migration 0011: a database from before keeps only its unsent change rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from consultdesk.storage import field_clock, schema
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
            left = field_clock.unsent_rows(conn)
        assert [row.record_id for row in left] == ["r3", "r4"]


def test_0015_keeps_every_change_row_in_order_even_one_field_clock_does_not_name(
    tmp_path: Path,
) -> None:
    """Migration 0015 numbers the change rows. Its rows name a record and a field no field
    state names (sync_name and sync_record get them), a base of another device, and a
    tombstone; they read back as the same texts, oldest first. A row marked sent (bundle_seq,
    none since 0011) is not copied."""
    rows = [
        ("resident", "r-2", "name", '"김민수"', "0000000000000009-0000-aa", "aa", None),
        ("resident", "r-1", "phone", '"010-1234-5678"', "0000000000000010-0003-aa", "aa",
         "0000000000000004-0001-bb"),
        ("consultation", "c-1", "advice", '"물 자주 드세요"', "0000000000000011-0000-aa", "aa",
         None),
        ("resident", "r-2", "__deleted__", "true", "0000000000000012-0000-aa", "aa",
         "0000000000000009-0000-aa"),
    ]  # fmt: skip
    with database_at(tmp_path / "old.db", "0014") as db:
        with db.session() as s:
            for seq, row in zip((5, 2, 9, 11), rows, strict=True):
                s.execute(
                    text(
                        "INSERT INTO change_log (seq, entity, record_id, field, value, hlc, "
                        "device, base_hlc) VALUES (:seq, :e, :r, :f, :v, :h, :d, :b)"
                    ),
                    dict(zip(("e", "r", "f", "v", "h", "d", "b"), row, strict=True), seq=seq),
                )
            s.execute(
                text(
                    "INSERT INTO change_log (seq, entity, record_id, field, value, hlc, device, "
                    "bundle_seq) VALUES (13, 'resident', 'r-1', 'name', '\"보낸 값\"', "
                    "'0000000000000013-0000-aa', 'aa', 4)"
                )
            )
        schema.upgrade(db)
        assert schema.current_revision(db) == schema.HEAD_REVISION
        with db.engine.connect() as conn:
            after = field_clock.unsent_rows(conn)
            only_aa = field_clock.unsent_rows(conn, "aa", limit=2)
            columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(change_log)")]
        assert [tuple(row) for row in after] == [rows[1], rows[0], rows[2], rows[3]]
        assert [tuple(row) for row in only_aa] == [rows[1], rows[0]]
        assert "record_id" not in columns and "bundle_seq" not in columns
