"""ix_resident_listed (migration 0014): every search of the residents list walks the index in
the list's order and reads no table row, so a broad search stops at the page's last row
instead of sorting every match (9,000 of the demo's 10,000 for "0")."""

from __future__ import annotations

import pytest

from consultdesk.storage.residents_repo import _COUNT, _LISTED, _ORDER, _where


@pytest.mark.parametrize("query", ["", "0", "010-02", "ㄱ", "김ㅁ", "김", "김 민"])
def test_each_search_walks_the_listing_index_without_sorting(workspace, query) -> None:
    where, params, _ = _where(query)
    with workspace.db.reading() as conn:
        plans = [
            " / ".join(
                row[3]
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", tuple(args)).all()
            )
            for sql, args in (
                (_LISTED + where + _ORDER + " LIMIT ?", [*params, 300]),
                (_COUNT + where, params),
            )
        ]
    listing, count = plans
    assert "COVERING INDEX ix_resident_listed" in listing, listing
    assert "TEMP B-TREE" not in listing, listing  # no sort: the index is in the list's order
    assert "COVERING INDEX ix_resident_listed" in count, count
