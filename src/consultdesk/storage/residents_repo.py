"""Queries over residents. Screens never build SQL; they call these through services."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from consultdesk.domain import hangul
from consultdesk.domain.phone import digits
from consultdesk.domain.resident import ResidentRow
from consultdesk.storage.models import Resident, WelfareCentre


def search_key_initials(name: str) -> str:
    return hangul.initials(name).replace(" ", "")


def search_residents(session: Session, query: str, limit: int) -> tuple[list[ResidentRow], int]:
    """Residents matching a name, phone digits or initial consonants; (first `limit`, total)."""
    q = query.strip()
    columns = (
        col(Resident.id),
        col(Resident.name),
        col(Resident.birth_date),
        col(Resident.sex),
        col(Resident.phone),
        col(Resident.district),
        col(Resident.centre_id),
        col(Resident.living_situation),
    )
    where: list[ColumnElement[bool]] = [col(Resident.deleted).is_(False)]
    exact_check = None
    if q:
        compact = q.replace(" ", "")
        q_digits = digits(q)
        if q_digits and len(q_digits) == len(compact.replace("-", "")):
            where.append(col(Resident.phone_digits).contains(q_digits, autoescape=True))
        elif hangul.is_initials_query(q):
            where.append(col(Resident.name_initials).contains(compact, autoescape=True))
        elif any(ch in hangul.INITIALS for ch in q):
            # Mixed syllables and initials ("김ㅁㅅ"): narrow by initials, then check exactly.
            key = search_key_initials(compact)
            where.append(col(Resident.name_initials).contains(key, autoescape=True))
            exact_check = compact
        elif compact == q:
            where.append(col(Resident.name).contains(q, autoescape=True))
        else:
            where.append(
                or_(
                    col(Resident.name).contains(q, autoescape=True),
                    col(Resident.name).contains(compact, autoescape=True),
                )
            )
    # The centres' names are looked up for the rows listed only: joining them in the query
    # looked one up for every match before the sort (9,000 of 10,000 residents for "0"), which
    # doubled the time of a broad search.
    stmt = sa_select(*columns).where(*where).order_by(Resident.name, Resident.id)
    if exact_check is None:
        found = list(session.execute(stmt.limit(limit)).all())
        # A page that is not full holds every match: counting them would scan the table a
        # second time (most keystrokes of a name narrow the list below the limit).
        if len(found) < limit:
            total = len(found)
        else:
            total = session.exec(select(func.count()).select_from(Resident).where(*where)).one()
    else:
        found = [
            r
            for r in session.execute(stmt).all()
            if hangul.matches(r[1].replace(" ", ""), exact_check)
        ]
        total = len(found)
        found = found[:limit]
    centres = _live_centre_names(session, {r[6] for r in found if r[6]})
    rows = [
        ResidentRow(
            id=r[0],
            name=r[1],
            birth_date=r[2],
            sex=r[3],
            phone=r[4],
            district=r[5],
            centre_name=centres.get(r[6], ""),
            living_situation=r[7],
        )
        for r in found
    ]
    return rows, total


def _live_centre_names(session: Session, ids: Collection[str]) -> dict[str, str]:
    """The names of these welfare centres, by id; a deleted centre is left out (shown as none)."""
    if not ids:
        return {}
    found = session.execute(
        sa_select(col(WelfareCentre.id), col(WelfareCentre.name)).where(
            col(WelfareCentre.id).in_(ids), col(WelfareCentre.deleted).is_(False)
        )
    ).all()
    return {centre_id: name for centre_id, name in found}


def count_residents(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(Resident).where(col(Resident.deleted).is_(False))
    ).one()


def names_by_id(session: Session, ids: Collection[str]) -> dict[str, str]:
    """The names of these residents (removed ones too), by id."""
    found = session.exec(select(Resident).where(col(Resident.id).in_(ids))).all()
    return {r.id: r.name for r in found}
