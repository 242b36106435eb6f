"""Korean phone numbers, shown as 010-1234-5678 / 02-123-4567 / 031-123-4567.

Area and mobile prefixes follow the national numbering plan (Ministry of Science and ICT):
mobile 010/011/016–019, Seoul 02, other regions 031–064, internet phones 070, and
nationwide 4-4 numbers such as 1588-xxxx.
"""

from __future__ import annotations

import re

_AREA = {
    "02",
    "031",
    "032",
    "033",
    "041",
    "042",
    "043",
    "044",
    "051",
    "052",
    "053",
    "054",
    "055",
    "061",
    "062",
    "063",
    "064",
    "070",
}
_MOBILE = {"010", "011", "016", "017", "018", "019"}


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def format_phone(text: str) -> str | None:
    """The number in the usual dashed form, or None if it is not a Korean phone number."""
    d = digits(text)
    if d.startswith("+82") or text.strip().startswith("+82"):
        d = "0" + d[2:]
    if len(d) == 8 and d[:2] in {"15", "16", "18"}:
        return f"{d[:4]}-{d[4:]}"
    if d.startswith("02") and len(d) in (9, 10):
        return f"02-{d[2:-4]}-{d[-4:]}"
    prefix = d[:3]
    if prefix in _MOBILE and len(d) in (10, 11):
        return f"{prefix}-{d[3:-4]}-{d[-4:]}"
    if prefix in _AREA and len(d) in (10, 11):
        return f"{prefix}-{d[3:-4]}-{d[-4:]}"
    return None
