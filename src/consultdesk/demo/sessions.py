"""Fictional consultations for the demo residents: what older adults in Korea typically take.

Each resident's chronic conditions decide the prescriptions (from one to three clinics), with
some over-the-counter medicines and supplements on top. The inventory changes a little from one
session to the next (a medicine stopped, one added), some medicines are missed or kept badly,
and the problems, advice and next visits follow from that. Every medicine is a row of the
bundled catalog, so the risk flags work on demo data as on real data. The tables (medicines by
condition, clinics, sentences) are resources/demo/medicines.json and sessions.json.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from consultdesk.demo import data
from consultdesk.demo.data import Med
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

_FREE_TEXT = Med("", "", "", "", morning="1", source=Source.OTC)


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
        meds = data.medicines()
        for slots in meds.profiles.values():
            for _, choices in slots:
                for med in choices:
                    self.resolve(med.key)
        for med in meds.otc + meds.supplements + data.showcase().medicines:
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


def stamp(day: date, at: str, minutes: int = 0) -> str:
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
        self.meds = data.medicines()
        self.words = data.sessions()

    # --- the inventory ---------------------------------------------------------------------

    def _clinics(self) -> dict[str, str]:
        return {kind: self.rng.choice(names) for kind, names in self.meds.clinics.items()}

    def _regimen(self, conditions: list[str], clinics: dict[str, str]) -> list[_Line]:
        rng = self.rng
        lines: list[_Line] = []
        taken: set[str] = set()

        def add(med: Med) -> None:
            if med.key not in taken:
                taken.add(med.key)
                lines.append(_Line(med, clinics.get(med.clinic, "")))

        for condition in conditions:
            for chance, choices in self.meds.profiles.get(condition, ()):
                if rng.random() < chance:
                    add(rng.choice(choices))
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(rng.choice(self.meds.otc))
        for _ in range(rng.choice((0, 1, 2, 2, 3))):
            add(rng.choice(self.meds.supplements))
        return lines

    def _evolve(self, lines: list[_Line], clinics: dict[str, str]) -> list[_Line]:
        """The next session's inventory: mostly the same, sometimes one more."""
        rng = self.rng
        lines = list(lines)
        if rng.random() < 0.25:
            extra = rng.choice(self.meds.otc + self.meds.supplements)
            if all(line.med.key != extra.key for line in lines):
                lines.append(_Line(extra, ""))
        if rng.random() < 0.03 and not any(line.free_text for line in lines):
            lines.append(_Line(_FREE_TEXT, "", free_text=rng.choice(self.meds.unmatched)))
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
            risk = rng.choice(self.words["observed"])
            observed.append(
                {"text": risk["text"], "severity": risk["severity"], "services": risk["services"]}
            )
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
                advice=" ".join(rng.sample(self.words["advice"], rng.randint(1, 2))),
                follow_up_plan=rng.choice(self.words["follow_up"]),
                next_visit=next_visit,
                observations=rng.choice(self.words["observations"]) if rng.random() < 0.15 else "",
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
            "finalised_at": stamp(day, at, duration) if final else "",
            "updated_at": stamp(day, at, duration),
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
            leftover = self.words["leftover"].format(days=rng.choice((10, 15, 20, 30)))
            problems.append(
                self._problem(
                    "misses_doses", ProblemCategory.ADHERENCE, Intervention.ADVICE, name=name
                )
            )
        elif roll < 0.15:
            adherence = Adherence.STOPPED_ON_OWN
            action = Action.ASK_PRESCRIBER
            problems.append(
                self._problem(
                    "stopped_on_own",
                    ProblemCategory.ADHERENCE,
                    Intervention.CONTACT_PRESCRIBER,
                    name=name,
                )
            )
        elif roll < 0.16 and med.as_needed:
            adherence = Adherence.TAKES_MORE
            problems.append(
                self._problem(
                    "takes_more", ProblemCategory.ADHERENCE, Intervention.ADVICE, name=name
                )
            )
        if rng.random() < 0.05:
            storage = rng.choice(self.words["storage"])
            if storage.startswith("유효기간"):
                action = Action.DISPOSE
            problems.append(
                self._problem(
                    "storage",
                    ProblemCategory.STORAGE,
                    Intervention.ADVICE,
                    name=name,
                    storage=storage,
                )
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
        nsaid = next((c for c in codes if c.startswith(self.meds.nsaids)), None)
        blood = next((c for c in codes if c.startswith(self.meds.anticoagulants)), None)
        contact = Intervention.CONTACT_PRESCRIBER
        if nsaid and blood:
            a, b = self.names.resolve(blood).name, self.names.resolve(nsaid).name
            found.append(
                self._problem("interaction", ProblemCategory.INTERACTION, contact, a=a, b=b)
            )
        sedative = next((c for c in codes if c in self.meds.sedatives), None)
        if sedative and rng.random() < 0.4:
            name = self.names.resolve(sedative).name
            found.append(
                self._problem("sedative", ProblemCategory.ADVERSE_EFFECT, contact, name=name)
            )
        if len(lines) >= 10 and rng.random() < 0.6:
            found.append(
                self._problem(
                    "many_medicines", ProblemCategory.DUPLICATION, contact, count=len(lines)
                )
            )
        if rng.random() < 0.03:
            found.append(
                self._problem("cost", ProblemCategory.COST, Intervention.REFER_CASE_WORKER)
            )
        return found

    def _problem(
        self,
        kind: str,
        category: ProblemCategory,
        intervention: Intervention,
        **values: object,
    ) -> tuple[ProblemCategory, str, Intervention, str]:
        """A drug-related problem in the words of resources/demo/sessions.json."""
        words = self.words["problems"][kind]
        return category, words["text"].format(**values), intervention, words["outcome"]

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
