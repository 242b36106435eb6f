"""Welfare centres (복지관) and their case workers (사례담당자)."""

from __future__ import annotations

from consultdesk.domain import centre
from consultdesk.domain.phone import email_text, format_phone, is_email_address
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage import centres_repo
from consultdesk.storage.centres_repo import References
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
    email = email_text(email)
    if email and not is_email_address(email):
        problems.append(
            Problem(
                "email", "email_malformed", {"text": email.strip()}, "Check the e-mail address."
            )
        )
    with ws.db.session() as s:
        if centres_repo.live_centre(s, centre_id) is None:
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
            "email": email,
        }
        ws.writer.save(s, record, values)
        return record.id


def list_centres(ws: Workspace) -> list[centre.Centre]:
    with ws.db.session(read_only=True) as s:
        return centres_repo.list_centres(s)


def list_case_workers(ws: Workspace, centre_id: str | None = None) -> list[centre.CaseWorker]:
    with ws.db.session(read_only=True) as s:
        return centres_repo.list_case_workers(s, centre_id)


def _names(names: tuple[str, ...], total: int) -> str:
    """ "김순자, 박영희 …" — a few names, and an ellipsis when there are more."""
    return ", ".join(names) + (" …" if total > len(names) else "")


def _in_use(code: str, name: str, refs: References, message: str) -> ValidationFailed:
    return ValidationFailed(
        [
            Problem(
                "delete",
                code,
                {
                    "name": name,
                    "residents": refs.residents,
                    "resident_names": _names(refs.resident_names, refs.residents),
                    "case_workers": refs.case_workers,
                    "case_worker_names": _names(refs.case_worker_names, refs.case_workers),
                },
                message,
            )
        ]
    )


def delete_centre(ws: Workspace, centre_id: str) -> None:
    """Delete a welfare centre nothing refers to (a tombstone that syncs). Refused, with the
    residents and case workers named, while any still belong to it."""
    with ws.db.session() as s:
        record = s.get(WelfareCentre, centre_id)
        if record is None or record.deleted:
            raise ValidationFailed([Problem("delete", "centre_unknown", {}, "No such centre.")])
        refs = centres_repo.centre_references(s, centre_id)
        if refs:
            raise _in_use(
                "centre_in_use" if refs.residents else "centre_has_case_workers",
                record.name,
                refs,
                "Residents or case workers still belong to this welfare centre.",
            )
        ws.writer.delete(s, record)
        s.add(ws.audit("delete", "welfare_centre", centre_id, None))


def delete_case_worker(ws: Workspace, worker_id: str) -> None:
    """Delete a case worker no resident refers to (a tombstone that syncs)."""
    with ws.db.session() as s:
        record = s.get(CaseWorker, worker_id)
        if record is None or record.deleted:
            raise ValidationFailed(
                [Problem("delete", "case_worker_unknown", {}, "No such case worker.")]
            )
        refs = centres_repo.case_worker_references(s, worker_id)
        if refs:
            raise _in_use(
                "case_worker_in_use",
                record.name,
                refs,
                "Residents still have this case worker.",
            )
        ws.writer.delete(s, record)
        s.add(ws.audit("delete", "case_worker", worker_id, None))
