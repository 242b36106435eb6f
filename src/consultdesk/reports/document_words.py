"""The sentences the documents need beyond reports/labels.py: plain sentences for a case worker
about medicines, names of risk areas and flag titles, in Korean and English.

Written for a case worker, not a pharmacist: what the resident does with the medicines and what
help would make a difference, never a drug class or a rule number. Both languages must have the
same keys and placeholders (tests/services/test_documents.py). The words of coded values
(adherence, action, problem category, intervention, living situation, …) are not here: they come
from reports/coded_words.py, the table the screens use too.
"""

from __future__ import annotations

from consultdesk.reports.labels import Lang

_KO: dict[str, str] = {
    # --- medication matters on the referral sheet
    "matter.count_clinics": (
        "정기적으로 드시는 약이 {count}종이고, 병원 {clinics}곳에서 처방받습니다."
    ),
    "matter.count": "정기적으로 드시는 약이 {count}종입니다.",
    "matter.help.organiser": "요일·시간별 약 정리함에 약을 나누어 넣는 것을 도와주세요.",
    "matter.help.bring_list": "병원에 가실 때 복용 약 목록을 꼭 가져가시도록 챙겨 주세요.",
    "matter.misses_doses": "자주 빠뜨리시는 약: {items}",
    "matter.help.misses_doses": "안부 전화나 방문 때 약을 드셨는지 여쭤봐 주세요.",
    "matter.stopped_on_own": "스스로 끊으신 약: {items}",
    "matter.help.stopped_on_own": (
        "끊으신 이유(약값, 불편함 등)를 여쭤보시고, 약값 때문이면 의료비 지원을 검토해 주세요."
    ),
    "matter.takes_more": "처방보다 많이 드시는 약: {items}",
    "matter.help.takes_more": "약 정리함을 쓰시도록 돕고, 남는 약이 없는지 살펴봐 주세요.",
    "matter.high_alert": "특히 조심해서 드셔야 하는 약이 있습니다: {items}",
    "matter.help.high_alert": (
        "어지러움, 넘어짐, 멍이나 출혈, 심한 졸림이 보이면 약사에게 바로 알려 주세요."
    ),
    "matter.prescriber_check": "약사가 처방 의사에게 확인을 요청할 약이 있습니다: {items}",
    "matter.help.prescriber_check": "진료 예약이나 병원 동행이 필요하면 도와주세요.",
    "matter.storage": "보관에 문제가 있는 약: {items}",
    "matter.help.storage": "유효기간이 지난 약이나 섞인 약은 약국에 가져오시도록 도와주세요.",
    "matter.item_purpose": "{name}({purpose})",
    "matter.items_more": "{items} 외 {more}종",
    # --- risk areas (screening domains) on the referral sheet
    "risk.housing": "주거",
    "risk.food": "식사·먹거리",
    "risk.money": "생활비",
    "risk.utilities": "전기·가스·난방",
    "risk.transport": "병원 가는 길(이동)",
    "risk.isolation": "사회적 고립",
    "risk.loneliness": "외로움",
    "risk.safety": "안전·학대",
    "risk.support": "일상생활 돌봄",
    "risk.literacy": "약·건강 정보 이해",
    "risk.memory": "기억력",
    "risk.medicine_cost": "약값·의료비 부담",
    "risk.observed": "약사가 직접 본 어려움",
    "risk.other_observations": "그 밖에 약사가 본 것",
    "risk.other": "그 밖의 어려움",
    "risk.note": "약사 메모: {note}",
    "referral.case_worker_unassigned": "미정",
    # --- flag titles on the consultation summary
    "flag.count.regular": "정기 복용 약 {count}종",
    "flag.count.prescribers": "처방 기관 {count}곳",
    "flag.duplicate.same_ingredient": "같은 성분 중복",
    "flag.duplicate.same_class": "같은 계열 약 중복",
    "flag.older": "고령자 주의 약물",
    "flag.ddi": "함께 쓰면 위험한 약",
    "flag.acb": "항콜린 부담",
    "flag.high_alert": "고위험 약물",
    "flag.dur": "DUR 주의(가져온 목록)",
    "flag.other": "주의 사항",
    "flag.items": "대상: {items}",
    "flag.source": "근거: {source}",
    "problem.line": "[{category}] {description}",
    "summary.self_bought": "자가 구입",
}

_EN: dict[str, str] = {
    "matter.count_clinics": "Takes {count} medicines regularly, prescribed by {clinics} clinics.",
    "matter.count": "Takes {count} medicines regularly.",
    "matter.help.organiser": "Help sort the medicines into a weekly pill organiser.",
    "matter.help.bring_list": "Remind the resident to take the medicine list to every clinic.",
    "matter.misses_doses": "Often misses doses of: {items}",
    "matter.help.misses_doses": "Ask whether the medicines were taken when you call or visit.",
    "matter.stopped_on_own": "Has stopped taking: {items}",
    "matter.help.stopped_on_own": (
        "Ask why (cost, discomfort, …); if it is the cost, consider medical cost support."
    ),
    "matter.takes_more": "Takes more than prescribed of: {items}",
    "matter.help.takes_more": "Help with a pill organiser and look out for medicines left over.",
    "matter.high_alert": "Takes medicines that need special care: {items}",
    "matter.help.high_alert": (
        "Tell the pharmacist at once about dizziness, falls, bruising or bleeding, or heavy "
        "drowsiness."
    ),
    "matter.prescriber_check": "The pharmacist will ask the prescriber about: {items}",
    "matter.help.prescriber_check": "Help with a clinic appointment or an escort if needed.",
    "matter.storage": "Medicines stored badly: {items}",
    "matter.help.storage": "Help bring expired or mixed-up medicines back to the pharmacy.",
    "matter.item_purpose": "{name} ({purpose})",
    "matter.items_more": "{items} and {more} more",
    "risk.housing": "Housing",
    "risk.food": "Food",
    "risk.money": "Money",
    "risk.utilities": "Utilities and heating",
    "risk.transport": "Transport to care",
    "risk.isolation": "Social isolation",
    "risk.loneliness": "Loneliness",
    "risk.safety": "Safety and abuse",
    "risk.support": "Help at home",
    "risk.literacy": "Understanding health information",
    "risk.memory": "Memory",
    "risk.medicine_cost": "Cost of medicines and care",
    "risk.observed": "Seen by the pharmacist",
    "risk.other_observations": "Other observations",
    "risk.other": "Other difficulties",
    "risk.note": "Pharmacist's note: {note}",
    "referral.case_worker_unassigned": "not yet assigned",
    "flag.count.regular": "{count} regular medicines",
    "flag.count.prescribers": "{count} prescribers",
    "flag.duplicate.same_ingredient": "Same ingredient twice",
    "flag.duplicate.same_class": "Two drugs of one class",
    "flag.older": "Caution in older adults",
    "flag.ddi": "Risky combination",
    "flag.acb": "Anticholinergic burden",
    "flag.high_alert": "High-alert medicine",
    "flag.dur": "DUR caution (imported list)",
    "flag.other": "Caution",
    "flag.items": "Items: {items}",
    "flag.source": "Source: {source}",
    "problem.line": "[{category}] {description}",
    "summary.self_bought": "Bought by the resident",
}

WORDS: dict[Lang, dict[str, str]] = {"ko": _KO, "en": _EN}


def word(key: str, lang: Lang, **values: object) -> str:
    template = WORDS[lang][key]
    return template.format(**values) if values else template


def has_word(key: str) -> bool:
    return key in _KO
