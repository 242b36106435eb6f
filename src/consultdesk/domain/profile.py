"""Who works on this laptop: the pharmacist's profile and the rules its fields follow.

Pure values and checks (no database), so the set-up window can check a profile before the
storage layer is even loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from consultdesk.domain.phone import format_phone
from consultdesk.domain.problems import Problem
from consultdesk.domain.rrn import contains_rrn


@dataclass(frozen=True)
class Profile:
    pharmacist_name: str
    organisation: str = ""
    phone: str = ""


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
