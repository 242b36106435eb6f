"""Referral sheet (연계 의뢰서) for the welfare-centre case worker, with its reply slip (회신서)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from consultdesk.reports.blocks import (
    WritingLines,
    age_text,
    bullets,
    data_table,
    fields_grid,
    fields_table,
    fitted_fields_table,
    fmt_date,
    heading,
)
from consultdesk.reports.content import ReferralContent
from consultdesk.reports.labels import DEFAULT_LANG, Lang, check_lang, coded, text
from consultdesk.reports.layout import CONTENT_WIDTH, PageDecor, build_document
from consultdesk.reports.styles import CELL_PAD, Styles, make_styles
from consultdesk.reports.text import para

BASE_SIZE = 10
LABEL_WIDTH = 28 * mm
REPLY_LABEL_WIDTH = 38 * mm


def build_referral_pdf(
    content: ReferralContent,
    out: Path | BinaryIO,
    lang: Lang = DEFAULT_LANG,
    *,
    invariant: bool = False,
) -> None:
    """Write the referral sheet and its reply slip (always on a page of its own) to `out`."""
    lang = check_lang(lang)
    styles = make_styles(BASE_SIZE)
    story = [
        *_referral_pages(content, lang, styles),
        PageBreak(),
        *_reply_slip(content, lang, styles),
    ]
    decor = PageDecor(
        title=text("referral.title", lang),
        confidential=text("page.confidential", lang),
        lang=lang,
        reference=content.reference_code,
    )
    build_document(out, story, decor, author=content.pharmacist.organisation, invariant=invariant)


def _referral_pages(c: ReferralContent, lang: Lang, s: Styles) -> list[Flowable]:
    t = partial(text, lang=lang)
    p = c.pharmacist
    story: list[Flowable] = [
        para(t("referral.title"), s.title),
        fields_grid(
            [
                [
                    (
                        t("referral.to"),
                        t("referral.to_value", centre=c.welfare_centre, case_worker=c.case_worker),
                    )
                ],
                [
                    (
                        t("referral.from"),
                        t(
                            "pharmacist.line",
                            name=p.name,
                            organisation=p.organisation,
                            phone=p.phone,
                        ),
                    )
                ],
                [
                    (t("referral.date"), fmt_date(c.referred_on)),
                    (t("referral.reference"), c.reference_code),
                ],
            ],
            s,
            width=CONTENT_WIDTH,
            label_width=LABEL_WIDTH,
        ),
        Spacer(1, 3 * mm),
        para(t("referral.intro"), s.body),
    ]

    r = c.resident
    resident = [
        (t("resident.name"), r.name),
        (t("resident.sex"), coded(r.sex, lang)),
        (t("resident.age"), age_text(r.birth_year, r.age_years, lang)),
    ]
    # Phone and district only when the pharmacist chose to share them (least data, job 1).
    if r.phone:
        resident.append((t("resident.phone"), r.phone))
    if r.district:
        resident.append((t("resident.district"), r.district))
    story += [
        *heading(t("referral.section.resident"), s),
        fitted_fields_table(resident, s, width=CONTENT_WIDTH),
    ]

    consent = [
        (t("referral.consent.date"), fmt_date(c.consent.given_on)),
        (t("referral.consent.method"), coded(c.consent.method, lang)),
    ]
    if c.consent.witness:
        consent.append((t("referral.consent.witness"), c.consent.witness))
    story += [
        *heading(t("referral.section.consent"), s),
        para(t("referral.consent.statement"), s.body),
        fitted_fields_table(consent, s, width=CONTENT_WIDTH),
    ]

    story += heading(t("referral.section.risks"), s)
    if c.social_risks:
        story.append(
            data_table(
                [t("referral.risk.domain"), t("referral.risk.observation")],
                [[risk.risk, risk.observation] for risk in c.social_risks],
                s,
                col_widths=[42 * mm, CONTENT_WIDTH - 42 * mm],
            )
        )
    else:
        story.append(para(t("referral.no_risks"), s.body))

    story += heading(t("referral.section.medication"), s)
    if c.medication_matters:
        story.append(
            data_table(
                [t("referral.med.matter"), t("referral.med.help")],
                [[m.situation, m.help_needed] for m in c.medication_matters],
                s,
                col_widths=[CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
            )
        )
    else:
        story.append(para(t("referral.no_medication_matters"), s.body))

    services = bullets(c.services_requested, s) or [para(t("referral.no_services"), s.body)]
    story += [*heading(t("referral.section.services"), s), *services]

    if c.pharmacist_opinion.strip():
        story += [
            *heading(t("referral.section.opinion"), s),
            para(c.pharmacist_opinion, s.body),
        ]
    return story


def _reply_slip(c: ReferralContent, lang: Lang, s: Styles) -> list[Flowable]:
    t = partial(text, lang=lang)
    # Inside the cell padding, stopping short of the grid line.
    value_width = CONTENT_WIDTH - REPLY_LABEL_WIDTH - 2 * (CELL_PAD + 1) - 3 * mm
    checkboxes = "\u00a0\u00a0\u00a0\u00a0".join(
        f"□ {t(key)}" for key in ("reply.linked", "reply.in_progress", "reply.not_linked")
    )
    rows = [
        (t("reply.received_on"), t("reply.date_blank")),
        (t("reply.actions"), WritingLines(5, value_width)),
        (t("reply.result"), checkboxes),
        (t("reply.why_not"), WritingLines(3, value_width)),
        (t("reply.case_worker"), ""),
        (t("reply.signature"), ""),
        (t("reply.replied_on"), t("reply.date_blank")),
    ]
    form = fields_table(
        rows,
        s,
        width=CONTENT_WIDTH,
        label_width=REPLY_LABEL_WIDTH,
        # Taller blank rows for handwriting a name and a signature.
        row_heights=[None, None, None, None, 13 * mm, 16 * mm, None],
    )
    return [
        para(t("reply.title"), s.title),
        para(
            t(
                "reply.about",
                code=c.reference_code,
                name=c.resident.name,
                date=fmt_date(c.referred_on),
            ),
            s.body,
            bold=True,
        ),
        para(t("reply.instructions", name=c.pharmacist.name, phone=c.pharmacist.phone), s.body),
        Spacer(1, 3 * mm),
        KeepTogether(form),
    ]
