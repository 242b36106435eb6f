"""Queries over residents. Screens never build SQL; they call these through services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from consultdesk.domain import hangul
from consultdesk.domain.phone import digits
from consultdesk.storage.models import CaseWorker, Resident, WelfareCentre


@dataclass(frozen=True)
class ResidentRow:
    id: str
    name: str
    birth_date: date | None
    sex: str
    phone: str
    district: str
    centre_name: str
    living_situation: str


def search_key_initials(name: str) -> str:
    return hangul.initials(name).replace(" ", "")


def search_residents(session: Session, query: str, limit: int) -> tuple[list[ResidentRow], int]:
    """Residents matching a name, phone digits or initial consonants; (first `limit`, total)."""
    q = query.strip()
    columns = (
        Resident.id, Resident.name, Resident.birth_date, Resident.sex, Resident.phone,
        Resident.district, WelfareCentre.name, Resident.living_situation,
    )  # fmt: skip
    where = [col(Resident.deleted).is_(False)]
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
        else:
            where.append(
                or_(
                    col(Resident.name).contains(q, autoescape=True),
                    col(Resident.name).contains(compact, autoescape=True),
                )
            )
    stmt = (
        select(*columns)
        .join(WelfareCentre, col(Resident.centre_id) == WelfareCentre.id, isouter=True)
        .where(*where)
        .order_by(Resident.name, Resident.id)
    )
    if exact_check is None:
        total = session.exec(select(func.count()).select_from(Resident).where(*where)).one()
        found = session.exec(stmt.limit(limit)).all()
    else:
        found = [
            r for r in session.exec(stmt).all()
            if hangul.matches(r[1].replace(" ", ""), exact_check)
        ]  # fmt: skip
        total = len(found)
        found = found[:limit]
    return [ResidentRow(*(r[:6]), r[6] or "", r[7]) for r in found], total


def count_residents(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(Resident).where(col(Resident.deleted).is_(False))
    ).one()


def list_centres(session: Session) -> list[WelfareCentre]:
    return list(
        session.exec(
            select(WelfareCentre)
            .where(col(WelfareCentre.deleted).is_(False))
            .order_by(WelfareCentre.name)
        )
    )


def list_case_workers(session: Session, centre_id: str | None = None) -> list[CaseWorker]:
    stmt = select(CaseWorker).where(col(CaseWorker.deleted).is_(False))
    if centre_id:
        stmt = stmt.where(CaseWorker.centre_id == centre_id)
    return list(session.exec(stmt.order_by(CaseWorker.name)))
