"""What the risk-flag engine needs to know about each medicine in a consultation.

The storage layer maps its medication entries to these plain values; the engine never sees
anything else, so it can be tested and reasoned about without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Adherence(Enum):
    """How the resident really takes the medicine (the pharmacist's own plain question)."""

    AS_PRESCRIBED = "as_prescribed"
    MISSES_DOSES = "misses_doses"
    STOPPED_ON_OWN = "stopped_on_own"
    TAKES_MORE = "takes_more"


# Forms whose ingredient barely reaches the blood stream. Duplicate, interaction, older-adult and
# anticholinergic checks skip them: an eye drop and a tablet of the same class are not a
# duplicate, and counting them would teach pharmacists to ignore the flags.
LOCAL_FORMS = frozenset({"topical", "eye", "ear", "nasal", "other"})


@dataclass(frozen=True, slots=True)
class Ingredient:
    """One active ingredient, identified by its WHO ATC level-5 code (e.g. C08CA01)."""

    atc: str
    name_ko: str = ""
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class MedicationItem:
    """One line of the medication inventory, as found in the home (brown-bag review)."""

    id: str
    name_as_found: str
    ingredients: tuple[Ingredient, ...]
    form: str = "oral"
    regular: bool = True
    prescriber: str = ""
    adherence: Adherence = Adherence.AS_PRESCRIBED
    storage_problem: bool = False

    @property
    def acts_systemically(self) -> bool:
        """True unless the form is known to act locally.

        An unknown or empty form counts as systemic: a missed flag is worse than an extra one.
        Inhaled forms count too, because two inhalers of one class are a real duplicate.
        """
        return self.form.strip().lower() not in LOCAL_FORMS
