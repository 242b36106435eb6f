"""How a rule recognises an ingredient: by WHO ATC code prefix or by normalised name.

Bundled rules use ATC codes. Imported Korean DUR rows carry MFDS ingredient codes and names
but no ATC code, so they match by name; `name_key` makes "Zolpidem Tartrate" and "zolpidem"
(or "졸피뎀타르타르산염" and "졸피뎀") the same key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from consultdesk.domain.medication import Ingredient

# WHO ATC levels are 1, 3, 4, 5 and 7 characters long (e.g. C, C08, C08C, C08CA, C08CA01).
ATC_LEVEL_LENGTHS = (1, 3, 4, 5, 7)
_ATC_PATTERN = re.compile(r"^[A-Z](\d\d([A-Z]([A-Z](\d\d)?)?)?)?$")

# Salt, ester and hydrate words: the same active moiety is sold as several salts, and the DUR
# file and the catalog rarely spell the salt the same way.
# fmt: off
_SALT_WORDS_EN = frozenset({
    "acetate", "anhydrous", "benzoate", "besilate", "besylate", "bitartrate", "bromide",
    "calcium", "camsilate", "camsylate", "citrate", "dihydrate", "disodium", "fumarate", "hcl",
    "hemifumarate", "hemihydrate", "hydrobromide", "hydrochloride", "hyclate", "lactate",
    "magnesium", "maleate", "mesilate", "mesylate", "monohydrate", "monosodium", "napadisilate",
    "nitrate", "phosphate", "potassium", "sesquihydrate", "sodium", "succinate", "sulfate",
    "sulphate", "tartrate", "tosilate", "tosylate", "trihydrate",
})
_SALT_SUFFIXES_KO = (
    "브롬화수소산염", "타르타르산염", "푸마르산염", "베실산염", "메실산염", "말레산염",
    "숙신산염", "시트르산염", "아세트산염", "염산염", "황산염", "질산염", "인산염",
    "이수화물", "일수화물", "삼수화물", "반수화물", "수화물", "무수물",
    "마그네슘", "나트륨", "칼륨", "칼슘", "염산",
)
# fmt: on
_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_NON_WORD = re.compile(r"[^\w]+")


def is_atc_prefix(code: str) -> bool:
    """True for a syntactically valid ATC code at any of the five levels."""
    return bool(_ATC_PATTERN.match(code))


def atc_prefixes(atc: str) -> tuple[str, ...]:
    """The ATC codes of every level that contain this code: C08CA01 → C, C08, C08C, C08CA, …"""
    code = atc.strip().upper()
    return tuple(code[:n] for n in ATC_LEVEL_LENGTHS if len(code) >= n)


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Normalised ingredient name for matching; "" when nothing is left."""
    text = _BRACKETS.sub(" ", unicodedata.normalize("NFKC", name).casefold())
    tokens = _NON_WORD.sub(" ", text).replace("_", " ").split()
    if not tokens:
        return ""
    if any(_is_hangul(ch) for ch in text):
        # Korean names are written with or without spaces ("인슐린 글라진", "인슐린글라진").
        return _strip_korean_salt("".join(tokens))
    # Keep the first word even if it is a salt word: "potassium chloride" stays "potassium".
    return " ".join([tokens[0]] + [t for t in tokens[1:] if t not in _SALT_WORDS_EN])


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _strip_korean_salt(word: str) -> str:
    # Korean names run the salt into the word ("아토르바스타틴칼슘삼수화물"); strip suffixes
    # while at least three syllables remain so "염화칼륨" does not collapse into "염화".
    changed = True
    while changed:
        changed = False
        for suffix in _SALT_SUFFIXES_KO:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def ingredient_keys(ingredient: Ingredient, class_codes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every index key under which a rule may refer to this ingredient. `class_codes` are the
    ATC classes a codeless ingredient belongs to (resources/catalog/classes.csv)."""
    keys = list(atc_prefixes(ingredient.atc))
    for code in class_codes:
        keys += atc_prefixes(code)
    for name in (ingredient.name_en, ingredient.name_ko):
        key = name_key(name) if name else ""
        if key:
            keys.append("name:" + key)
    return tuple(keys)


def ingredient_identity(ingredient: Ingredient) -> str:
    """What makes two ingredients "the same": the ATC code, or the English name without one."""
    atc = ingredient.atc.strip().upper()
    if atc:
        return atc
    return "name:" + (name_key(ingredient.name_en) or name_key(ingredient.name_ko))


@dataclass(frozen=True, slots=True)
class Match:
    """Ingredients a rule is about: any of the ATC prefixes or names, minus the exclusions."""

    atc: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # already passed through name_key
    exclude_names: tuple[str, ...] = ()  # already passed through name_key

    def index_keys(self) -> tuple[str, ...]:
        return self.atc + tuple("name:" + n for n in self.names)

    def excludes(self, ingredient: Ingredient, class_codes: tuple[str, ...] = ()) -> bool:
        codes = (ingredient.atc.strip().upper(), *class_codes)
        if self.exclude and any(code.startswith(self.exclude) for code in codes if code):
            return True
        if self.exclude_names:
            keys = {name_key(n) for n in (ingredient.name_en, ingredient.name_ko) if n}
            return bool(keys.intersection(self.exclude_names))
        return False

    def matches(self, ingredient: Ingredient, class_codes: tuple[str, ...] = ()) -> bool:
        keys = set(ingredient_keys(ingredient, class_codes))
        return bool(keys.intersection(self.index_keys())) and not self.excludes(
            ingredient, class_codes
        )
