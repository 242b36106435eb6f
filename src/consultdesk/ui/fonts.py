"""Register the bundled Nanum Gothic so Hangul renders on machines without a Korean font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from consultdesk.paths import resource_path

FAMILY = "NanumGothic"


def register_fonts(app: QApplication) -> str:
    family = FAMILY
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path(f"fonts/{name}")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family
