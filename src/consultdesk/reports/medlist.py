"""Personal medication list (나의 복약 목록): large print, one clear grid, for the resident."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from consultdesk.reports.blocks import data_table, fmt_date
from consultdesk.reports.content import DoseSchedule, MedicationListContent, MedicationListItem
from consultdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from consultdesk.reports.labels import DEFAULT_LANG, Lang, check_lang, text
from consultdesk.reports.layout import CONTENT_WIDTH, PageDecor, build_document
from consultdesk.reports.styles import ACCENT, SHADE, Styles, make_styles
from consultdesk.reports.text import markup, para, printable

# Large print: nothing on the page body smaller than 14 pt (older readers, often with
# cataract or presbyopia; RNIB "clear print" guidance suggests 14 pt and up).
BASE_SIZE = 14
SLOT_KEYS = tuple(slot for slot, _ in DoseSchedule().slots())


def build_medication_list_pdf(
    content: MedicationListContent,
    out: Path | BinaryIO,
    lang: Lang = DEFAULT_LANG,
    *,
    invariant: bool = False,
) -> None:
    lang = check_lang(lang)
    s = make_styles(BASE_SIZE)
    t = partial(text, lang=lang)
    story: list[Flowable] = [
        para(t("medlist.for", name=content.resident_name), s.title),
        para(t("medlist.as_of", date=fmt_date(content.prepared_on)), s.body),
        Spacer(1, 2 * mm),
        _allergy_box(content, lang, s),
        Spacer(1, 6 * mm),
    ]
    if content.items:
        story.append(_grid(content.items, lang, s))
    else:
        story.append(para(t("medlist.no_items"), s.body))
    p = content.pharmacist
    story.append(
        KeepTogether(
            [
                Spacer(1, 6 * mm),
                para(t("medlist.keep"), s.body),
                para(t("medlist.questions"), s.body),
                para(t("medlist.pharmacist", name=p.name, phone=p.phone), s.body, bold=True),
            ]
        )
    )
    decor = PageDecor(
        title=t("medlist.title"),
        confidential=t("page.confidential_resident"),
        lang=lang,
        reference=content.reference_code,
    )
    build_document(out, story, decor, author=p.organisation, invariant=invariant)


def _allergy_box(content: MedicationListContent, lang: Lang, s: Styles) -> Table:
    allergies = ", ".join(a for a in content.allergies if a.strip()) or text(
        "medlist.no_allergies", lang
    )
    label_width = stringWidth(printable(text("medlist.allergies", lang)), FONT_BOLD, BASE_SIZE)
    label_width = min(label_width + 12, CONTENT_WIDTH * 0.4)
    box = Table(
        [[para(text("medlist.allergies", lang), s.cell_head), para(allergies, s.cell, bold=True)]],
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        hAlign="LEFT",
    )
    box.setStyle(
        [
            # A stronger frame than the grid: an allergy must not be overlooked.
            ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
            ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
            ("BACKGROUND", (0, 0), (0, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ]
    )
    return box


def _slot_widths(lang: Lang) -> list[float]:
    """Each time-of-day column fits its heading (clamped, so long English ones wrap)."""
    widths = []
    for slot in SLOT_KEYS:
        label = printable(text(f"slot.{slot}", lang))
        width = stringWidth(label, FONT_BOLD, BASE_SIZE) + 5 * mm
        widths.append(min(max(width, 17 * mm), 25 * mm))
    return widths


def _grid(items: tuple[MedicationListItem, ...], lang: Lang, s: Styles) -> Table:
    amount_style = ParagraphStyle(
        "amount", parent=s.cell_center, fontName=FONT_BOLD, fontSize=BASE_SIZE + 2
    )
    slot_widths = _slot_widths(lang)
    rows = []
    for item in items:
        lines = [f"<b>{markup(item.name)}</b>"]
        if item.purpose.strip():
            lines.append(markup(item.purpose))
        if item.how_to_take.strip():
            lines.append(f'<font color="#3F3F3F">{markup(item.how_to_take)}</font>')
        medicine = Paragraph("<br/>".join(lines), s.cell)
        amounts = [para(amount, amount_style) for _, amount in item.schedule.slots()]
        rows.append([medicine, *amounts])
    slot_head = ParagraphStyle("slot_head", parent=s.cell_head, alignment=1)
    header: list[Flowable | str] = [text("medlist.col.medicine", lang)]
    header += [para(text(f"slot.{slot}", lang), slot_head) for slot in SLOT_KEYS]
    table = data_table(
        header,
        rows,
        s,
        col_widths=[CONTENT_WIDTH - sum(slot_widths), *slot_widths],
        zebra=True,
    )
    table.setStyle([("VALIGN", (1, 1), (-1, -1), "MIDDLE")])
    return table
