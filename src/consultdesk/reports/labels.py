"""Every fixed text printed on the PDFs, in Korean (default) and English.

Kept as plain dicts rather than Qt translations because the report layer must not import Qt;
tests/reports check that both languages have the same keys and the same {placeholders}.
Keys for coded values are "<prefix>.<enum value>" (see content.py); their words are not written
here but come from the one table of reports/coded_words.py, which the screens use too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Literal, get_args

from consultdesk.reports import coded_words

Lang = Literal["ko", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "ko"


class UnknownLanguageError(ValueError):
    pass


# Room to write a date by hand. Non-breaking spaces: ordinary ones collapse in a Paragraph
# and the blanks would vanish.
_GAP = "\u00a0" * 7

_KO: dict[str, str] = {
    # --- on every page
    "page.number": "{total}쪽 중 {page}쪽",
    "page.reference": "문서번호 {code}",
    "page.confidential": (
        "대외비 — 개인정보가 포함된 문서입니다. 연계 업무 외의 열람·복사·전달을 금합니다."
    ),
    "page.confidential_resident": "개인정보가 담긴 문서입니다. 잘 보관해 주세요.",
    "page.confidential_summary": (
        "대외비 — 내담자의 건강 정보가 담긴 상담 기록입니다. 상담과 돌봄 업무 외의 "
        "열람·복사·전달을 금합니다."
    ),
    "doc.creator": "ConsultDesk",
    # --- shared values
    "value.none": "없음",
    "value.not_recorded": "기록 없음",
    "age.birth_year": "{year}년생",
    "age.years": "만 {age}세",
    "slot.morning": "아침",
    "slot.noon": "점심",
    "slot.evening": "저녁",
    "slot.bedtime": "자기 전",
    "slot.as_needed": "필요할 때",
    "resident.name": "성명",
    "resident.age": "나이",
    "resident.sex": "성별",
    "resident.phone": "전화",
    "resident.district": "거주 지역",
    "pharmacist.line": "{name} 약사 · {organisation} · {phone}",
    # --- referral sheet
    "referral.title": "연계 의뢰서",
    "referral.intro": (
        "찾아가는 복약상담 중 확인한 내담자의 어려움을 알려 드리며, 아래 서비스의 연계를 "
        "요청드립니다. 검토 후 마지막 쪽의 회신서를 보내 주시면 감사하겠습니다."
    ),
    "referral.to": "받는 곳",
    "referral.to_value": "{centre} · 사례담당자 {case_worker}",
    "referral.from": "보내는 사람",
    "referral.date": "의뢰일",
    "referral.reference": "문서번호",
    "referral.section.resident": "1. 내담자",
    "referral.section.consent": "2. 개인정보 제3자 제공 동의",
    "referral.section.risks": "3. 확인한 사회적 위험요인",
    "referral.section.medication": "4. 사례담당자의 도움이 필요한 복약 문제",
    "referral.section.services": "5. 요청하는 서비스",
    "referral.section.opinion": "6. 약사 의견",
    "referral.consent.statement": (
        "내담자는 이 의뢰서에 담긴 정보를 복지관에 제공하는 데 동의했습니다."
    ),
    "referral.consent.date": "동의일",
    "referral.consent.method": "동의 방법",
    "referral.consent.witness": "입회자",
    "referral.risk.domain": "위험요인",
    "referral.risk.observation": "약사가 보고 들은 내용",
    "referral.med.matter": "복약 상황",
    "referral.med.help": "필요한 도움",
    "referral.no_risks": "기록된 사회적 위험요인이 없습니다.",
    "referral.no_medication_matters": "사례담당자의 도움이 필요한 복약 문제는 없습니다.",
    "referral.no_services": "요청하는 서비스가 없습니다.",
    # --- reply slip
    "reply.title": "회신서",
    "reply.instructions": (
        "사례담당자께서 작성하신 뒤 {name} 약사에게 보내 주세요 (전화 {phone})."
    ),
    "reply.about": "의뢰 문서번호 {code} · 내담자 {name} · 의뢰일 {date}",
    "reply.received_on": "받은 날",
    "reply.actions": "조치 내용",
    "reply.result": "연계 결과",
    "reply.why_not": "연계하지 못한 이유",
    "reply.case_worker": "사례담당자 이름",
    "reply.signature": "서명",
    "reply.replied_on": "회신일",
    "reply.date_blank": f"20{_GAP}년{_GAP}월{_GAP}일",
    # --- personal medication list
    "medlist.title": "나의 복약 목록",
    "medlist.for": "{name} 님의 약",
    "medlist.as_of": "{date} 기준",
    "medlist.col.medicine": "약 이름과 쓰임",
    "medlist.allergies": "알레르기·부작용",
    # An empty allergy field is "not recorded", never "none known": nothing in the resident's
    # record says that anyone asked. A pharmacist who asked and heard of none writes 없음.
    "medlist.no_allergies": "기록 없음 (처방·조제 전에 확인해 주세요)",
    "medlist.keep": (
        "병원이나 약국에 갈 때 이 목록을 가지고 가세요. 약이 바뀌면 새 목록을 받으세요."
    ),
    "medlist.questions": "약에 대해 궁금한 점은 약사에게 물어보세요.",
    "medlist.pharmacist": "{name} 약사 · 전화 {phone}",
    "medlist.no_items": "기록된 약이 없습니다.",
    # --- consultation summary
    "summary.title": "복약상담 기록",
    "summary.section.visit": "상담 정보",
    "summary.section.resident": "내담자",
    "summary.section.inventory": "복용 약 목록",
    "summary.section.flags": "위험요인 검토",
    "summary.section.problems": "약물 관련 문제와 중재",
    "summary.section.advice": "상담 내용",
    "summary.section.followup": "추후 계획",
    "visit.number": "회차",
    "visit.number_value": "{number}회차",
    "visit.when": "일시",
    "visit.place": "장소",
    "visit.duration": "소요 시간",
    "visit.duration_value": "{minutes}분",
    "visit.pharmacist": "상담 약사",
    "visit.present": "함께한 사람",
    "summary.section.observations": "약사 관찰",
    "observation.notes": "관찰 메모",
    "observation.col.what": "약사가 본 것",
    "observation.col.severity": "정도",
    "observation.col.services": "연계할 서비스",
    "resident.living": "거주 형태",
    "resident.centre": "복지관 · 사례담당자",
    "resident.conditions": "만성질환",
    "resident.allergies": "알레르기·이상반응",
    "inventory.count": "복용 중인 약 {count}종 · 처방처 {prescribers}곳",
    "inventory.col.no": "번호",
    "inventory.col.medicine": "약 · 용도",
    "inventory.col.how": "실제 복용",
    "inventory.col.prescriber": "처방처",
    "inventory.col.adherence": "복약 이행 · 보관",
    "inventory.col.action": "약사 조치",
    "flag.col.kind": "구분",
    "flag.col.flag": "위험요인",
    "flag.col.why": "근거",
    "flag.col.status": "약사 판단",
    "flag.dismissed_reason": "사유: {reason}",
    "problem.col.problem": "문제",
    "problem.col.intervention": "중재",
    "problem.col.outcome": "결과",
    "summary.next_visit": "다음 방문 예정일",
    "summary.no_next_visit": "정하지 않음",
    "summary.none": "없음",
}

_EN: dict[str, str] = {
    "page.number": "Page {page} of {total}",
    "page.reference": "Ref. {code}",
    "page.confidential": (
        "Confidential — contains personal information. Do not read, copy or pass on "
        "except for this referral."
    ),
    "page.confidential_resident": "This list contains your personal information. Keep it safe.",
    "page.confidential_summary": (
        "Confidential — a consultation record with health information. Do not read, copy or "
        "pass on except for the resident's care."
    ),
    "doc.creator": "ConsultDesk",
    "value.none": "None",
    "value.not_recorded": "Not recorded",
    "age.birth_year": "born {year}",
    "age.years": "age {age}",
    "slot.morning": "Morning",
    "slot.noon": "Noon",
    "slot.evening": "Evening",
    "slot.bedtime": "Bedtime",
    "slot.as_needed": "As needed",
    "resident.name": "Name",
    "resident.age": "Age",
    "resident.sex": "Sex",
    "resident.phone": "Phone",
    "resident.district": "District",
    "pharmacist.line": "{name}, pharmacist · {organisation} · {phone}",
    "referral.title": "Referral to the welfare centre",
    "referral.intro": (
        "During a home medication consultation I found difficulties that the resident below "
        "may need help with, and I ask you to link them to the services listed. Please send "
        "back the reply slip on the last page."
    ),
    "referral.to": "To",
    "referral.to_value": "{centre} · case worker {case_worker}",
    "referral.from": "From",
    "referral.date": "Date",
    "referral.reference": "Reference",
    "referral.section.resident": "1. Resident",
    "referral.section.consent": "2. Consent to share with a third party",
    "referral.section.risks": "3. Social risks seen",
    "referral.section.medication": "4. Medication matters a case worker can help with",
    "referral.section.services": "5. Services requested",
    "referral.section.opinion": "6. Pharmacist's opinion",
    "referral.consent.statement": (
        "The resident agreed that the information in this referral may be shared with the "
        "welfare centre."
    ),
    "referral.consent.date": "Consent date",
    "referral.consent.method": "Method",
    "referral.consent.witness": "Witness",
    "referral.risk.domain": "Risk",
    "referral.risk.observation": "What the pharmacist saw and heard",
    "referral.med.matter": "Situation",
    "referral.med.help": "Help needed",
    "referral.no_risks": "No social risks were recorded.",
    "referral.no_medication_matters": "No medication matters need a case worker's help.",
    "referral.no_services": "No services are requested.",
    "reply.title": "Reply slip",
    "reply.instructions": (
        "To be completed by the case worker and sent back to {name}, pharmacist (phone {phone})."
    ),
    "reply.about": "Referral {code} · resident {name} · referred on {date}",
    "reply.received_on": "Received on",
    "reply.actions": "Actions taken",
    "reply.result": "Result",
    "reply.why_not": "Why it could not be linked",
    "reply.case_worker": "Case worker's name",
    "reply.signature": "Signature",
    "reply.replied_on": "Replied on",
    "reply.date_blank": f"20{_GAP}-{_GAP}-{_GAP} (YYYY-MM-DD)",
    "medlist.title": "My medication list",
    "medlist.for": "Medicines for {name}",
    "medlist.as_of": "As of {date}",
    "medlist.col.medicine": "Medicine and what it is for",
    "medlist.allergies": "Allergies and reactions",
    "medlist.no_allergies": "Not recorded (please ask before prescribing or dispensing)",
    "medlist.keep": (
        "Take this list with you to every clinic and pharmacy. Ask for a new one when your "
        "medicines change."
    ),
    "medlist.questions": "Questions about your medicines? Ask your pharmacist.",
    "medlist.pharmacist": "{name}, pharmacist · phone {phone}",
    "medlist.no_items": "No medicines recorded.",
    "summary.title": "Consultation summary",
    "summary.section.visit": "Visit",
    "summary.section.resident": "Resident",
    "summary.section.inventory": "Medication inventory",
    "summary.section.flags": "Risk flags",
    "summary.section.problems": "Drug-related problems and interventions",
    "summary.section.advice": "Advice given",
    "summary.section.followup": "Follow-up plan",
    "visit.number": "Visit",
    "visit.number_value": "Visit {number}",
    "visit.when": "Date and time",
    "visit.place": "Place",
    "visit.duration": "Duration",
    "visit.duration_value": "{minutes} min",
    "visit.pharmacist": "Pharmacist",
    "visit.present": "Present",
    "summary.section.observations": "Pharmacist's observations",
    "observation.notes": "Notes",
    "observation.col.what": "What the pharmacist saw",
    "observation.col.severity": "Severity",
    "observation.col.services": "Services to link",
    "resident.living": "Living situation",
    "resident.centre": "Welfare centre · case worker",
    "resident.conditions": "Chronic conditions",
    "resident.allergies": "Allergies and past reactions",
    "inventory.count": "{count} medicines · {prescribers} prescribers",
    "inventory.col.no": "No.",
    "inventory.col.medicine": "Medicine · for",
    "inventory.col.how": "Actually taken",
    "inventory.col.prescriber": "Prescriber",
    "inventory.col.adherence": "Adherence · storage",
    "inventory.col.action": "Pharmacist's action",
    "flag.col.kind": "Kind",
    "flag.col.flag": "Flag",
    "flag.col.why": "Why it fired",
    "flag.col.status": "Pharmacist's decision",
    "flag.dismissed_reason": "Reason: {reason}",
    "problem.col.problem": "Problem",
    "problem.col.intervention": "Intervention",
    "problem.col.outcome": "Outcome",
    "summary.next_visit": "Next visit",
    "summary.no_next_visit": "Not set",
    "summary.none": "None",
}


# The coded values printed on the documents: the label prefix each one uses, and the group of
# reports/coded_words.py its words come from.
CODED_PREFIXES: dict[str, str] = {
    "Sex": "sex",
    "ConsentMethod": "consent.method",
    "Place": "place",
    "Present": "present",
    "Severity": "severity",
    "Source": "source",
    "Adherence": "adherence",
    "FlagKind": "flag_kind",
    "FlagStatus": "flag_status",
}
_GROUPS: dict[str, str] = {"consent.method": "consent_method"}
# Label keys that print a coded value of their own ("reply.linked": the reply slip's boxes).
_ALIASES: dict[str, tuple[str, str]] = {
    "reply.linked": ("reply_status", "linked"),
    "reply.in_progress": ("reply_status", "in_progress"),
    "reply.not_linked": ("reply_status", "could_not_link"),
}
CODED_KEYS: dict[str, tuple[str, str]] = {
    f"{prefix}.{code or 'unknown'}": (_GROUPS.get(prefix, prefix), code)
    for prefix in CODED_PREFIXES.values()
    for code in coded_words.codes(_GROUPS.get(prefix, prefix))
} | _ALIASES


class _Labels(Mapping[str, str]):
    """A language's fixed texts, and the words of the coded values from the one table."""

    def __init__(self, lang: Lang, fixed: dict[str, str]) -> None:
        self.lang, self.fixed = lang, fixed

    def __getitem__(self, key: str) -> str:
        found = self.fixed.get(key)
        if found is not None:
            return found
        group, code = CODED_KEYS[key]
        return coded_words.word(group, code, self.lang)

    def __iter__(self) -> Iterator[str]:
        yield from self.fixed
        yield from CODED_KEYS

    def __len__(self) -> int:
        return len(self.fixed) + len(CODED_KEYS)


LABELS: dict[Lang, Mapping[str, str]] = {"ko": _Labels("ko", _KO), "en": _Labels("en", _EN)}


def check_lang(lang: str) -> Lang:
    for known in LANGUAGES:
        if lang == known:
            return known
    raise UnknownLanguageError(f"Documents can be printed in {', '.join(LANGUAGES)}, not {lang!r}.")


def text(key: str, lang: Lang = DEFAULT_LANG, **values: object) -> str:
    """The label `key` in `lang`, with its {placeholders} filled from `values`."""
    template = LABELS[check_lang(lang)][key]
    return template.format(**values) if values else template


def coded(value: Enum, lang: Lang = DEFAULT_LANG) -> str:
    """The printed name of a coded value; an unrecorded ("") value prints as "not recorded"."""
    prefix = CODED_PREFIXES[type(value).__name__]
    return text(f"{prefix}.{value.value or 'unknown'}", lang)
