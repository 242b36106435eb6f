"""The shared A4 page: title, reference, confidentiality line and "page X of Y" on every page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from consultdesk.reports.fonts import FONT_BOLD, FONT_REGULAR, require_fonts
from consultdesk.reports.labels import Lang, text
from consultdesk.reports.styles import INK, MUTED, RULE
from consultdesk.reports.text import printable

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 27 * mm  # room for the running header
MARGIN_BOTTOM = 22 * mm  # room for the footer
HEADER_Y = PAGE_HEIGHT - 15 * mm
FOOTER_Y = 11 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

_PDF_LANG = {"ko": "ko-KR", "en": "en"}


@dataclass(frozen=True)
class PageDecor:
    """What every page carries, already in the document's language."""

    title: str
    confidential: str
    lang: Lang
    reference: str | None = None


class NumberedCanvas(Canvas):
    """Defers drawing the page furniture until the total page count is known.

    Each finished page's canvas state is kept and replayed in save(): one layout pass instead
    of building the document twice just to learn the page count.
    """

    def __init__(self, *args: Any, decor: PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._finished_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's method name
        self._finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._finished_pages)
        for number, state in enumerate(self._finished_pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_furniture(self, page: int, total: int) -> None:
        d = self._decor
        right = PAGE_WIDTH - MARGIN_X
        self.saveState()
        self.setFillColor(INK)
        self.setFont(FONT_BOLD, 10)
        self.drawString(MARGIN_X, HEADER_Y, printable(d.title))
        if d.reference:
            self.setFont(FONT_REGULAR, 9)
            self.setFillColor(MUTED)
            self.drawRightString(
                right, HEADER_Y, printable(text("page.reference", d.lang, code=d.reference))
            )
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, HEADER_Y - 3 * mm, right, HEADER_Y - 3 * mm)
        self.line(MARGIN_X, FOOTER_Y + 5 * mm, right, FOOTER_Y + 5 * mm)

        number = printable(text("page.number", d.lang, page=page, total=total))
        self.setFillColor(INK)
        self.setFont(FONT_REGULAR, 9)
        self.drawRightString(right, FOOTER_Y, number)
        # The confidentiality line shrinks rather than running into the page number.
        notice = printable(d.confidential)
        room = CONTENT_WIDTH - stringWidth(number, FONT_REGULAR, 9) - 6 * mm
        size = 7.5
        while size > 5.5 and stringWidth(notice, FONT_REGULAR, size) > room:
            size -= 0.25
        self.setFont(FONT_REGULAR, size)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_X, FOOTER_Y, notice)
        self.restoreState()


def build_document(
    out: Path | BinaryIO,
    story: list[Flowable],
    decor: PageDecor,
    *,
    author: str = "",
    invariant: bool = False,
) -> None:
    """Lay out `story` on A4 pages and write the PDF to `out`.

    The PDF title is the document title and reference only: file names and title bars are
    seen by people who should not learn the resident's name from them.
    """
    require_fonts()
    meta_title = decor.title if not decor.reference else f"{decor.title} {decor.reference}"
    doc = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(meta_title),
        author=printable(author),
        subject=printable(decor.title),
        creator=text("doc.creator", decor.lang),
        producer=text("doc.creator", decor.lang),
        invariant=1 if invariant else 0,
        lang=_PDF_LANG[decor.lang],
        displayDocTitle=1,
        # Otherwise the canvas starts in Helvetica and lists it, unembedded, on every page.
        initialFontName=FONT_REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=partial(NumberedCanvas, decor=decor))
