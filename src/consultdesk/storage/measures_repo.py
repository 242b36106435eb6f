"""The few reads the shared measures need (services/measures.py), as plain SQL over the existing
tables: one pass per table, aggregated in SQLite where a row count is all that is needed, so
all indicators of a year over 50,000 sessions come from a handful of queries.

Only finished sessions count (final, or final and reopened for an amendment) and no tombstone
does. Who recorded a session or a referral is the device that wrote its first field (the
``resident_id`` field never changes after creation, so its field clock keeps that device).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlmodel import Session

from consultdesk.domain.consultation import ProblemCategory

FINISHED = ("final", "amending")
_FINISHED_SQL = "('final', 'amending')"


def _rows(s: Session, sql: str, params: dict[str, str] | None = None) -> list[tuple[Any, ...]]:
    """All rows at once through the driver's cursor: these reads return tens of thousands of
    plain tuples, and per-row result objects would cost more than the query."""
    raw = s.connection().connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(sql, params or {})
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return _parse_day(str(value)[:10])


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> date:
    # Tens of thousands of rows share a few hundred days.
    return date.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class ResidentFact:
    id: str
    centre_id: str | None
    sex: str
    birth_date: date | None


@dataclass(frozen=True, slots=True)
class ConsentFact:
    resident_id: str
    granted: bool
    decided_on: date
    withdrawn_on: date | None
    recorded_at: str


class SessionFact(NamedTuple):
    # Named tuples, not dataclasses, for the facts read by the ten thousand: a tuple is made
    # about four times faster than a frozen dataclass (50,000 sessions a year on the demo).
    id: str
    resident_id: str
    visit_date: date
    place: str
    device: str
    screening: str  # JSON as stored
    observed: str  # JSON as stored
    regular_taken: int = 0  # regular medicines the resident still takes after the session
    found: int = 0  # medicines with leftover doses or a storage problem written down
    disposed: int = 0


PROBLEM_CATEGORIES = tuple(c.value for c in ProblemCategory)


# A session's live drug-related problems, one row per category: (session id, category, problems,
# of them with an outcome written, with advice given, with the prescriber contacted), in the
# order of the categories' names. The category is any text (a newer release's, or one synced
# from elsewhere), so the caller counts whatever it finds.
ProblemRow = tuple[str, str, int, int, int, int]


class DecisionFact(NamedTuple):
    consultation_id: str
    flag_key: str
    status: str


@dataclass(frozen=True, slots=True)
class ReferralFact:
    id: str
    resident_id: str
    state: str
    sent_on: date | None
    acknowledged_on: date | None
    closed_on: date | None
    outcome: str
    reply_status: str
    services: str  # JSON list of service ids
    device: str


def residents(s: Session) -> list[ResidentFact]:
    rows = _rows(s, "SELECT id, centre_id, sex, birth_date FROM resident WHERE deleted = 0")
    return [ResidentFact(r[0], r[1], r[2] or "", _day(r[3])) for r in rows]


def health_consents(s: Session) -> list[ConsentFact]:
    rows = _rows(
        s,
        "SELECT resident_id, granted, decided_on, withdrawn_on, recorded_at FROM consent "
        "WHERE deleted = 0 AND kind = 'health_info'",
    )
    out = []
    for r in rows:
        decided = _day(r[2])
        if decided is not None:
            out.append(ConsentFact(r[0], bool(r[1]), decided, _day(r[3]), r[4] or ""))
    return out


def centre_names(s: Session) -> dict[str, str]:
    """Every centre, deleted ones too: a resident may still point at one."""
    return {r[0]: r[1] for r in _rows(s, "SELECT id, name FROM welfare_centre")}


def _sessions_query(end: date, devices: bool, select: str) -> tuple[str, dict[str, str]]:
    """The finished sessions up to ``end``, each as ``select`` puts the ten columns of a
    SessionFact (their SQL in ``{}``)."""
    who = (
        "(SELECT dn.name FROM sync_record sr JOIN field_clock fc ON fc.record = sr.id "
        "JOIN sync_name dn ON dn.id = fc.device WHERE sr.record_id = c.id "
        "AND sr.entity = (SELECT id FROM sync_name WHERE name = 'consultation') "
        "AND fc.field = (SELECT id FROM sync_name WHERE name = 'resident_id'))"
        if devices
        else "''"
    )
    columns = (
        "c.id, c.resident_id, substr(c.visit_date, 1, 10), coalesce(c.place, ''), "
        f"coalesce({who}, ''), coalesce(c.screening, ''), coalesce(c.observed, ''), "
        "coalesce(m.regular, 0), coalesce(m.found, 0), coalesce(m.disposed, 0)"
    )
    sql = (
        f"SELECT {select.format(columns)} FROM consultation c NOT INDEXED "
        # Medicines per session (as the polypharmacy rule counts them: on a schedule, or with
        # no as-needed text; stopped and disposed ones left out), medicines with leftovers or
        # a storage problem, medicines disposed; live named medicines only: triggers on
        # medication_entry keep medicine_count current (migration 0010), so no medicine row
        # is read.
        "LEFT JOIN medicine_count m ON m.consultation_id = c.id "
        f"WHERE c.deleted = 0 AND c.status IN {_FINISHED_SQL} AND c.visit_date <= :end"
    )
    return sql, {"end": end.isoformat()}


def sessions_until(s: Session, end: date, devices: bool = True) -> list[SessionFact]:
    """Finished sessions up to ``end`` (earlier ones tell a new resident from a returning one).
    ``devices``: also who recorded each (a look-up per session; only for the pharmacist
    grouping and filter)."""
    return _session_facts(_rows(s, *_sessions_query(end, devices, "{}")))


def sessions_until_text(s: Session, end: date, devices: bool = True) -> str:
    """sessions_until's rows as one JSON text that SQLite builds: a single step of the
    driver, which releases the GIL for all of it (the decryption of the table's pages
    included), so another thread can go on meanwhile. sessions_from_text reads it."""
    sql, params = _sessions_query(end, devices, "json_group_array(json_array({}))")
    rows = _rows(s, sql, params)
    return str(rows[0][0]) if rows and rows[0][0] else "[]"


def sessions_from_text(text: str) -> list[SessionFact]:
    return _session_facts(json.loads(text))


def _session_facts(rows: Sequence[Sequence[Any]]) -> list[SessionFact]:
    # Tens of thousands of sessions on a few hundred days: each day's text is parsed once, and
    # each row becomes its fact as a tuple of the row's values with the day in its place.
    days = {text: date.fromisoformat(text) for text in {r[2] for r in rows} if text}
    make = tuple.__new__
    return [
        make(SessionFact, (r0, r1, days[r2], r3, r4, r5, r6, r7, r8, r9))
        for r0, r1, r2, r3, r4, r5, r6, r7, r8, r9 in rows
        if r2
    ]


def problem_counts(s: Session) -> dict[str, list[ProblemRow]]:
    """Per session, its live drug-related problems counted per category: read from
    problem_count, which triggers on drug_problem keep current (migration 0013), so no problem
    row is read. The rows as stored, not summed into columns in SQL (a CASE per category and
    row cost twice the read); the caller keeps those of the sessions it counts."""
    rows = _rows(
        s,
        "SELECT consultation_id, category, problems, with_outcome, advice, contact_prescriber "
        "FROM problem_count WHERE problems > 0 ORDER BY consultation_id, category",
    )
    return {session: list(group) for session, group in groupby(rows, itemgetter(0))}


def decisions(s: Session) -> list[DecisionFact]:
    """Every live flag decision; when two laptops each recorded one for the same flag of a
    session, the newest is kept (as the flags panel shows it)."""
    rows = _rows(
        s,
        "SELECT consultation_id, flag_key, status FROM flag_decision NOT INDEXED "
        "WHERE deleted = 0 ORDER BY decided_at, id",
    )
    # The rows are the facts' fields in order: made into DecisionFacts as they are.
    newest = {(r[0], r[1]): r for r in rows}
    make = tuple.__new__
    return [make(DecisionFact, r) for r in newest.values()]


def referrals(s: Session, devices: bool = True) -> list[ReferralFact]:
    """Live referrals; ``devices``: also who recorded each (as for sessions_until)."""
    who = (
        "dn.name FROM referral r "
        "LEFT JOIN sync_record sr ON sr.record_id = r.id "
        "AND sr.entity = (SELECT id FROM sync_name WHERE name = 'referral') "
        "LEFT JOIN field_clock fc ON fc.record = sr.id "
        "AND fc.field = (SELECT id FROM sync_name WHERE name = 'resident_id') "
        "LEFT JOIN sync_name dn ON dn.id = fc.device"
        if devices
        else "'' FROM referral r"
    )
    rows = _rows(
        s,
        "SELECT r.id, r.resident_id, r.state, r.sent_on, r.acknowledged_on, r.closed_on, "
        f"r.outcome, r.reply_status, r.services, {who} WHERE r.deleted = 0",
    )
    return [
        ReferralFact(
            r[0],
            r[1],
            r[2] or "",
            _day(r[3]),
            _day(r[4]),
            _day(r[5]),
            r[6] or "",
            r[7] or "",
            r[8] or "[]",
            r[9] or "",
        )
        for r in rows
    ]


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def resident_names(s: Session, ids: Sequence[str]) -> dict[str, str]:
    """Names of the residents behind a number (drill-down; the caller logs the view)."""
    out: dict[str, str] = {}
    for part in _chunks(list(ids)):
        marks = ", ".join(f":i{n}" for n in range(len(part)))
        rows = s.execute(
            text(f"SELECT id, name FROM resident WHERE id IN ({marks})"),
            {f"i{n}": v for n, v in enumerate(part)},
        )
        out.update({r[0]: r[1] for r in rows})
    return out


def referral_lines(s: Session, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Per referral id: (reference code, resident id, resident name, why it was not resolved,
    why the centre could not link it) — the reasons are free text, for the list behind a
    number only, never in a de-identified report."""
    out: dict[str, tuple[str, ...]] = {}
    for part in _chunks(list(ids)):
        marks = ", ".join(f":i{n}" for n in range(len(part)))
        rows = s.execute(
            text(
                "SELECT r.id, r.reference, r.resident_id, p.name, r.outcome_reason, "
                "r.reply_reason FROM referral r "
                f"JOIN resident p ON p.id = r.resident_id WHERE r.id IN ({marks})"
            ),
            {f"i{n}": v for n, v in enumerate(part)},
        )
        out.update({r[0]: (r[1], r[2], r[3], r[4] or "", r[5] or "") for r in rows})
    return out
