"""The social risk screening form: load it, check answers, turn answers into social flags.

The form is data (resources/screening/*.json) so a programme can reword or extend it; the
local service catalog (resources/services/catalog.json) names the services a flag suggests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consultdesk.domain.rules.flag import KIND_SOCIAL, RiskFlag, Severity, sort_flags

OBSERVATION_RULE_ID = "social.observation"
OBSERVATION_SOURCE = "약사 관찰 (pharmacist's observation)"

# What a caller passes for one question: an answer id, or several for a multiple-choice one.
AnswerValue = str | Sequence[str]


class ScreeningFormError(ValueError):
    """The form or service catalog file is malformed; `where` says where."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class ScreeningAnswerError(ValueError):
    """An answer does not fit the form (unknown question, unknown option, …)."""

    def __init__(self, question_id: str, reason_code: str, message: str) -> None:
        super().__init__(f"{question_id}: {message}")
        self.question_id = question_id
        self.reason_code = reason_code


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name_ko: str
    name_en: str
    description_ko: str
    description_en: str
    contact: str = ""


@dataclass(frozen=True, slots=True)
class ServiceCatalog:
    version: str
    services: tuple[Service, ...]

    def get(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)


@dataclass(frozen=True, slots=True)
class AnswerOption:
    id: str
    label_ko: str
    label_en: str
    severity: Severity | None = None
    services: tuple[str, ...] = ()
    exclusive: bool = False  # "none of these" cannot be combined with another choice
    score: int | None = None  # only for questions that belong to a scale


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    domain: str
    text_ko: str
    text_en: str
    answers: tuple[AnswerOption, ...]
    concern_ko: str
    concern_en: str
    source: str
    multiple: bool = False

    def option(self, answer_id: str) -> AnswerOption | None:
        return next((a for a in self.answers if a.id == answer_id), None)


@dataclass(frozen=True, slots=True)
class Scale:
    """Several scored questions whose total raises one flag (e.g. a 3-item loneliness scale)."""

    id: str
    domain: str
    question_ids: tuple[str, ...]
    at_least: int
    severity: Severity
    services: tuple[str, ...]
    concern_ko: str
    concern_en: str
    source: str


@dataclass(frozen=True, slots=True)
class ScreeningForm:
    id: str
    version: str
    title_ko: str
    title_en: str
    questions: tuple[Question, ...]
    scales: tuple[Scale, ...] = ()

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


# --- loading ---------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScreeningFormError(path.name, f"cannot read: {exc}") from exc


def _text(entry: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
    value = entry.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        raise ScreeningFormError(where, f"'{key}' must be a non-empty string")
    return value.strip()


def _objects(entry: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = entry.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise ScreeningFormError(where, f"'{key}' must be a non-empty list of objects")
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ScreeningFormError(where, "'severity' must be high, moderate or low") from None


def _service_ids(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ScreeningFormError(where, "'services' must be a list of service ids")
    return tuple(value)


def load_service_catalog(path: Path) -> ServiceCatalog:
    data = _read_json(path)
    if not isinstance(data, dict):
        raise ScreeningFormError(path.name, "top level must be an object")
    services = []
    for entry in _objects(data, "services", path.name):
        where = f"{path.name} [{entry.get('id')}]"
        services.append(
            Service(
                id=_text(entry, "id", where),
                name_ko=_text(entry, "name_ko", where),
                name_en=_text(entry, "name_en", where),
                description_ko=_text(entry, "description_ko", where),
                description_en=_text(entry, "description_en", where),
                contact=_text(entry, "contact", where, required=False),
            )
        )
    _check_unique([s.id for s in services], path.name, "service")
    return ServiceCatalog(_text(data, "version", path.name), tuple(services))


def load_form(path: Path, catalog: ServiceCatalog | None = None) -> ScreeningForm:
    """Read a form; with a catalog, every suggested service must exist in it."""
    data = _read_json(path)
    if not isinstance(data, dict):
        raise ScreeningFormError(path.name, "top level must be an object")
    questions = tuple(_question(e, path.name) for e in _objects(data, "questions", path.name))
    _check_unique([q.id for q in questions], path.name, "question")
    raw_scales = data.get("scales", [])
    scales = tuple(
        _scale(e, path.name) for e in (raw_scales and _objects(data, "scales", path.name))
    )
    form = ScreeningForm(
        id=_text(data, "id", path.name),
        version=_text(data, "version", path.name),
        title_ko=_text(data, "title_ko", path.name),
        title_en=_text(data, "title_en", path.name),
        questions=questions,
        scales=scales,
    )
    _check_scales(form, path.name)
    if catalog is not None:
        _check_services(form, catalog, path.name)
    return form


def _question(entry: Mapping[str, Any], file: str) -> Question:
    where = f"{file} [{entry.get('id')}]"
    answers = []
    for raw in _objects(entry, "answers", where):
        here = f"{where} answer {raw.get('id')}"
        severity = _severity(raw["severity"], here) if "severity" in raw else None
        score = raw.get("score")
        if score is not None and (not isinstance(score, int) or isinstance(score, bool)):
            raise ScreeningFormError(here, "'score' must be a whole number")
        answers.append(
            AnswerOption(
                id=_text(raw, "id", here),
                label_ko=_text(raw, "label_ko", here),
                label_en=_text(raw, "label_en", here),
                severity=severity,
                services=_service_ids(raw.get("services", []), here),
                exclusive=bool(raw.get("exclusive", False)),
                score=score,
            )
        )
    _check_unique([a.id for a in answers], where, "answer")
    return Question(
        id=_text(entry, "id", where),
        domain=_text(entry, "domain", where),
        text_ko=_text(entry, "text_ko", where),
        text_en=_text(entry, "text_en", where),
        answers=tuple(answers),
        concern_ko=_text(entry, "concern_ko", where),
        concern_en=_text(entry, "concern_en", where),
        source=_text(entry, "source", where),
        multiple=bool(entry.get("multiple", False)),
    )


def _scale(entry: Mapping[str, Any], file: str) -> Scale:
    where = f"{file} [scale {entry.get('id')}]"
    ids = entry.get("questions")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise ScreeningFormError(where, "'questions' must list question ids")
    at_least = entry.get("at_least")
    if not isinstance(at_least, int) or isinstance(at_least, bool):
        raise ScreeningFormError(where, "'at_least' must be a whole number")
    return Scale(
        id=_text(entry, "id", where),
        domain=_text(entry, "domain", where),
        question_ids=tuple(ids),
        at_least=at_least,
        severity=_severity(entry.get("severity"), where),
        services=_service_ids(entry.get("services", []), where),
        concern_ko=_text(entry, "concern_ko", where),
        concern_en=_text(entry, "concern_en", where),
        source=_text(entry, "source", where),
    )


def _check_unique(ids: list[str], where: str, what: str) -> None:
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise ScreeningFormError(where, f"{what} id used twice: {doubles}")


def _check_scales(form: ScreeningForm, where: str) -> None:
    for scale in form.scales:
        for question_id in scale.question_ids:
            question = form.question(question_id)
            if question is None:
                raise ScreeningFormError(where, f"scale {scale.id} names unknown {question_id}")
            if question.multiple or any(a.score is None for a in question.answers):
                raise ScreeningFormError(where, f"every answer of {question_id} needs a score")


def _check_services(form: ScreeningForm, catalog: ServiceCatalog, where: str) -> None:
    known = {s.id for s in catalog.services}
    used = {sid for q in form.questions for a in q.answers for sid in a.services}
    used |= {sid for s in form.scales for sid in s.services}
    missing = sorted(used - known)
    if missing:
        raise ScreeningFormError(where, f"services not in the catalog: {missing}")


# --- answers ---------------------------------------------------------------------------------


def validate_answers(form: ScreeningForm, answers: Mapping[str, AnswerValue]) -> None:
    """Raise ScreeningAnswerError for the first answer that does not fit the form.

    Unanswered questions are fine: residents may skip any question.
    """
    for question_id in sorted(answers):
        question = form.question(question_id)
        if question is None:
            raise ScreeningAnswerError(question_id, "unknown_question", "no such question")
        chosen = _chosen(question, answers[question_id])
        options = [question.option(answer_id) for answer_id in chosen]
        for answer_id, option in zip(chosen, options, strict=True):
            if option is None:
                raise ScreeningAnswerError(
                    question_id, "unknown_answer", f"no such answer: {answer_id!r}"
                )
        if len(set(chosen)) != len(chosen):
            raise ScreeningAnswerError(question_id, "repeated_answer", "an answer is repeated")
        exclusive = [o.id for o in options if o is not None and o.exclusive]
        if exclusive and len(chosen) > 1:
            raise ScreeningAnswerError(
                question_id, "exclusive_answer", f"{exclusive[0]!r} cannot be combined"
            )


def _chosen(question: Question, value: AnswerValue) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ScreeningAnswerError(question.id, "bad_type", "answers must be answer ids")
    if not question.multiple and len(value) != 1:
        raise ScreeningAnswerError(question.id, "single_choice", "choose exactly one answer")
    return tuple(value)


def social_flags(form: ScreeningForm, answers: Mapping[str, AnswerValue]) -> list[RiskFlag]:
    """Social risk flags for validated answers, most severe first."""
    validate_answers(form, answers)
    flags = [
        flag
        for q in form.questions
        if q.id in answers
        for flag in _question_flag(form, q, _chosen(q, answers[q.id]))
    ]
    flags += [flag for scale in form.scales for flag in _scale_flag(form, scale, answers)]
    return sort_flags(flags)


def _question_flag(
    form: ScreeningForm, question: Question, chosen: tuple[str, ...]
) -> list[RiskFlag]:
    hits = [o for o in (question.option(a) for a in chosen) if o is not None and o.severity]
    if not hits:
        return []
    severity = min((o.severity for o in hits if o.severity), key=lambda s: s.rank)
    labels_ko = ", ".join(o.label_ko for o in sorted(hits, key=lambda o: o.id))
    labels_en = ", ".join(o.label_en for o in sorted(hits, key=lambda o: o.id))
    answer_ids = tuple(sorted(o.id for o in hits))
    return [
        RiskFlag(
            kind=KIND_SOCIAL,
            rule_id=f"social.{form.id}.{question.id}",
            severity=severity,
            item_ids=(),
            reason_ko=f"{question.concern_ko}: {labels_ko}",
            reason_en=f"{question.concern_en}: {labels_en}",
            source=question.source,
            params={"domain": question.domain, "question": question.id, "answers": answer_ids},
            services=tuple(sorted({s for o in hits for s in o.services})),
            # The answers are part of the key: a dismissed "sometimes" must come back as "often".
            subject=",".join(answer_ids),
        )
    ]


def _scale_flag(
    form: ScreeningForm, scale: Scale, answers: Mapping[str, AnswerValue]
) -> list[RiskFlag]:
    total = 0
    for question_id in scale.question_ids:
        question = form.question(question_id)
        value = answers.get(question_id)
        if question is None or value is None:
            continue  # a skipped item scores nothing; the total can only under-report
        option = question.option(_chosen(question, value)[0])
        if option is not None and option.score:
            total += option.score
    if total < scale.at_least:
        return []
    return [
        RiskFlag(
            kind=KIND_SOCIAL,
            rule_id=f"social.{form.id}.{scale.id}",
            severity=scale.severity,
            item_ids=(),
            reason_ko=scale.concern_ko.format(total=total),
            reason_en=scale.concern_en.format(total=total),
            source=scale.source,
            params={"domain": scale.domain, "total": total, "threshold": scale.at_least},
            services=tuple(sorted(scale.services)),
        )
    ]


def observation_flag(text: str, severity: Severity | str, services: Sequence[str] = ()) -> RiskFlag:
    """A social flag the pharmacist raises from what they saw (e.g. an empty fridge).

    The text is the pharmacist's own words, so it is shown as is in both languages; its hash
    keeps the key stable so a dismissal sticks to the same observation.
    """
    words = " ".join(text.split())
    if not words:
        raise ValueError("an observation needs some text")
    digest = hashlib.sha256(words.casefold().encode("utf-8")).hexdigest()[:16]
    return RiskFlag(
        kind=KIND_SOCIAL,
        rule_id=OBSERVATION_RULE_ID,
        severity=Severity(severity),
        item_ids=(),
        reason_ko=words,
        reason_en=words,
        source=OBSERVATION_SOURCE,
        params={"observation": words},
        services=tuple(sorted(set(services))),
        subject=digest,
    )
