"""Rules for the database passphrase chosen at set-up.

PIPA's safety-measure standard (개인정보의 안전성 확보조치 기준) expects password rules for
systems holding sensitive data; a long passphrase is easier to type than a complex password.
"""

from __future__ import annotations

from consultdesk.domain.problems import Problem

MIN_LENGTH = 8


def validate_new_passphrase(first: str, second: str) -> list[Problem]:
    problems = []
    if len(first) < MIN_LENGTH:
        problems.append(
            Problem(
                "passphrase",
                "passphrase_short",
                {"min": MIN_LENGTH},
                f"Use at least {MIN_LENGTH} characters.",
            )
        )
    elif first.strip() != first:
        problems.append(
            Problem(
                "passphrase",
                "passphrase_spaces",
                {},
                "The passphrase cannot start or end with a space.",
            )
        )
    if first != second:
        problems.append(
            Problem(
                "passphrase_again",
                "passphrase_mismatch",
                {},
                "The two passphrases are not the same.",
            )
        )
    return problems
