"""Render resources/icons/consultdesk.svg to the PNG sizes desktops ask for and a Windows ICO.

`python tools/make_icons.py` (run offscreen); the outputs are committed, so a build needs
neither Qt's SVG module nor Pillow at packaging time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "consultdesk.svg")).render(painter)
    painter.end()
    path = ICONS / f"consultdesk-{size}.png"
    image.save(str(path))
    return path


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    pngs = [render(size) for size in SIZES]
    largest = Image.open(pngs[-1])
    largest.save(ICONS / "consultdesk.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {len(pngs)} PNGs and consultdesk.ico into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
