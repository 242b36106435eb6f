"""Time a 2-page referral against bare ReportLab with the same font and text (not a test).

Run: PYTHONPATH=src python tests/reports/bench_referral.py
Target (docs/architecture.md): <= 150 ms and <= 2x bare, measured after the first build.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from consultdesk.reports.fonts import FONT_REGULAR, register_fonts
from consultdesk.reports.labels import LABELS
from consultdesk.reports.referral import build_referral_pdf
from consultdesk.reports.samples import sample_referral

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _bare_text() -> list[str]:
    """The referral's own text plus the labels it prints, as plain paragraphs."""
    labels = [v for k, v in LABELS["ko"].items() if k.startswith(("referral.", "reply.", "page."))]
    return _strings(sample_referral()) + labels


def build_bare(out: io.BytesIO, paragraphs: list[str]) -> None:
    style = ParagraphStyle("b", fontName=FONT_REGULAR, fontSize=10, leading=15)
    half = len(paragraphs) // 2
    story: list[Any] = [Paragraph(p, style) for p in paragraphs[:half]]
    story += [PageBreak()] + [Paragraph(p, style) for p in paragraphs[half:]]
    SimpleDocTemplate(out, pagesize=A4).build(story)


def median_ms(run: Callable[[], None], repeat: int = 40) -> float:
    run()  # the first build in the process pays for font parsing and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    register_fonts(FONTS_DIR)
    content = sample_referral()
    paragraphs = _bare_text()

    def ours() -> None:
        build_referral_pdf(content, io.BytesIO())

    def bare() -> None:
        build_bare(io.BytesIO(), paragraphs)

    probe = io.BytesIO()
    build_referral_pdf(content, probe)
    pages = probe.getvalue().count(b"/Type /Page\n")
    ours_ms, bare_ms = median_ms(ours), median_ms(bare)
    print(f"referral ({pages} pages): {ours_ms:.1f} ms median after the first build")
    print(f"bare ReportLab, same font and text: {bare_ms:.1f} ms")
    print(f"ratio: {ours_ms / bare_ms:.2f}x  (targets: <= 150 ms, <= 2x)")


if __name__ == "__main__":
    main()
