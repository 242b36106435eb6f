"""A teammate reopens a referral sheet by its reference code, from the synced records.

Nothing readable about a resident goes on the team share: the referral itself
travels inside the encrypted change bundles like every other record, so any laptop of the team
can print the same sheet again from its own database. The plaintext PDF copy into the share's
``exports/`` folder that earlier versions offered was removed: a PDF there is readable by
anyone with access to the shared drive, and encrypting it separately would only duplicate what
sync already carries.
"""

from __future__ import annotations

from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.reports.labels import Lang
from consultdesk.services.documents import DocumentKind, DocumentRequest
from consultdesk.services.workspace import Workspace
from consultdesk.storage import referrals_repo


def referral_by_reference(ws: Workspace, reference: str, lang: Lang = "ko") -> DocumentRequest:
    """The request that prints the referral with this reference code (case and spaces
    ignored) exactly as it was written: its session, its choices. ValidationFailed when this
    laptop has no such referral (not synced yet, or deleted)."""
    wanted = "".join(reference.split()).upper()
    with ws.db.session(read_only=True) as s:
        referral = referrals_repo.by_reference(s, wanted)
    if referral is None:
        raise ValidationFailed(
            [Problem("reference", "referral_unknown", {"reference": reference}, "No such code.")]
        )
    return DocumentRequest(
        DocumentKind.REFERRAL,
        referral.resident_id,
        consultation_id=referral.consultation_id,
        lang=lang,
        referral_id=referral.id,
    )
