"""Recording consent and its withdrawal."""

from __future__ import annotations

from datetime import date

from consultdesk.domain.consent import ConsentKind, ConsentRecord, validate_consent
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage.consent_repo import consent_records
from consultdesk.storage.models import Consent, Resident


def record_consent(
    ws: Workspace,
    resident_id: str,
    kind: ConsentKind,
    granted: bool,
    decided_on: date | None,
    method: str,
    witness: str = "",
    today: date | None = None,
) -> str:
    problems = validate_consent(granted, decided_on, method, witness, today or date.today())
    if contains_rrn(witness):
        problems.append(
            Problem(
                "witness", "rrn_refused", {}, "A resident registration number cannot be stored."
            )
        )
    if problems or decided_on is None:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        if s.get(Resident, resident_id) is None:
            raise ValidationFailed([Problem("resident", "resident_gone", {}, "No such resident.")])
        record = Consent(
            resident_id=resident_id,
            kind=kind.value,
            granted=granted,
            decided_on=decided_on,
            method=method,
        )
        ws.writer.save(
            s,
            record,
            {
                "resident_id": resident_id,
                "kind": kind.value,
                "granted": granted,
                "decided_on": decided_on,
                "method": method,
                "witness": witness.strip(),
                "withdrawn_on": None,
                "recorded_at": str(ws.writer.clock.now()),
            },
        )
        s.add(ws.audit("consent", "consent", record.id, resident_id))
        return record.id


def withdraw_consent(ws: Workspace, consent_id: str, on: date, today: date | None = None) -> None:
    if on > (today or date.today()):
        raise ValidationFailed(
            [Problem("withdrawn_on", "date_future", {}, "The date is in the future.")]
        )
    with ws.db.session() as s:
        record = s.get(Consent, consent_id)
        if record is None or record.deleted:
            raise ValidationFailed([Problem("consent", "consent_gone", {}, "No such consent.")])
        if on < record.decided_on:
            raise ValidationFailed(
                [
                    Problem(
                        "withdrawn_on",
                        "withdrawal_before_consent",
                        {},
                        "The withdrawal is dated before the consent.",
                    )
                ]
            )
        ws.writer.save(s, record, {"withdrawn_on": on})
        s.add(ws.audit("consent_withdrawn", "consent", record.id, record.resident_id))


def consents_for(ws: Workspace, resident_id: str) -> list[ConsentRecord]:
    with ws.db.session() as s:
        records = consent_records(s, resident_id)
    ws.log_view("consents", resident_id, resident_id)
    return records
