"""Welfare centres (복지관) and their case workers (사례담당자)."""

from __future__ import annotations

from consultdesk.domain.phone import format_phone
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage import residents_repo
from consultdesk.storage.models import CaseWorker, WelfareCentre


def _common_checks(name: str, phone: str, *texts: str) -> tuple[str, list[Problem]]:
    problems = []
    if not name.strip():
        problems.append(Problem("name", "name_empty", {}, "Enter the name."))
    formatted = ""
    if phone.strip():
        formatted = format_phone(phone) or ""
        if not formatted:
            problems.append(
                Problem(
                    "phone",
                    "phone_malformed",
                    {"text": phone},
                    "The phone number should look like 010-1234-5678.",
                )
            )
    for text in (name, *texts):
        if contains_rrn(text):
            problems.append(
                Problem(
                    "name", "rrn_refused", {}, "A resident registration number cannot be stored."
                )
            )
    return formatted, problems


def save_centre(
    ws: Workspace, name: str, district: str = "", phone: str = "", centre_id: str | None = None
) -> str:
    formatted, problems = _common_checks(name, phone, district)
    if problems:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        record = s.get(WelfareCentre, centre_id) if centre_id else WelfareCentre(name=name)
        if record is None:
            raise ValidationFailed([Problem("name", "centre_unknown", {}, "No such centre.")])
        values = {"name": " ".join(name.split()), "district": district.strip(), "phone": formatted}
        ws.writer.save(s, record, values)
        return record.id


def save_case_worker(
    ws: Workspace,
    centre_id: str,
    name: str,
    phone: str = "",
    email: str = "",
    worker_id: str | None = None,
) -> str:
    formatted, problems = _common_checks(name, phone, email)
    if email.strip() and ("@" not in email or " " in email.strip()):
        problems.append(Problem("email", "email_malformed", {}, "Check the e-mail address."))
    with ws.db.session() as s:
        centre = s.get(WelfareCentre, centre_id)
        if centre is None or centre.deleted:
            problems.append(Problem("centre_id", "centre_unknown", {}, "Choose a welfare centre."))
        if problems:
            raise ValidationFailed(problems)
        record = (
            s.get(CaseWorker, worker_id)
            if worker_id
            else CaseWorker(centre_id=centre_id, name=name)
        )
        if record is None:
            raise ValidationFailed(
                [Problem("name", "case_worker_unknown", {}, "No such case worker.")]
            )
        values = {
            "centre_id": centre_id,
            "name": " ".join(name.split()),
            "phone": formatted,
            "email": email.strip(),
        }
        ws.writer.save(s, record, values)
        return record.id


def list_centres(ws: Workspace) -> list[WelfareCentre]:
    with ws.db.session() as s:
        return residents_repo.list_centres(s)


def list_case_workers(ws: Workspace, centre_id: str | None = None) -> list[CaseWorker]:
    with ws.db.session() as s:
        return residents_repo.list_case_workers(s, centre_id)
