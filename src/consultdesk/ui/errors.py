"""Unexpected errors: log the trace to a file in the data folder, tell the person calmly."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("consultdesk")


def setup_logging(data_dir: Path) -> Path:
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "consultdesk.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class ErrorDialog:
    """The seam tests replace: `ErrorDialog.show` must never block a test."""

    @staticmethod
    def show(title: str, text: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text)
        box.setDetailedText(details)
        box.exec()


def _hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, value, tb)
        return
    ErrorDialog.show(
        QApplication.translate("ErrorDialog", "Unexpected problem"),
        QApplication.translate(
            "ErrorDialog",
            "Something went wrong. What you saved is safe, and the details were written to the "
            "log file in the data folder. You can keep working.",
        ),
        details,
    )


def install_excepthook() -> None:
    sys.excepthook = _hook
