"""Consultation summary (복약상담 기록) for the file: the whole session on paper."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from consultdesk.reports.blocks import (
    age_text,
    bullets,
    data_table,
    fields_table,
    fmt_date,
    heading,
    schedule_text,
)
from consultdesk.reports.content import (
    ConsultationSummaryContent,
    FlagEntry,
    FlagStatus,
    InventoryItem,
    ObservationSeen,
)
from consultdesk.reports.labels import DEFAULT_LANG, Lang, check_lang, coded, text
from consultdesk.reports.layout import CONTENT_WIDTH, PageDecor, build_document
from consultdesk.reports.styles import Styles, make_styles
from consultdesk.reports.text import markup, para

# Slightly smaller than the referral: the inventory grid has six columns.
BASE_SIZE = 9.5
LABEL_WIDTH = 30 * mm


def build_consultation_summary_pdf(
    content: ConsultationSummaryContent,
    out: Path | BinaryIO,
    lang: Lang = DEFAULT_LANG,
    *,
    invariant: bool = False,
) -> None:
    lang = check_lang(lang)
    s = make_styles(BASE_SIZE)
    story = [
        para(text("summary.title", lang), s.title),
        *_visit_and_resident(content, lang, s),
        *_inventory(content, lang, s),
        *_flags(content.flags, lang, s),
        *_observations(content, lang, s),
        *_problems(content, lang, s),
        *_advice_and_follow_up(content, lang, s),
    ]
    decor = PageDecor(
        title=text("summary.title", lang),
        # The summary stays in the pharmacy's file: its own wording, not the referral's.
        confidential=text("page.confidential_summary", lang),
        lang=lang,
        reference=content.reference_code,
    )
    build_document(out, story, decor, author=content.pharmacist.organisation, invariant=invariant)


def _visit_and_resident(c: ConsultationSummaryContent, lang: Lang, s: Styles) -> list[Flowable]:
    t = partial(text, lang=lang)
    v, r, p = c.visit, c.resident, c.pharmacist
    visit = [
        (t("visit.number"), t("visit.number_value", number=v.visit_number)),
        (t("visit.when"), f"{fmt_date(v.visit_date)} {v.visit_time}".rstrip()),
        (t("visit.place"), coded(v.place, lang)),
        (
            t("visit.duration"),
            t("visit.duration_value", minutes=v.duration_minutes)
            if v.duration_minutes is not None
            else t("value.not_recorded"),
        ),
        (
            t("visit.pharmacist"),
            t("pharmacist.line", name=p.name, organisation=p.organisation, phone=p.phone),
        ),
        (
            t("visit.present"),
            ", ".join(coded(who, lang) for who in v.present) or t("value.not_recorded"),
        ),
    ]
    centre = " · ".join(x for x in (r.welfare_centre, r.case_worker) if x.strip())
    resident = [
        (t("resident.name"), r.name),
        (t("resident.sex"), coded(r.sex, lang)),
        (t("resident.age"), age_text(r.birth_year, r.age_years, lang)),
        (t("resident.living"), r.living_situation or t("value.not_recorded")),
        (t("resident.centre"), centre or t("value.not_recorded")),
        # Not recorded is not "none": nothing in the record says anyone asked.
        (t("resident.conditions"), ", ".join(r.conditions) or t("value.not_recorded")),
        (t("resident.allergies"), ", ".join(r.allergies) or t("value.not_recorded")),
    ]
    return [
        *heading(t("summary.section.visit"), s),
        fields_table(visit, s, width=CONTENT_WIDTH, label_width=LABEL_WIDTH, per_row=2),
        *heading(t("summary.section.resident"), s),
        fields_table(resident, s, width=CONTENT_WIDTH, label_width=LABEL_WIDTH, per_row=2),
    ]


def _inventory_row(number: int, item: InventoryItem, lang: Lang, s: Styles) -> list[Flowable | str]:
    name = f"<b>{markup(item.name)}</b> {markup(item.strength)}".strip()
    detail = " · ".join(x for x in (markup(item.purpose), markup(coded(item.source, lang))) if x)
    adherence = [markup(coded(item.adherence, lang))]
    if item.storage_problem.strip():
        adherence.append(markup(item.storage_problem))
    return [
        str(number),
        Paragraph(f"{name}<br/>{detail}", s.cell),
        schedule_text(item.schedule, lang),
        item.prescriber,
        Paragraph("<br/>".join(adherence), s.cell),
        item.action,
    ]


def _inventory(c: ConsultationSummaryContent, lang: Lang, s: Styles) -> list[Flowable]:
    t = partial(text, lang=lang)
    story: list[Flowable] = [*heading(t("summary.section.inventory"), s)]
    if not c.inventory:
        return [*story, para(t("summary.none"), s.body)]
    story.append(
        para(t("inventory.count", count=len(c.inventory), prescribers=c.prescriber_count()), s.body)
    )
    widths = [10 * mm, 42 * mm, 27 * mm, 29 * mm, 28 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    story.append(
        data_table(
            [
                t("inventory.col.no"),
                t("inventory.col.medicine"),
                t("inventory.col.how"),
                t("inventory.col.prescriber"),
                t("inventory.col.adherence"),
                t("inventory.col.action"),
            ],
            [_inventory_row(n, item, lang, s) for n, item in enumerate(c.inventory, start=1)],
            s,
            col_widths=widths,
        )
    )
    return story


def _flag_decision(flag: FlagEntry, lang: Lang) -> str:
    decision = coded(flag.status, lang)
    if flag.status is FlagStatus.DISMISSED:
        decision += "\n" + text("flag.dismissed_reason", lang, reason=flag.dismiss_reason)
    return decision


def _flags(flags: tuple[FlagEntry, ...], lang: Lang, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [*heading(text("summary.section.flags", lang), s)]
    if not flags:
        return [*story, para(text("summary.none", lang), s.body)]
    widths = [18 * mm, 42 * mm, 62 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    rows = [
        [
            coded(f.kind, lang),
            f.title,
            f.why,
            _flag_decision(f, lang),
        ]
        for f in flags
    ]
    header = [text(f"flag.col.{col}", lang) for col in ("kind", "flag", "why", "status")]
    story.append(data_table(header, rows, s, col_widths=widths))
    return story


def _observation_row(o: ObservationSeen, lang: Lang) -> list[Flowable | str]:
    return [o.text, coded(o.severity, lang), ", ".join(o.services) or text("value.none", lang)]


def _observations(c: ConsultationSummaryContent, lang: Lang, s: Styles) -> list[Flowable]:
    """약사 관찰: the risks the pharmacist saw, with the services ticked for each, then their
    own notes from the visit."""
    t = partial(text, lang=lang)
    story: list[Flowable] = [*heading(t("summary.section.observations"), s)]
    if not c.observed and not c.observations.strip():
        return [*story, para(t("summary.none"), s.body)]
    if c.observed:
        widths = [CONTENT_WIDTH * 0.5, 18 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        header = [t(f"observation.col.{col}") for col in ("what", "severity", "services")]
        rows = [_observation_row(o, lang) for o in c.observed]
        story.append(data_table(header, rows, s, col_widths=widths))
    if c.observations.strip():
        story.append(
            fields_table(
                [(t("observation.notes"), c.observations.strip())],
                s,
                width=CONTENT_WIDTH,
                label_width=LABEL_WIDTH,
            )
        )
    return story


def _problems(c: ConsultationSummaryContent, lang: Lang, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [*heading(text("summary.section.problems", lang), s)]
    if not c.problems:
        return [*story, para(text("summary.none", lang), s.body)]
    third = CONTENT_WIDTH / 3
    header = [text(f"problem.col.{col}", lang) for col in ("problem", "intervention", "outcome")]
    rows = [[d.problem, d.intervention, d.outcome] for d in c.problems]
    story.append(data_table(header, rows, s, col_widths=[third, third, third]))
    return story


def _advice_and_follow_up(c: ConsultationSummaryContent, lang: Lang, s: Styles) -> list[Flowable]:
    t = partial(text, lang=lang)
    advice = bullets(c.advice, s) or [para(t("summary.none"), s.body)]
    next_visit = fmt_date(c.next_visit) if c.next_visit else t("summary.no_next_visit")
    story: list[Flowable] = [*heading(t("summary.section.advice"), s), *advice]
    story += heading(t("summary.section.followup"), s)
    if c.follow_up_plan.strip():
        story.append(para(c.follow_up_plan, s.body))
    story.append(
        fields_table(
            [(t("summary.next_visit"), next_visit)],
            s,
            width=CONTENT_WIDTH,
            label_width=LABEL_WIDTH,
        )
    )
    return story
