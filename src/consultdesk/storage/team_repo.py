"""The team's pharmacists as this laptop knows them: one team_member row per device.

This laptop writes its own row from its profile (at every unlock, when it differs, and when the
profile is edited); the other laptops' rows come with their bundles, which carry the sender's
name and organisation inside the encryption. The table is local: it is never itself a record
that syncs, so reading a name never creates work to send.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from consultdesk.storage.models import TeamMember


def member(session: Session, device: str) -> TeamMember | None:
    return session.get(TeamMember, device)


def member_names(session: Session) -> dict[str, str]:
    """Device id → pharmacist name, for every member with a name."""
    rows = session.exec(select(TeamMember).where(col(TeamMember.deleted).is_(False)))
    return {row.id: row.pharmacist_name for row in rows if row.pharmacist_name}


def remember(session: Session, device: str, name: str, organisation: str) -> bool:
    """Record who works on ``device``; True if that changed what was known."""
    record = member(session, device)
    if record is not None and (record.pharmacist_name, record.organisation) == (name, organisation):
        return False
    record = record or TeamMember(id=device)
    record.pharmacist_name, record.organisation = name, organisation
    session.add(record)
    return True
