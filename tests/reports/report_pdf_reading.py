"""Reading the generated PDFs back the way a checker would: text per page, fonts, sizes."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

# A Korean resident registration number: YYMMDD-Gxxxxxx, hyphen optional.
RRN_LIKE = re.compile(r"\d{6}\s?-?\s?[1-8]\d{6}")


@dataclass
class ReadPdf:
    reader: PdfReader
    pages: list[str]
    data: bytes

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def lines(self) -> list[str]:
        return [line for page in self.pages for line in page.splitlines()]

    @property
    def metadata(self) -> dict[str, str]:
        return {k: str(v) for k, v in (self.reader.metadata or {}).items()}


def build_to_memory(build: Callable[..., None], content: Any, lang: str = "ko") -> ReadPdf:
    buffer = io.BytesIO()
    build(content, buffer, lang, invariant=True)
    data = buffer.getvalue()
    reader = PdfReader(io.BytesIO(data))
    return ReadPdf(reader, [page.extract_text() for page in reader.pages], data)


def page_fonts(pdf: ReadPdf) -> list[dict[str, Any]]:
    """Every font dictionary referenced from any page's resources."""
    fonts = []
    for page in pdf.reader.pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        font_refs = cast(DictionaryObject, resources.get("/Font", DictionaryObject()).get_object())
        for ref in font_refs.values():
            fonts.append(ref.get_object())
    return fonts


@dataclass(frozen=True)
class TextRun:
    text: str
    size: float
    y: float


def text_runs(pdf: ReadPdf, page_index: int) -> list[TextRun]:
    """Text with its effective font size and baseline height (points from the page bottom)."""
    runs: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3]) or 1.0
            runs.append(TextRun(text, size * scale, tm[5] * cm[3] + cm[5]))

    pdf.reader.pages[page_index].extract_text(visitor_text=visit)
    return runs
