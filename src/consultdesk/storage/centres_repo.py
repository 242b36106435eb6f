"""Queries over welfare centres and their case workers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from consultdesk.domain import centre as domain
from consultdesk.storage.models import CaseWorker, Resident, WelfareCentre


def live_centre(session: Session, centre_id: str | None) -> WelfareCentre | None:
    """The centre, or None when there is no such centre or it was deleted."""
    record = session.get(WelfareCentre, centre_id) if centre_id else None
    return record if record is not None and not record.deleted else None


def live_case_worker(session: Session, worker_id: str | None) -> CaseWorker | None:
    record = session.get(CaseWorker, worker_id) if worker_id else None
    return record if record is not None and not record.deleted else None


def list_centres(session: Session) -> list[domain.Centre]:
    rows = session.exec(
        select(WelfareCentre)
        .where(col(WelfareCentre.deleted).is_(False))
        .order_by(WelfareCentre.name)
    )
    return [domain.Centre(c.id, c.name, c.district, c.phone) for c in rows]


def list_case_workers(session: Session, centre_id: str | None = None) -> list[domain.CaseWorker]:
    stmt = select(CaseWorker).where(col(CaseWorker.deleted).is_(False))
    if centre_id:
        stmt = stmt.where(CaseWorker.centre_id == centre_id)
    return [
        domain.CaseWorker(w.id, w.centre_id, w.name, w.phone, w.email)
        for w in session.exec(stmt.order_by(CaseWorker.name))
    ]


@dataclass(frozen=True)
class References:
    """What still points at a welfare centre or a case worker: a few names and the counts."""

    residents: int = 0
    case_workers: int = 0
    resident_names: tuple[str, ...] = ()
    case_worker_names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.residents or self.case_workers)


def _names_and_count(
    session: Session, name_column: Any, where: list[ColumnElement[bool]], shown: int
) -> tuple[tuple[str, ...], int]:
    table = name_column.class_
    total = session.exec(select(func.count()).select_from(table).where(*where)).one()
    names = session.exec(select(name_column).where(*where).order_by(name_column).limit(shown))
    return tuple(names), total


def centre_references(session: Session, centre_id: str, shown: int = 3) -> References:
    """Live residents and case workers of this centre."""
    residents, n_residents = _names_and_count(
        session,
        col(Resident.name),
        [col(Resident.deleted).is_(False), col(Resident.centre_id) == centre_id],
        shown,
    )
    workers, n_workers = _names_and_count(
        session,
        col(CaseWorker.name),
        [col(CaseWorker.deleted).is_(False), col(CaseWorker.centre_id) == centre_id],
        shown,
    )
    return References(n_residents, n_workers, residents, workers)


def case_worker_references(session: Session, worker_id: str, shown: int = 3) -> References:
    """Live residents whose case worker this is."""
    residents, n_residents = _names_and_count(
        session,
        col(Resident.name),
        [col(Resident.deleted).is_(False), col(Resident.case_worker_id) == worker_id],
        shown,
    )
    return References(residents=n_residents, resident_names=residents)
