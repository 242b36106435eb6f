"""The pharmacist's profile (name, pharmacy, contact phone): set at set-up, edited later.

It is kept on this laptop only (settings, not a shared record): it names who is working here,
on the documents they print and in the access log.
"""

from __future__ import annotations

from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.profile import NAME_MAX, Profile, check_profile
from consultdesk.services.workspace import Workspace
from consultdesk.storage import team_repo
from consultdesk.storage.settings_repo import put_setting

__all__ = ["NAME_MAX", "Profile", "check_profile", "save_profile"]


def save_profile(ws: Workspace, profile: Profile) -> Profile:
    """Store the edited profile and use it from now on (documents, access log). Raises
    ValidationFailed, writing nothing."""
    cleaned, problems = check_profile(profile)
    if problems:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        put_setting(s, "pharmacist_name", cleaned.pharmacist_name)
        put_setting(s, "organisation", cleaned.organisation)
        put_setting(s, "phone", cleaned.phone)
        team_repo.remember(s, ws.device, cleaned.pharmacist_name, cleaned.organisation)
        # Logged under the name it had before the change, then the new name is used.
        s.add(ws.audit("update", "profile", ws.device, None))
    ws.profile = cleaned
    return cleaned
