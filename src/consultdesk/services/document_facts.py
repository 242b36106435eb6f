"""What a document is made from: the consultation, the resident with their centre and case
worker, the consultation's flags as the flags panel shows them, and the services a new referral
sheet offers.
Reads only; services/documents.py turns them into documents and records what is done with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from consultdesk.domain.dates import full_age
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rules import KIND_MEDICATION
from consultdesk.domain.screening import ServiceCatalog
from consultdesk.reports import PharmacistContact
from consultdesk.reports.document_content import (
    Facts,
    kept_flags,
    observed_services,
    rule_family,
)
from consultdesk.services import flags as flag_service
from consultdesk.services.flags import FlagView
from consultdesk.services.workspace import Workspace
from consultdesk.storage import consultations_repo
from consultdesk.storage.models import CaseWorker, Resident, WelfareCentre


def document_problem(field: str, code: str, default: str) -> ValidationFailed:
    return ValidationFailed([Problem(field, code, {}, default)])


def latest_consultation_id(ws: Workspace, resident_id: str) -> str | None:
    with ws.db.session(read_only=True) as s:
        latest = consultations_repo.latest_for_resident(s, resident_id)
        return latest.id if latest is not None else None


def service_catalog(ws: Workspace) -> ServiceCatalog:
    return flag_service.load_flag_context(ws).catalog


def suggested_services(ws: Workspace, consultation_id: str) -> tuple[str, ...]:
    """The services the consultation's flags suggest (dismissed flags left out), first one first;
    medication support is added when the medicines themselves need a helping hand."""
    views = flag_service.flags_for_consultation(ws, consultation_id)
    ids: list[str] = []
    for view in views:
        if view.status == flag_service.DISMISSED:
            continue
        ids += [s.id for s in view.services if s.id not in ids]
    needs_help = any(
        rule_family(v.flag.rule_id) in {"count.regular", "adherence", "high_alert"}
        for v in kept_flags(views, KIND_MEDICATION)
    )
    catalog = service_catalog(ws)
    if needs_help and catalog.get("medication_support") and "medication_support" not in ids:
        ids.append("medication_support")
    return tuple(ids)


@dataclass(frozen=True)
class ServiceChoices:
    """What a new referral sheet of a consultation offers: `ticked`, the services the pharmacist
    ticked for the consultation's observations; `offered`, the flags' other suggestions, listed
    unticked so one click adds them."""

    ticked: tuple[str, ...]
    offered: tuple[str, ...]


def service_choices(ws: Workspace, consultation_id: str) -> ServiceChoices:
    with ws.db.session(read_only=True) as s:
        data = consultations_repo.load(s, consultation_id)
    ticked = observed_services(data) if data is not None else ()
    offered = tuple(v for v in suggested_services(ws, consultation_id) if v not in ticked)
    return ServiceChoices(ticked, offered)


def pharmacist_contact(ws: Workspace) -> PharmacistContact:
    p = ws.profile
    return PharmacistContact(p.pharmacist_name, p.organisation, p.phone)


def read_facts(s: Session, resident_id: str, consultation_id: str | None) -> Facts:
    """The resident, their centre and case worker, and the consultation (the latest when
    `consultation_id` is None); ValidationFailed when there is nothing to print."""
    resident = s.get(Resident, resident_id)
    if resident is None or resident.deleted:
        raise document_problem("resident", "resident_gone", "No such resident.")
    if consultation_id is None:
        latest = consultations_repo.latest_for_resident(s, resident_id)
        consultation_id = latest.id if latest is not None else None
    data = consultations_repo.load(s, consultation_id) if consultation_id else None
    if data is None:
        raise document_problem(
            "consultation", "no_consultation", "This resident has no consultation to print yet."
        )
    if data.resident_id != resident_id:
        raise document_problem(
            "consultation", "consultation_gone", "Not a consultation of this resident."
        )
    centre = s.get(WelfareCentre, resident.centre_id) if resident.centre_id else None
    worker = s.get(CaseWorker, resident.case_worker_id) if resident.case_worker_id else None
    return Facts(
        resident,
        centre.name if centre is not None and not centre.deleted else "",
        worker.name if worker is not None and not worker.deleted else "",
        data,
    )


def consultation_flags(ws: Workspace, facts: Facts) -> list[FlagView]:
    """The consultation's flags as flags_for_consultation gives them, from the consultation
    already read (one query for the decisions instead of reading it whole again)."""
    birth = facts.resident.birth_date
    age = full_age(birth, facts.data.visit.visit_date) if birth else None
    context = flag_service.load_flag_context(ws)
    decisions = flag_service.flag_decisions(ws, facts.data.id)
    return flag_service.compute_flags(context, facts.data, age, decisions)
