"""The pharmacist's profile (name, pharmacy, contact phone): set at set-up, edited later.

It is kept on this laptop only (settings, not a shared record): it names who is working here,
on the documents they print and in the access log.
"""

from __future__ import annotations

from consultdesk.domain.phone import format_phone
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.settings_repo import put_setting

NAME_MAX = 60


def check_profile(profile: Profile) -> tuple[Profile, list[Problem]]:
    """The profile as it is stored (trimmed, phone in its dashed form) and what is wrong."""
    problems: list[Problem] = []
    name = " ".join(profile.pharmacist_name.split())
    if not name:
        problems.append(Problem("pharmacist_name", "name_empty", {}, "Enter the name."))
    elif len(name) > NAME_MAX:
        problems.append(
            Problem("pharmacist_name", "name_too_long", {"max": NAME_MAX}, "The name is too long.")
        )
    phone = profile.phone.strip()
    if phone:
        formatted = format_phone(phone)
        if formatted is None:
            problems.append(
                Problem(
                    "phone",
                    "phone_malformed",
                    {"text": phone},
                    "The phone number should look like 010-1234-5678.",
                )
            )
        else:
            phone = formatted
    for field, text in (
        ("pharmacist_name", name),
        ("organisation", profile.organisation),
        ("phone", profile.phone),
    ):
        if contains_rrn(text):
            problems.append(
                Problem(
                    field, "rrn_refused", {}, "A resident registration number cannot be stored."
                )
            )
    return Profile(name, " ".join(profile.organisation.split()), phone), problems


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
        # Logged under the name it had before the change, then the new name is used.
        s.add(ws.audit("update", "profile", ws.device, None))
    ws.profile = cleaned
    return cleaned
