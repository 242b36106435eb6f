"""problem_count: each session's drug-related problems counted per category, kept by triggers

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:10:00

The shared measures count, per session, the live drug-related problems of each category and,
of them, those with an outcome written, with advice given and with the prescriber contacted.
Counting them from drug_problem means reading (and decrypting) every problem row, with its
description, for every report: 0.7 s of the 1.3 s all indicators took over the 10k/50k demo.
This small table holds the counts per session and category instead, one narrow row each; the
category is a column, not a column name, so a category this release does not know is counted
too. Triggers on drug_problem keep it current after every insert, update and delete, whoever
writes: a local save, the demo fill or a sync import alike. A problem counts while it is not
deleted. A row whose counts fell to zero stays (the reader leaves it out). Like medicine_count
(0010) the table is local, never synced: it is worked out from synced rows.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# What one drug_problem row ({r} is NEW or OLD) counts in each column besides ``problems``
# (always 1); as storage/measures_repo.py reads them.
_COUNTED = {
    "with_outcome": "(CASE WHEN trim({r}.outcome) <> '' THEN 1 ELSE 0 END)",
    "advice": "(CASE WHEN {r}.intervention = 'advice' THEN 1 ELSE 0 END)",
    "contact_prescriber": "(CASE WHEN {r}.intervention = 'contact_prescriber' THEN 1 ELSE 0 END)",
}
_COLUMNS = ", ".join(["problems", *_COUNTED])


def _add(r: str) -> str:
    values = ", ".join(["1", *(count.format(r=r) for count in _COUNTED.values())])
    sums = ", ".join(
        f"{column} = {column} + excluded.{column}" for column in ["problems", *_COUNTED]
    )
    return (
        f"INSERT INTO problem_count (consultation_id, category, {_COLUMNS}) "
        f"VALUES ({r}.consultation_id, {r}.category, {values}) "
        f"ON CONFLICT (consultation_id, category) DO UPDATE SET {sums};"
    )


def _take(r: str) -> str:
    less = ", ".join(
        f"{column} = {column} - {count.format(r=r)}" for column, count in _COUNTED.items()
    )
    return (
        f"UPDATE problem_count SET problems = problems - 1, {less} "
        f"WHERE consultation_id = {r}.consultation_id AND category = {r}.category;"
    )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE problem_count (consultation_id VARCHAR NOT NULL, "
        "category VARCHAR NOT NULL, problems INTEGER NOT NULL DEFAULT 0, "
        "with_outcome INTEGER NOT NULL DEFAULT 0, advice INTEGER NOT NULL DEFAULT 0, "
        "contact_prescriber INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY (consultation_id, category)) WITHOUT ROWID"
    )
    op.execute(
        "CREATE TRIGGER problem_count_insert AFTER INSERT ON drug_problem "
        f"WHEN NEW.deleted = 0 BEGIN {_add('NEW')} END"
    )
    op.execute(
        "CREATE TRIGGER problem_count_delete AFTER DELETE ON drug_problem "
        f"WHEN OLD.deleted = 0 BEGIN {_take('OLD')} END"
    )
    # An update takes the old row's counts away and adds the new row's, each if it counts.
    op.execute(
        "CREATE TRIGGER problem_count_update_old AFTER UPDATE ON drug_problem "
        f"WHEN OLD.deleted = 0 BEGIN {_take('OLD')} END"
    )
    op.execute(
        "CREATE TRIGGER problem_count_update_new AFTER UPDATE ON drug_problem "
        f"WHEN NEW.deleted = 0 BEGIN {_add('NEW')} END"
    )
    op.execute(
        f"INSERT INTO problem_count (consultation_id, category, {_COLUMNS}) "
        "SELECT consultation_id, category, count(*), sum(trim(outcome) <> ''), "
        "sum(intervention = 'advice'), sum(intervention = 'contact_prescriber') "
        "FROM drug_problem WHERE deleted = 0 GROUP BY consultation_id, category"
    )


def downgrade() -> None:
    for name in ("insert", "delete", "update_old", "update_new"):
        op.execute(f"DROP TRIGGER problem_count_{name}")
    op.execute("DROP TABLE problem_count")
