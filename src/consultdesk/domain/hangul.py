"""Korean text helpers: initial consonants (초성) for search.

A precomposed Hangul syllable U+AC00..U+D7A3 is ((initial * 21) + medial) * 28 + final, so the
initial consonant index is (code - 0xAC00) // 588. See the Unicode Standard, chapter 3.12.
"""

from __future__ import annotations

_FIRST = 0xAC00
_LAST = 0xD7A3
_PER_INITIAL = 21 * 28
# Compatibility jamo for the 19 initial consonants, in Unicode order.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_INITIAL_SET = frozenset(INITIALS)
# The 27 final consonants (index 1..27; 0 is "no final"), compound finals spelled as two letters
# because people type them that way ("ㄹㄱ" for ㄺ).
_FINALS = (
    "",
    "ㄱ",
    "ㄲ",
    "ㄱㅅ",
    "ㄴ",
    "ㄴㅈ",
    "ㄴㅎ",
    "ㄷ",
    "ㄹ",
    "ㄹㄱ",
    "ㄹㅁ",
    "ㄹㅂ",
    "ㄹㅅ",
    "ㄹㅌ",
    "ㄹㅍ",
    "ㄹㅎ",
    "ㅁ",
    "ㅂ",
    "ㅂㅅ",
    "ㅅ",
    "ㅆ",
    "ㅇ",
    "ㅈ",
    "ㅊ",
    "ㅋ",
    "ㅌ",
    "ㅍ",
    "ㅎ",
)


def initials(text: str) -> str:
    """Replace every Hangul syllable by its initial consonant; keep other characters.

    >>> initials("김민수")
    'ㄱㅁㅅ'
    """
    out = []
    for ch in text:
        code = ord(ch)
        if _FIRST <= code <= _LAST:
            out.append(INITIALS[(code - _FIRST) // _PER_INITIAL])
        else:
            out.append(ch)
    return "".join(out)


def consonants(text: str) -> str:
    """Every consonant of each syllable, initials and finals, in order: "암로디핀" → "ㅇㅁㄹㄷㅍㄴ".

    Some users type all the consonants they see rather than only the initials.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if _FIRST <= code <= _LAST:
            offset = code - _FIRST
            out.append(INITIALS[offset // _PER_INITIAL])
            out.append(_FINALS[offset % 28])
        else:
            out.append(ch)
    return "".join(out)


def is_initials_query(query: str) -> bool:
    """True when the query is made only of initial consonants (and spaces), e.g. "ㄱㅁㅅ"."""
    stripped = query.replace(" ", "")
    return bool(stripped) and all(ch in _INITIAL_SET for ch in stripped)


def matches(text: str, query: str) -> bool:
    """Case-insensitive substring match that also accepts initial-consonant queries.

    A query may mix syllables and initials ("김ㅁㅅ"): each position matches either the same
    syllable or a syllable with that initial consonant.
    """
    q = query.strip().casefold()
    if not q:
        return True
    t = text.casefold()
    if q in t:
        return True
    if not any(ch in _INITIAL_SET for ch in q):
        return False
    if is_initials_query(q) and q.replace(" ", "") in consonants(t.replace(" ", "")):
        return True
    ti = initials(t)
    n = len(q)
    for start in range(len(t) - n + 1):
        if all(
            qc == tc or (qc in _INITIAL_SET and qc == ic)
            for qc, tc, ic in zip(q, t[start : start + n], ti[start : start + n], strict=True)
        ):
            return True
    return False
