"""Fictional consultations for the demo residents: what older adults in Korea typically take.

Each resident's chronic conditions decide the prescriptions (from one to three clinics), with
some over-the-counter medicines and supplements on top. The inventory changes a little from one
session to the next (a medicine stopped, one added), some medicines are missed or kept badly,
and the problems, advice and next visits follow from that. Every medicine is a row of the
bundled catalog, so the risk flags work on demo data as on real data.

One resident, the showcase, is written out by hand: ten medicines from three clinics with a
known interacting pair (warfarin with an NSAID) and social screening answers, for screenshots
and demonstrations.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from consultdesk.domain.catalog import CatalogIngredient
from consultdesk.domain.consultation import (
    Action,
    Intervention,
    Place,
    Present,
    ProblemCategory,
    Source,
    Status,
)
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.domain.screening import ScreeningForm
from consultdesk.storage.consultations_repo import ingredients_json

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Med:
    """A medicine as a prescription or a shelf holds it. ``key`` is the ATC code of a catalog
    row, or the Korean name of a catalog row that has no code (e.g. 홍삼)."""

    key: str
    strength: str
    purpose: str
    clinic: str  # internal / ortho / neuro / uro / "" (bought, not prescribed)
    morning: str = ""
    noon: str = ""
    evening: str = ""
    bedtime: str = ""
    as_needed: str = ""
    source: Source = Source.PRESCRIPTION


def _rx(
    key: str,
    strength: str,
    purpose: str,
    clinic: str,
    times: str = "",
    *,
    bedtime: str = "",
    as_needed: str = "",
    source: Source = Source.PRESCRIPTION,
) -> Med:
    """``times`` gives the amounts for morning, noon, evening and bedtime as digits, "0" for
    none: "101" = one in the morning and one in the evening, "0001" = one at bedtime."""
    amounts = ["" if ch == "0" else ch for ch in times.ljust(4, "0")]
    morning, noon, evening, at_bed = amounts
    return Med(
        key, strength, purpose, clinic, morning, noon, evening, bedtime or at_bed, as_needed, source
    )


def _otc(key: str, strength: str, purpose: str, times: str = "", prn: str = "") -> Med:
    return _rx(key, strength, purpose, "", times, as_needed=prn, source=Source.OTC)


def _supp(key: str, strength: str, purpose: str, times: str = "1") -> Med:
    return _rx(key, strength, purpose, "", times, source=Source.SUPPLEMENT)


# Each condition: (probability, alternatives) slots; one alternative is taken per slot.
PROFILES: dict[str, tuple[tuple[float, tuple[Med, ...]], ...]] = {
    "고혈압": (
        (
            1.0,
            (
                _rx("C08CA01", "5 mg", "혈압", "internal", "1"),
                _rx("C09CA01", "50 mg", "혈압", "internal", "1"),
                _rx("C09CA07", "40 mg", "혈압", "internal", "1"),
                _rx("C09CA03", "80 mg", "혈압", "internal", "1"),
            ),
        ),
        (
            0.5,
            (
                _rx("C03AA03", "12.5 mg", "혈압 (이뇨제)", "internal", "1"),
                _rx("C07AB07", "2.5 mg", "혈압·맥박", "internal", "1"),
                _rx("C08CA01", "5 mg", "혈압", "internal", "1"),
            ),
        ),
        (0.25, (_rx("B01AC06", "100 mg", "혈전 예방", "internal", "1"),)),
    ),
    "당뇨병": (
        (1.0, (_rx("A10BA02", "500 mg", "당뇨", "internal", "101"),)),
        (
            0.6,
            (
                _rx("A10BB12", "2 mg", "당뇨", "internal", "1"),
                _rx("A10BH01", "100 mg", "당뇨", "internal", "1"),
                _rx("A10BH05", "5 mg", "당뇨", "internal", "1"),
            ),
        ),
        (
            0.3,
            (
                _rx("A10BK03", "10 mg", "당뇨", "internal", "1"),
                _rx("A10BK01", "10 mg", "당뇨", "internal", "1"),
            ),
        ),
        (0.06, (_rx("A10AE04", "100 U/mL", "당뇨 (인슐린)", "internal", bedtime="12단위"),)),
    ),
    "고지혈증": (
        (
            1.0,
            (
                _rx("C10AA05", "10 mg", "콜레스테롤", "internal", "001"),
                _rx("C10AA07", "10 mg", "콜레스테롤", "internal", "001"),
                _rx("C10AA05", "20 mg", "콜레스테롤", "internal", "001"),
            ),
        ),
        (0.2, (_rx("C10AX09", "10 mg", "콜레스테롤", "internal", "001"),)),
    ),
    "골관절염": (
        (
            0.85,
            (
                _rx("N02BE01", "650 mg", "무릎 통증", "ortho", "111"),
                _rx("M01AB16", "100 mg", "무릎 통증", "ortho", "101"),
                _rx("M01AH01", "200 mg", "무릎 통증", "ortho", "1"),
                _rx("M01AC06", "7.5 mg", "허리 통증", "ortho", "1"),
            ),
        ),
        (0.5, (_rx("M03BX09", "50 mg", "근육 이완", "ortho", "111"),)),
        (
            0.45,
            (
                _rx("A02BX14", "100 mg", "위 보호", "ortho", "111"),
                _rx("A02BC05", "20 mg", "위 보호", "ortho", "1"),
            ),
        ),
        (
            0.2,
            (
                _rx("N02AX02", "50 mg", "심한 통증", "ortho", "101"),
                _rx("N02BF02", "75 mg", "저림·신경통", "ortho", "101"),
            ),
        ),
        (0.1, (_rx("M02AA15", "1%", "무릎 통증 (바르는 약)", "ortho", as_needed="적당량"),)),
    ),
    "골다공증": (
        (0.8, (_rx("M05BA04", "70 mg", "골다공증 (주 1회 아침)", "ortho", "1"),)),
        (0.6, (_rx("A12AA04", "500 mg", "칼슘 보충", "ortho", "101"),)),
    ),
    "불면증": (
        (
            1.0,
            (
                _rx("N05CF02", "10 mg", "불면", "neuro", "0001"),
                _rx("N05BA12", "0.25 mg", "불면·불안", "neuro", "0001"),
                _rx("N06AX05", "25 mg", "불면", "neuro", "0001"),
                _rx("N05BA06", "0.5 mg", "불안", "neuro", "0001"),
            ),
        ),
    ),
    "우울증": (
        (
            1.0,
            (
                _rx("N06AB10", "10 mg", "우울", "neuro", "1"),
                _rx("N06AB06", "50 mg", "우울", "neuro", "1"),
                _rx("N06AX05", "50 mg", "우울·불면", "neuro", "0001"),
            ),
        ),
    ),
    "만성 위염": (
        (
            1.0,
            (
                _rx("A02BC04", "10 mg", "위염", "internal", "1"),
                _rx("A02BC05", "20 mg", "위염", "internal", "1"),
                _rx("A02BA03", "20 mg", "위염", "internal", "101"),
            ),
        ),
        (
            0.5,
            (
                _rx("A02BX14", "100 mg", "위염", "internal", "111"),
                _rx("A03FA09", "5 mg", "소화 불량", "internal", "111"),
                _rx("에카베트나트륨", "1 g", "위염", "internal", "101"),
            ),
        ),
    ),
    "전립선비대증": (
        (
            1.0,
            (
                _rx("G04CA02", "0.2 mg", "소변 불편 (전립선)", "uro", "0001"),
                _rx("G04CA04", "4 mg", "소변 불편 (전립선)", "uro", "101"),
            ),
        ),
        (0.3, (_rx("G04CB02", "0.5 mg", "전립선", "uro", "1"),)),
    ),
    "심방세동": (
        (
            1.0,
            (
                _rx("B01AA03", "2 mg", "혈전 예방 (심방세동)", "internal", "001"),
                _rx("B01AF01", "15 mg", "혈전 예방 (심방세동)", "internal", "001"),
                _rx("B01AF02", "2.5 mg", "혈전 예방 (심방세동)", "internal", "101"),
            ),
        ),
        (
            0.6,
            (
                _rx("C07AB07", "2.5 mg", "맥박 조절", "internal", "1"),
                _rx("C07AG02", "6.25 mg", "맥박 조절", "internal", "101"),
            ),
        ),
    ),
    "만성 신장병": (
        (0.7, (_rx("C03CA01", "20 mg", "부종", "internal", "1"),)),
        (0.3, (_rx("A12AA04", "500 mg", "인 조절", "internal", "111"),)),
    ),
    "경도인지장애": (
        (0.8, (_rx("N06DA02", "5 mg", "기억력", "neuro", "0001"),)),
        (0.3, (_rx("N06DX02", "80 mg", "기억력", "neuro", "101"),)),
    ),
}

OTC = (
    _otc("N02BE01", "500 mg", "두통·통증", prn="1"),
    _otc("A02BA03", "10 mg", "속쓰림", prn="1"),
    _otc("R06AA02", "25 mg", "잠이 안 올 때", prn="1"),
    _otc("A06AB02", "5 mg", "변비", prn="1"),
    _otc("S01XA20", "0.1%", "눈 건조", prn="1방울"),
    _otc("R06AB04", "2 mg", "콧물·가려움", prn="1"),
)
SUPPLEMENTS = (
    _supp("멀티비타민", "", "영양 보충"),
    _supp("C10AX06", "1 g", "혈행 개선"),
    _supp("홍삼", "", "기력 보충", "101"),
    _supp("M01AX05", "500 mg", "관절", "101"),
    _supp("루테인", "20 mg", "눈 건강"),
    _supp("A11CC05", "1000 IU", "뼈 건강"),
    _supp("A07FA01", "", "장 건강"),
    _supp("C01EB09", "100 mg", "기력 보충"),
    _supp("엠에스엠", "", "관절"),
)
# Things found in the home that nobody could name: kept as free text, "unmatched".
UNMATCHED = (
    "이름 모르는 흰 알약 (봉투 없음)",
    "한약 (한의원, 하루 2번)",
    "이웃에게 받은 관절약",
    "오래된 감기약 가루약",
)

_FREE_TEXT = Med("", "", "", "", morning="1", source=Source.OTC)

CLINICS = {
    "internal": (
        "바른내과의원",
        "새봄내과의원",
        "온누리내과의원",
        "한빛내과의원",
        "늘푸른내과의원",
    ),
    "ortho": ("튼튼정형외과의원", "새힘정형외과의원", "곧은정형외과의원"),
    "neuro": ("늘봄신경과의원", "숲속정신건강의학과의원", "마음편한신경과의원"),
    "uro": ("맑은비뇨의학과의원", "편한비뇨의학과의원"),
}

_STORAGE = (
    "유효기간이 지난 약이 섞여 있음",
    "여러 약을 한 통에 섞어 보관",
    "햇볕 드는 창가에 보관",
    "약 봉투 없이 알약만 모아 둠",
)
_ADVICE = (
    "아침 약과 저녁 약을 요일별 약 상자에 나눠 담아 드림.",
    "식사를 거르셔도 혈압약은 드시도록 안내함.",
    "유효기간이 지난 약은 약국에 가져오시면 폐기해 드린다고 안내함.",
    "진통제는 하루 정해진 횟수를 넘기지 마시도록 안내함.",
    "처방받은 병원마다 복용 약 목록을 보여 드리도록 안내함.",
    "잠들기 직전에 수면제를 드시고 밤에 일어날 때 천천히 움직이시도록 안내함.",
    "물을 충분히 드시도록 안내함.",
    "큰 글씨 복약 목록을 냉장고에 붙여 드림.",
)
_FOLLOW_UP = (
    "다음 방문 때 약 상자 사용 확인.",
    "처방 의원 답변 확인 후 전화 안내.",
    "혈압 수첩 기록 확인.",
    "복지관 사례담당자와 연계 결과 확인.",
    "",
)
_OBSERVATIONS = (
    "혼자 사시며 낮에는 주로 텔레비전을 보심.",
    "무릎 통증으로 외출이 어려워 병원 방문을 미루심.",
    "자녀가 주말마다 방문해 약을 챙겨 드림.",
    "집 안에 곰팡이 냄새가 남.",
    "복지관 경로식당을 이용하심.",
)
_OBSERVED = (
    ("냉장고가 거의 비어 있음", "high", ("meal_support", "food_bank")),
    ("겨울인데 난방을 거의 하지 않으심", "moderate", ("energy_support",)),
    ("현관 계단 난간이 흔들려 넘어질 위험이 있음", "moderate", ("housing_repair",)),
    ("말벗이 없어 하루 종일 말할 사람이 없다고 하심", "moderate", ("emotional_support",)),
)
_SEDATIVES = {"N05CF02", "N05BA12", "N05BA06", "R06AA02"}
_NSAIDS = ("M01AB", "M01AC", "M01AH")
_ANTICOAGULANTS = ("B01AA", "B01AF")


# --- the catalog rows behind the medicines -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str
    ingredients: str  # JSON, as the medication row stores it
    form: str
    atc: str


class MedicineNames:
    """Turns a Med's key into its catalog row, once per key."""

    def __init__(self, ingredients: tuple[CatalogIngredient, ...]) -> None:
        self._by_atc = {i.atc: i for i in ingredients if i.atc}
        self._by_name = {i.name_ko: i for i in ingredients if not i.atc}
        self._cache: dict[str, _Resolved] = {}

    def resolve(self, key: str) -> _Resolved:
        found = self._cache.get(key)
        if found is None:
            row = self._by_atc.get(key) or self._by_name.get(key)
            if row is None:
                raise KeyError(f"demo medicine {key!r} is not in the bundled catalog")
            ingredient = Ingredient(row.atc, row.name_ko, row.name_en)
            found = _Resolved(row.name_ko, ingredients_json((ingredient,)), row.form, row.atc)
            self._cache[key] = found
        return found

    def check(self) -> None:
        """Fail early (in the tests) if the catalog lost a medicine the demo uses."""
        for slots in PROFILES.values():
            for _, meds in slots:
                for med in meds:
                    self.resolve(med.key)
        for med in OTC + SUPPLEMENTS + SHOWCASE_MEDS:
            self.resolve(med.key)


# --- one resident's sessions ---------------------------------------------------------------------


@dataclass(slots=True)
class Batch:
    consultations: list[Row] = field(default_factory=list)
    medications: list[Row] = field(default_factory=list)
    problems: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    """A medicine in one resident's home across sessions."""

    med: Med
    prescriber: str
    free_text: str = ""  # set for an unmatched item


def _stamp(day: date, at: str, minutes: int = 0) -> str:
    hour, minute = (int(x) for x in at.split(":"))
    moment = datetime.combine(day, time(hour, minute), tzinfo=UTC) + timedelta(minutes=minutes)
    return moment.isoformat(timespec="milliseconds")


class SessionMaker:
    """Makes the rows of every session of one resident, deterministically from ``rng``."""

    def __init__(
        self, rng: random.Random, today: date, names: MedicineNames, form: ScreeningForm
    ) -> None:
        self.rng = rng
        self.today = today
        self.names = names
        self.form = form

    # --- the inventory ---------------------------------------------------------------------

    def _clinics(self) -> dict[str, str]:
        return {kind: self.rng.choice(names) for kind, names in CLINICS.items()}

    def _regimen(self, conditions: list[str], clinics: dict[str, str]) -> list[_Line]:
        rng = self.rng
        lines: list[_Line] = []
        taken: set[str] = set()

        def add(med: Med) -> None:
            if med.key not in taken:
                taken.add(med.key)
                lines.append(_Line(med, clinics.get(med.clinic, "")))

        for condition in conditions:
            for chance, meds in PROFILES.get(condition, ()):
                if rng.random() < chance:
                    add(rng.choice(meds))
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(rng.choice(OTC))
        for _ in range(rng.choice((0, 1, 2, 2, 3))):
            add(rng.choice(SUPPLEMENTS))
        return lines

    def _evolve(self, lines: list[_Line], clinics: dict[str, str]) -> list[_Line]:
        """The next session's inventory: mostly the same, sometimes one more."""
        rng = self.rng
        lines = list(lines)
        if rng.random() < 0.25:
            extra = rng.choice(OTC + SUPPLEMENTS)
            if all(line.med.key != extra.key for line in lines):
                lines.append(_Line(extra, ""))
        if rng.random() < 0.03 and not any(line.free_text for line in lines):
            lines.append(_Line(_FREE_TEXT, "", free_text=rng.choice(UNMATCHED)))
        return lines

    # --- one session -----------------------------------------------------------------------

    def resident(
        self,
        resident_id: str,
        conditions: list[str],
        count: int,
        batch: Batch,
    ) -> None:
        """Add ``count`` sessions of one resident to ``batch``, oldest first."""
        if count <= 0:
            return
        rng = self.rng
        clinics = self._clinics()
        dates = self._dates(count)
        lines = self._regimen(conditions, clinics)
        draft_last = rng.random() < 0.15
        for number, day in enumerate(dates, start=1):
            last = number == count
            status = Status.DRAFT if last and draft_last else Status.FINAL
            following = dates[number] if not last else None
            kept = self._session(resident_id, number, day, following, status, lines, batch)
            lines = self._evolve(kept, clinics)

    def _dates(self, count: int) -> list[date]:
        rng = self.rng
        day = self.today - timedelta(days=rng.randint(0, 75))
        dates = [day]
        for _ in range(count - 1):
            day -= timedelta(days=rng.randint(25, 70))
            dates.append(day)
        return dates[::-1]

    def _session(
        self,
        resident_id: str,
        number: int,
        day: date,
        following: date | None,
        status: Status,
        lines: list[_Line],
        batch: Batch,
    ) -> list[_Line]:
        """Write one session; return the lines still in the home afterwards."""
        rng = self.rng
        consultation_id = new_id()
        kept: list[_Line] = []
        problems: list[tuple[ProblemCategory, str, Intervention, str]] = []
        for position, line in enumerate(lines):
            row, action = self._medication(consultation_id, position, line, problems)
            batch.medications.append(row)
            if action not in (Action.STOP, Action.DISPOSE):
                kept.append(line)
        problems += self._interaction_problems(lines)
        rng.shuffle(problems)
        for position, (category, text, intervention, outcome) in enumerate(problems[:3]):
            batch.problems.append(
                {
                    "id": new_id(),
                    "consultation_id": consultation_id,
                    "position": position,
                    "category": category.value,
                    "description": text,
                    "intervention": intervention.value,
                    "outcome": outcome,
                    "deleted": False,
                }
            )
        at = f"{rng.randint(9, 16):02d}:{rng.choice(('00', '30'))}"
        duration = rng.choice((30, 40, 40, 50, 60, 60, 90))
        if following is not None:
            next_visit: date | None = following - timedelta(days=rng.randint(0, 5))
        elif rng.random() < 0.9:
            next_visit = day + timedelta(days=rng.choice((14, 21, 28, 28, 42, 56)))
        else:
            next_visit = None  # the programme ended for this resident
        first = number == 1
        screening = self.screening() if rng.random() < (0.7 if first else 0.15) else {}
        observed = []
        if rng.random() < 0.05:
            text, severity, services = rng.choice(_OBSERVED)
            observed.append({"text": text, "severity": severity, "services": list(services)})
        batch.consultations.append(
            self.consultation_row(
                consultation_id,
                resident_id,
                number,
                day,
                at,
                duration,
                status,
                place=rng.choice(
                    (Place.HOME, Place.HOME, Place.HOME, Place.WELFARE_CENTRE, Place.PHONE)
                ),
                present=self._present(),
                advice=" ".join(rng.sample(_ADVICE, rng.randint(1, 2))),
                follow_up_plan=rng.choice(_FOLLOW_UP),
                next_visit=next_visit,
                observations=rng.choice(_OBSERVATIONS) if rng.random() < 0.15 else "",
                screening=screening,
                observed=observed,
            )
        )
        return kept

    def _present(self) -> list[str]:
        present = [Present.RESIDENT.value]
        roll = self.rng.random()
        if roll < 0.12:
            present.append(Present.FAMILY.value)
        elif roll < 0.18:
            present.append(Present.CASE_WORKER.value)
        elif roll < 0.21:
            present.append(Present.CARER.value)
        return sorted(present)

    def consultation_row(
        self,
        consultation_id: str,
        resident_id: str,
        number: int,
        day: date,
        at: str,
        duration: int,
        status: Status,
        *,
        place: Place,
        present: list[str],
        advice: str,
        follow_up_plan: str,
        next_visit: date | None,
        observations: str,
        screening: dict[str, str | list[str]],
        observed: list[dict[str, Any]],
    ) -> Row:
        final = status is Status.FINAL
        return {
            "id": consultation_id,
            "resident_id": resident_id,
            "number": number,
            "visit_date": day,
            "visit_time": at,
            "place": place.value,
            "duration_min": duration,
            "present": json.dumps(present),
            "status": status.value,
            "advice": advice,
            "follow_up_plan": follow_up_plan,
            "next_visit": next_visit,
            "observations": observations,
            "screening": json.dumps(dict(sorted(screening.items())), ensure_ascii=False),
            "observed": json.dumps(observed, ensure_ascii=False),
            "amendment_count": 0,
            "finalised_at": _stamp(day, at, duration) if final else "",
            "updated_at": _stamp(day, at, duration),
            "deleted": False,
        }

    def _medication(
        self,
        consultation_id: str,
        position: int,
        line: _Line,
        problems: list[tuple[ProblemCategory, str, Intervention, str]],
    ) -> tuple[Row, Action]:
        rng = self.rng
        med = line.med
        resolved = None if line.free_text else self.names.resolve(med.key)
        name = resolved.name if resolved else line.free_text
        adherence, action, storage, leftover = Adherence.AS_PRESCRIBED, Action.CONTINUE, "", ""
        roll = rng.random()
        if roll < 0.12:
            adherence = Adherence.MISSES_DOSES
            leftover = f"{rng.choice((10, 15, 20, 30))}일분 남음"
            problems.append(
                (
                    ProblemCategory.ADHERENCE,
                    f"{name}: 복용을 자주 잊으심",
                    Intervention.ADVICE,
                    "약 상자 사용 안내",
                )
            )
        elif roll < 0.15:
            adherence = Adherence.STOPPED_ON_OWN
            action = Action.ASK_PRESCRIBER
            problems.append(
                (
                    ProblemCategory.ADHERENCE,
                    f"{name}: 부작용이 걱정되어 스스로 끊으심",
                    Intervention.CONTACT_PRESCRIBER,
                    "",
                )
            )
        elif roll < 0.16 and med.as_needed:
            adherence = Adherence.TAKES_MORE
            problems.append(
                (
                    ProblemCategory.ADHERENCE,
                    f"{name}: 아픈 날은 정해진 양보다 더 드심",
                    Intervention.ADVICE,
                    "",
                )
            )
        if rng.random() < 0.05:
            storage = rng.choice(_STORAGE)
            if storage.startswith("유효기간"):
                action = Action.DISPOSE
            problems.append(
                (ProblemCategory.STORAGE, f"{name}: {storage}", Intervention.ADVICE, "")
            )
        elif med.source is not Source.PRESCRIPTION and rng.random() < 0.04:
            action = Action.STOP
        ingredients, form = (resolved.ingredients, resolved.form) if resolved else ("[]", "oral")
        row = {
            "id": new_id(),
            "consultation_id": consultation_id,
            "position": position,
            "name_as_found": name,
            "ingredients": ingredients,
            "strength": med.strength,
            "form": form,
            "morning": med.morning,
            "noon": med.noon,
            "evening": med.evening,
            "bedtime": med.bedtime,
            "as_needed": med.as_needed,
            "prescriber": line.prescriber,
            "purpose": med.purpose,
            "source": med.source.value,
            "adherence": adherence.value,
            "storage_problem": storage,
            "leftover": leftover,
            "action": action.value,
            "deleted": False,
        }
        return row, action

    def _interaction_problems(
        self, lines: list[_Line]
    ) -> list[tuple[ProblemCategory, str, Intervention, str]]:
        rng = self.rng
        codes = {self.names.resolve(line.med.key).atc: line for line in lines if not line.free_text}
        found: list[tuple[ProblemCategory, str, Intervention, str]] = []
        nsaid = next((c for c in codes if c.startswith(_NSAIDS)), None)
        blood = next((c for c in codes if c.startswith(_ANTICOAGULANTS)), None)
        if nsaid and blood:
            a, b = self.names.resolve(blood).name, self.names.resolve(nsaid).name
            found.append(
                (
                    ProblemCategory.INTERACTION,
                    f"{a}와 {b}(소염진통제)를 함께 드심: 출혈 위험",
                    Intervention.CONTACT_PRESCRIBER,
                    "",
                )
            )
        sedative = next((c for c in codes if c in _SEDATIVES), None)
        if sedative and rng.random() < 0.4:
            name = self.names.resolve(sedative).name
            found.append(
                (
                    ProblemCategory.ADVERSE_EFFECT,
                    f"{name}: 아침까지 어지럽다고 하심, 넘어질 위험",
                    Intervention.CONTACT_PRESCRIBER,
                    "",
                )
            )
        if len(lines) >= 10 and rng.random() < 0.6:
            found.append(
                (
                    ProblemCategory.DUPLICATION,
                    f"복용 약이 {len(lines)}가지로 많음: 처방 정리가 필요함",
                    Intervention.CONTACT_PRESCRIBER,
                    "",
                )
            )
        if rng.random() < 0.03:
            found.append(
                (
                    ProblemCategory.COST,
                    "약값이 부담되어 처방약을 나눠 드심",
                    Intervention.REFER_CASE_WORKER,
                    "",
                )
            )
        return found

    # --- screening ---------------------------------------------------------------------------

    def screening(self) -> dict[str, str | list[str]]:
        """Answers to the social screening: most without a concern, some with one."""
        rng = self.rng
        answers: dict[str, str | list[str]] = {}
        for question in self.form.questions:
            if rng.random() < 0.08:
                continue  # skipped, as anyone may
            calm = [a for a in question.answers if a.severity is None]
            worried = [a for a in question.answers if a.severity is not None]
            if question.multiple:
                exclusive = [a for a in calm if a.exclusive]
                if exclusive and (not worried or rng.random() < 0.75):
                    answers[question.id] = [exclusive[0].id]
                elif worried:
                    picked = rng.sample(worried, min(len(worried), rng.randint(1, 2)))
                    answers[question.id] = sorted(a.id for a in picked)
                continue
            pool = worried if worried and rng.random() < 0.2 else (calm or worried)
            answers[question.id] = rng.choice(pool).id
        return answers


# --- the showcase resident -----------------------------------------------------------------------

SHOWCASE_NAME = "한옥순"
SHOWCASE_CONDITIONS = "고혈압, 당뇨병, 고지혈증, 심방세동, 골관절염, 불면증"
_INTERNAL, _ORTHO, _NEURO = "햇빛내과의원", "튼튼정형외과의원", "마음편한신경과의원"
SHOWCASE_MEDS = (
    _rx("B01AA03", "2 mg", "혈전 예방 (심방세동)", "internal", "001"),
    _rx("C08CA01", "5 mg", "혈압", "internal", "1"),
    _rx("C09CA01", "50 mg", "혈압", "internal", "1"),
    _rx("A10BA02", "500 mg", "당뇨", "internal", "101"),
    _rx("C10AA05", "10 mg", "콜레스테롤", "internal", "001"),
    _rx("N05CF02", "10 mg", "불면", "neuro", "0001"),
    _supp("M01AX05", "500 mg", "관절", "101"),
    _rx("A02BC04", "10 mg", "위 보호", "ortho", "1"),
    _rx("M01AB16", "100 mg", "무릎 통증", "ortho", "101"),
    _rx("M03BX09", "50 mg", "근육 이완", "ortho", "111"),
)
_SHOWCASE_CLINICS = {"internal": _INTERNAL, "ortho": _ORTHO, "neuro": _NEURO}
SHOWCASE_SCREENING: dict[str, str | list[str]] = {
    "housing_stability": "no",
    "housing_conditions": ["mould", "no_heating"],
    "food_worry": "sometimes",
    "meals": "one",
    "money_strain": "somewhat",
    "utilities": "no",
    "heating_cooling": "often",
    "transport": "sometimes",
    "social_contacts": "none",
    "help_available": "no",
    "lonely_company": "often",
    "lonely_left_out": "some_of_the_time",
    "lonely_cut_off": "often",
    "feels_safe": "yes",
    "harmed": "no",
    "daily_help": "need_more",
    "reading_labels": "sometimes",
    "understanding": "no",
    "memory": "a_little",
    "medicine_cost": "no",
}


def showcase_sessions(maker: SessionMaker, resident_id: str, batch: Batch) -> None:
    """Three sessions: the orthopaedic clinic's NSAID, muscle relaxant and stomach pill arrive
    in the third, next to warfarin; the third is today's visit, still a draft."""
    today = maker.today
    plans = (
        (today - timedelta(days=118), SHOWCASE_MEDS[:6], Status.FINAL),
        (today - timedelta(days=61), SHOWCASE_MEDS[:7], Status.FINAL),
        (today, SHOWCASE_MEDS, Status.DRAFT),
    )
    for number, (day, meds, status) in enumerate(plans, start=1):
        consultation_id = new_id()
        last = number == len(plans)
        for position, med in enumerate(meds):
            resolved = maker.names.resolve(med.key)
            misses = last and med.key == "A10BA02"
            batch.medications.append(
                {
                    "id": new_id(),
                    "consultation_id": consultation_id,
                    "position": position,
                    "name_as_found": resolved.name,
                    "ingredients": resolved.ingredients,
                    "strength": med.strength,
                    "form": resolved.form,
                    "morning": med.morning,
                    "noon": med.noon,
                    "evening": med.evening,
                    "bedtime": med.bedtime,
                    "as_needed": med.as_needed,
                    "prescriber": _SHOWCASE_CLINICS.get(med.clinic, ""),
                    "purpose": med.purpose,
                    "source": med.source.value,
                    "adherence": (
                        Adherence.MISSES_DOSES if misses else Adherence.AS_PRESCRIBED
                    ).value,
                    "storage_problem": (
                        "다른 약과 한 통에 섞어 보관" if last and med.key == "M01AX05" else ""
                    ),
                    "leftover": "저녁 약 30정 남음" if misses else "",
                    "action": (
                        Action.ASK_PRESCRIBER if last and med.key == "M01AB16" else Action.CONTINUE
                    ).value,
                    "deleted": False,
                }
            )
        problems = _SHOWCASE_PROBLEMS if last else _SHOWCASE_EARLIER_PROBLEMS[number - 1]
        for position, (category, text, intervention, outcome) in enumerate(problems):
            batch.problems.append(
                {
                    "id": new_id(),
                    "consultation_id": consultation_id,
                    "position": position,
                    "category": category.value,
                    "description": text,
                    "intervention": intervention.value,
                    "outcome": outcome,
                    "deleted": False,
                }
            )
        following = plans[number][0] if not last else None
        batch.consultations.append(
            maker.consultation_row(
                consultation_id,
                resident_id,
                number,
                day,
                "14:00",
                50,
                status,
                place=Place.HOME,
                present=[Present.RESIDENT.value],
                advice=_SHOWCASE_ADVICE[number - 1],
                follow_up_plan=_SHOWCASE_FOLLOW_UP[number - 1],
                next_visit=following if following else today + timedelta(days=14),
                observations=(
                    "혼자 사시며 자녀와 연락이 거의 없음. 겨울인데 난방을 거의 하지 않으심."
                    if last
                    else ""
                ),
                screening=SHOWCASE_SCREENING if number in (1, 3) else {},
                observed=(
                    [
                        {
                            "text": "냉장고가 거의 비어 있고 하루 한 끼만 드신다고 함",
                            "severity": "high",
                            "services": ["meal_support", "food_bank"],
                        }
                    ]
                    if last
                    else []
                ),
            )
        )


_SHOWCASE_PROBLEMS = (
    (
        ProblemCategory.INTERACTION,
        "와파린과 아세클로페낙(소염진통제)을 함께 드심: 출혈 위험. 정형외과에 처방 확인 필요",
        Intervention.CONTACT_PRESCRIBER,
        "",
    ),
    (
        ProblemCategory.ADHERENCE,
        "메트포르민 저녁 약을 자주 잊으심 (30정 남음)",
        Intervention.ADVICE,
        "요일별 약 상자 사용 안내",
    ),
    (
        ProblemCategory.ADVERSE_EFFECT,
        "졸피뎀 복용 뒤 새벽에 화장실 갈 때 어지러움: 넘어질 위험",
        Intervention.CONTACT_PRESCRIBER,
        "",
    ),
)
_SHOWCASE_EARLIER_PROBLEMS = (
    ((ProblemCategory.OTHER, "혈압 수첩 기록을 하지 않으심", Intervention.ADVICE, "수첩 드림"),),
    (
        (
            ProblemCategory.ADHERENCE,
            "글루코사민을 처방약과 같은 통에 넣어 두심",
            Intervention.ADVICE,
            "따로 보관 안내",
        ),
    ),
)
_SHOWCASE_ADVICE = (
    "혈압약은 아침 식사 후 드시고 혈압 수첩에 적으시도록 안내함.",
    "건강기능식품도 복용 약 목록에 적어 병원마다 보여 드리도록 안내함.",
    "정형외과 진통제는 답변이 올 때까지 아세트아미노펜으로 바꿔 드시도록 안내함. "
    "저녁 약을 요일별 약 상자에 나눠 담아 드림.",
)
_SHOWCASE_FOLLOW_UP = (
    "한 달 뒤 혈압 수첩 확인.",
    "두 달 뒤 방문.",
    "2주 뒤 방문해 정형외과 답변과 약 상자 사용 확인. 복지관에 밑반찬 지원과 안부 확인 연계 요청.",
)


def iter_counts(rng: random.Random, residents: int, total: int | None, cap: int) -> Iterator[int]:
    """Sessions per resident: 1 to 8 each; ``total`` (if given) is met exactly when it can be
    (at most 8 per resident), and the sum never exceeds ``cap``."""
    weights = (8, 10, 12, 14, 15, 15, 14, 12)  # 1..8 sessions, mean about 4.8
    counts = rng.choices(range(1, 9), weights, k=residents)
    target = min(cap, sum(counts) if total is None else total, 8 * residents)
    excess = sum(counts) - target
    order = list(range(residents))
    rng.shuffle(order)
    # Take sessions away (or add them) one resident at a time, round robin, so the spread of
    # counts stays natural.
    while excess != 0:
        changed = False
        for n in order:
            if excess > 0 and counts[n] > (1 if target >= residents else 0):
                counts[n] -= 1
                excess -= 1
                changed = True
            elif excess < 0 and counts[n] < 8:
                counts[n] += 1
                excess += 1
                changed = True
            if excess == 0:
                break
        if not changed:
            break
    yield from counts
