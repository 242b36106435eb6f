"""Korean phone numbers, shown as 010-1234-5678 / 02-123-4567 / 031-123-4567, and e-mail
addresses as a case worker writes them.

Area and mobile prefixes follow the national numbering plan (Ministry of Science and ICT,
전기통신번호관리세칙): mobile 010/011/016–019, Seoul 02, other regions 031–064, internet phones
070, and the numbers businesses and centres publish: nationwide representative numbers
15xx-/16xx-/18xx-xxxx (8 digits), free-call 080-xxx(x)-xxxx, and personal/safe numbers
050x-xxx(x)-xxxx (0507-xxxx-xxxx is the "safe number" shown on map listings).
Not verified against the rules text itself: the exact digit counts of 050x (11 or 12) and 080
(10 or 11) are those carriers hand out in practice; a number outside them is refused.
"""

from __future__ import annotations

import re
import unicodedata

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


# local part: RFC 5322 "atext" characters and dots; domain: letters/digits/hyphens per label.
_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_EMAIL_LABEL = re.compile(r"^[^\W_]((?:[^\W_]|-)*[^\W_])?$")


_NOT_DIGIT = re.compile(r"\D")


def digits(text: str) -> str:
    """The decimal digits of ``text`` as ASCII digits. A Korean input method in full-width mode
    (전각) types ０１０ for 010; Python's ``\\d`` keeps such digits as they are, so they are
    turned into their ASCII value here (any Unicode decimal digit, category Nd)."""
    kept = _NOT_DIGIT.sub("", text)
    if kept.isascii():
        return kept
    return "".join(str(unicodedata.decimal(c)) for c in kept)


def format_phone(text: str) -> str | None:
    """The number in the usual dashed form, or None if it is not a Korean phone number.
    Full-width digits and signs (０１０－１２３４, ＋８２) are read as their ASCII forms."""
    text = unicodedata.normalize("NFKC", text)
    d = digits(text)
    if text.strip().startswith("+82"):
        d = "0" + d[2:]
    if len(d) == 8 and d[:2] in {"15", "16", "18"}:
        return f"{d[:4]}-{d[4:]}"
    if d.startswith("050") and len(d) in (11, 12) and d[3] != "0":
        return f"{d[:4]}-{d[4:-4]}-{d[-4:]}"
    if d.startswith("080") and len(d) in (10, 11):
        return f"080-{d[3:-4]}-{d[-4:]}"
    if d.startswith("02") and len(d) in (9, 10):
        return f"02-{d[2:-4]}-{d[-4:]}"
    prefix = d[:3]
    if prefix in _MOBILE and len(d) in (10, 11):
        return f"{prefix}-{d[3:-4]}-{d[-4:]}"
    if prefix in _AREA and len(d) in (10, 11):
        return f"{prefix}-{d[3:-4]}-{d[-4:]}"
    return None


def email_text(text: str) -> str:
    """An address as typed, in its plain form: full-width letters and signs (ｋｉｍ＠ｅｘ．ｋｒ, a
    Korean input method in full-width mode) become ASCII; Hangul stays as it is (NFKC)."""
    return unicodedata.normalize("NFKC", text).strip()


def is_email_address(text: str) -> bool:
    """An address mail can be sent to: one @, a dotted local part without empty pieces, and a
    domain of at least two labels whose last is a word (example.org, 복지관.kr, mail.go.kr)."""
    address = text.strip()
    if len(address) > 254 or address.count("@") != 1:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _EMAIL_LOCAL.match(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or any(len(label) > 63 for label in labels):
        return False
    if not all(_EMAIL_LABEL.match(label) for label in labels):
        return False
    top = labels[-1]
    return len(top) >= 2 and (top.isalpha() or top.lower().startswith("xn--"))
