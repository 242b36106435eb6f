"""One word per coded value: the single table that the screens, the PDFs and the documents'
sentences all take their words from.

Why here and in this shape. The screens translate through Qt Linguist (ui/labels.py), the PDFs
must not import Qt (reports/labels.py), and before this table each kept its own words, which
drifted apart (a resident who "자주 빠뜨림" on screen "가끔 빠뜨림" on the summary). So:

- this module holds, for every coded value, its **English source text**, marked for lupdate
  with a stand-in ``QT_TRANSLATE_NOOP`` (tools/i18n.py extracts this file with the ui sources
  into the context ``CodedWords``);
- the **Korean** is the translation of that source in the same Qt Linguist catalogue
  (resources/i18n/consultdesk_ko.ts), written once, by the usual translation workflow;
- the screens call ``QCoreApplication.translate(CONTEXT, english(...))`` (through the compiled
  .qm); the documents call ``word(...)``, which reads the .ts catalogue once per process
  without Qt, through consultdesk/catalogue.py as the command line does.

A word is therefore changed in one place for each language, and tests/ui/test_coded_words.py
walks every code of every group and checks that screen, PDF and document sentences agree.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Literal

from consultdesk.domain.consent import ConsentKind, ConsentMethod, ConsentStatus
from consultdesk.domain.consultation import (
    Action,
    Intervention,
    Place,
    Present,
    ProblemCategory,
    Source,
    Status,
)
from consultdesk.domain.dur_import import DurKind
from consultdesk.domain.medication import Adherence
from consultdesk.domain.referral import Outcome, ReferralState, ReplyStatus
from consultdesk.domain.resident import LivingSituation, Sex
from consultdesk.domain.rules.flag import Severity

CONTEXT = "CodedWords"
CATALOGUE = "i18n/consultdesk_ko.ts"
WordLang = Literal["ko", "en"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for extraction by lupdate (which reads this very name); the text itself is
    the English word."""
    return text


# group → {code value: English source}, in the order screens list the choices.
WORDS: dict[str, dict[str, str]] = {
    "sex": {
        Sex.UNKNOWN: QT_TRANSLATE_NOOP("CodedWords", "Not recorded"),
        Sex.FEMALE: QT_TRANSLATE_NOOP("CodedWords", "Female"),
        Sex.MALE: QT_TRANSLATE_NOOP("CodedWords", "Male"),
        Sex.OTHER: QT_TRANSLATE_NOOP("CodedWords", "Other"),
    },
    "living": {
        LivingSituation.UNKNOWN: QT_TRANSLATE_NOOP("CodedWords", "Not recorded"),
        LivingSituation.ALONE: QT_TRANSLATE_NOOP("CodedWords", "Lives alone"),
        LivingSituation.SPOUSE: QT_TRANSLATE_NOOP("CodedWords", "With spouse"),
        LivingSituation.FAMILY: QT_TRANSLATE_NOOP("CodedWords", "With family"),
        LivingSituation.CARER: QT_TRANSLATE_NOOP("CodedWords", "With a carer"),
        LivingSituation.FACILITY: QT_TRANSLATE_NOOP("CodedWords", "In a care facility"),
        LivingSituation.OTHER: QT_TRANSLATE_NOOP("CodedWords", "Other"),
    },
    "consent_kind": {
        ConsentKind.HEALTH_INFO: QT_TRANSLATE_NOOP(
            "CodedWords", "Consent to collect and use health information"
        ),
        ConsentKind.SHARE_WELFARE: QT_TRANSLATE_NOOP(
            "CodedWords", "Consent to share with the welfare centre"
        ),
    },
    "consent_method": {
        ConsentMethod.WRITTEN: QT_TRANSLATE_NOOP("CodedWords", "Written"),
        ConsentMethod.VERBAL: QT_TRANSLATE_NOOP("CodedWords", "Verbal"),
    },
    "consent_status": {
        ConsentStatus.NONE: QT_TRANSLATE_NOOP("CodedWords", "Not recorded"),
        ConsentStatus.GRANTED: QT_TRANSLATE_NOOP("CodedWords", "Given"),
        ConsentStatus.REFUSED: QT_TRANSLATE_NOOP("CodedWords", "Refused"),
        ConsentStatus.WITHDRAWN: QT_TRANSLATE_NOOP("CodedWords", "Withdrawn"),
    },
    "place": {
        Place.HOME: QT_TRANSLATE_NOOP("CodedWords", "Home visit"),
        Place.WELFARE_CENTRE: QT_TRANSLATE_NOOP("CodedWords", "Welfare centre"),
        Place.PHARMACY: QT_TRANSLATE_NOOP("CodedWords", "Pharmacy"),
        Place.PHONE: QT_TRANSLATE_NOOP("CodedWords", "Phone"),
    },
    "present": {
        Present.RESIDENT: QT_TRANSLATE_NOOP("CodedWords", "The resident"),
        Present.FAMILY: QT_TRANSLATE_NOOP("CodedWords", "Family"),
        Present.CARER: QT_TRANSLATE_NOOP("CodedWords", "Carer"),
        Present.CASE_WORKER: QT_TRANSLATE_NOOP("CodedWords", "Case worker"),
    },
    "source": {
        Source.PRESCRIPTION: QT_TRANSLATE_NOOP("CodedWords", "Prescription"),
        Source.OTC: QT_TRANSLATE_NOOP("CodedWords", "Over the counter"),
        Source.SUPPLEMENT: QT_TRANSLATE_NOOP("CodedWords", "Supplement"),
    },
    # MISSES_DOSES: the only choice between "as prescribed" and "stopped"; the screen has always
    # offered it as 자주 빠뜨림 and the flag it raises says doses are often missed, so every
    # surface says "often" (the summary PDF's 가끔 was the odd one out).
    "adherence": {
        Adherence.AS_PRESCRIBED.value: QT_TRANSLATE_NOOP("CodedWords", "As prescribed"),
        Adherence.MISSES_DOSES.value: QT_TRANSLATE_NOOP("CodedWords", "Often misses"),
        Adherence.STOPPED_ON_OWN.value: QT_TRANSLATE_NOOP("CodedWords", "Stopped on own"),
        Adherence.TAKES_MORE.value: QT_TRANSLATE_NOOP("CodedWords", "Takes more"),
    },
    "action": {
        Action.CONTINUE: QT_TRANSLATE_NOOP("CodedWords", "Continue"),
        Action.STOP: QT_TRANSLATE_NOOP("CodedWords", "Stop"),
        Action.ASK_PRESCRIBER: QT_TRANSLATE_NOOP("CodedWords", "Ask the prescriber"),
        Action.DISPOSE: QT_TRANSLATE_NOOP("CodedWords", "Dispose"),
    },
    "problem_category": {
        ProblemCategory.EFFECTIVENESS: QT_TRANSLATE_NOOP("CodedWords", "Effectiveness"),
        ProblemCategory.ADVERSE_EFFECT: QT_TRANSLATE_NOOP("CodedWords", "Adverse effect"),
        ProblemCategory.ADHERENCE: QT_TRANSLATE_NOOP("CodedWords", "Adherence"),
        ProblemCategory.DUPLICATION: QT_TRANSLATE_NOOP("CodedWords", "Duplication"),
        ProblemCategory.INTERACTION: QT_TRANSLATE_NOOP("CodedWords", "Interaction"),
        ProblemCategory.STORAGE: QT_TRANSLATE_NOOP("CodedWords", "Storage"),
        ProblemCategory.COST: QT_TRANSLATE_NOOP("CodedWords", "Cost"),
        ProblemCategory.OTHER: QT_TRANSLATE_NOOP("CodedWords", "Other"),
    },
    "intervention": {
        Intervention.ADVICE: QT_TRANSLATE_NOOP("CodedWords", "Advice to the resident"),
        Intervention.CONTACT_PRESCRIBER: QT_TRANSLATE_NOOP("CodedWords", "Contact the prescriber"),
        Intervention.REFER_CASE_WORKER: QT_TRANSLATE_NOOP("CodedWords", "Refer to the case worker"),
    },
    "consultation_status": {
        Status.DRAFT: QT_TRANSLATE_NOOP("CodedWords", "Draft"),
        Status.FINAL: QT_TRANSLATE_NOOP("CodedWords", "Final"),
        Status.AMENDING: QT_TRANSLATE_NOOP("CodedWords", "Being amended"),
    },
    "severity": {
        Severity.HIGH: QT_TRANSLATE_NOOP("CodedWords", "High"),
        Severity.MODERATE: QT_TRANSLATE_NOOP("CodedWords", "Moderate"),
        Severity.LOW: QT_TRANSLATE_NOOP("CodedWords", "Low"),
    },
    # services.flags OPEN / CONFIRMED / DISMISSED, reports.content.FlagStatus
    "flag_status": {
        "open": QT_TRANSLATE_NOOP("CodedWords", "Not reviewed"),
        "confirmed": QT_TRANSLATE_NOOP("CodedWords", "Confirmed"),
        "dismissed": QT_TRANSLATE_NOOP("CodedWords", "Dismissed"),
    },
    # domain.rules KIND_MEDICATION / KIND_SOCIAL, reports.content.FlagKind
    "flag_kind": {
        "medication": QT_TRANSLATE_NOOP("CodedWords", "Medication"),
        "social": QT_TRANSLATE_NOOP("CodedWords", "Social"),
    },
    "referral_state": {
        ReferralState.DRAFT: QT_TRANSLATE_NOOP("CodedWords", "Draft"),
        ReferralState.SENT: QT_TRANSLATE_NOOP("CodedWords", "Sent"),
        ReferralState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("CodedWords", "Reply received"),
        ReferralState.CLOSED: QT_TRANSLATE_NOOP("CodedWords", "Closed"),
    },
    "reply_status": {
        "": QT_TRANSLATE_NOOP("CodedWords", "Not ticked"),
        ReplyStatus.LINKED: QT_TRANSLATE_NOOP("CodedWords", "Linked"),
        ReplyStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("CodedWords", "In progress"),
        ReplyStatus.COULD_NOT_LINK: QT_TRANSLATE_NOOP("CodedWords", "Could not link"),
    },
    "outcome": {
        Outcome.RESOLVED: QT_TRANSLATE_NOOP("CodedWords", "Resolved"),
        Outcome.NOT_RESOLVED: QT_TRANSLATE_NOOP("CodedWords", "Not resolved"),
    },
    # services.documents.DocumentKind
    "document_kind": {
        "referral": QT_TRANSLATE_NOOP("CodedWords", "Referral sheet"),
        "medlist": QT_TRANSLATE_NOOP("CodedWords", "Personal medication list"),
        "summary": QT_TRANSLATE_NOOP("CodedWords", "Consultation summary"),
    },
    "dur_kind": {
        DurKind.COMBINATION: QT_TRANSLATE_NOOP("CodedWords", "Contraindicated combinations"),
        DurKind.OLDER_ADULTS: QT_TRANSLATE_NOOP("CodedWords", "Caution in older adults"),
        DurKind.SAME_GROUP: QT_TRANSLATE_NOOP("CodedWords", "Same efficacy group"),
    },
}
# StrEnum keys compare and hash as their values; keep plain strings so lookups by value work.
WORDS = {group: {str(k): v for k, v in codes.items()} for group, codes in WORDS.items()}

# The enumerations behind the groups (the test walks every member of each).
ENUMS: dict[str, type[Enum]] = {
    "sex": Sex,
    "living": LivingSituation,
    "consent_kind": ConsentKind,
    "consent_method": ConsentMethod,
    "consent_status": ConsentStatus,
    "place": Place,
    "present": Present,
    "source": Source,
    "adherence": Adherence,
    "action": Action,
    "problem_category": ProblemCategory,
    "intervention": Intervention,
    "consultation_status": Status,
    "severity": Severity,
    "referral_state": ReferralState,
    "outcome": Outcome,
    "dur_kind": DurKind,
}


def _code(value: Enum | str) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


def codes(group: str) -> list[str]:
    """The codes of a group, in the order the screens list them."""
    return list(WORDS[group])


def english(group: str, value: Enum | str) -> str:
    """The English source text of a code; an unknown code is shown as it is."""
    code = _code(value)
    return WORDS[group].get(code, code)


def word(group: str, value: Enum | str, lang: WordLang) -> str:
    """The word for a code in a document's language (Korean from the Qt Linguist catalogue)."""
    source = english(group, value)
    if lang == "en":
        return source
    return korean_words().get(source, source)


@cache
def korean_words() -> dict[str, str]:
    """Source → Korean for the context CodedWords of the Korean catalogue, read once."""
    from consultdesk.catalogue import read_ts
    from consultdesk.paths import resource_path

    return {
        source: text
        for (context, source), text in read_ts(resource_path(CATALOGUE)).items()
        if context == CONTEXT
    }
