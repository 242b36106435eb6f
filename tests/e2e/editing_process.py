"""A real ConsultDesk GUI process that opens a consultation, types into it and keeps running
until it is killed. Used by test_crash_recovery; not a test module itself.

    python editing_process.py DATA_DIR CONSULTATION_ID   (passphrase in CONSULTDESK_PASSPHRASE)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n
from consultdesk.ui.app import make_application
from consultdesk.ui.main_window import MainWindow

ADVICE = "혈압약은 아침 식후에 드세요. 어지러우면 바로 연락 주세요."
MEDICINES = ("노바스크정 5mg", "다이아벡스정 500mg", "스틸녹스정 10mg")


def main() -> int:
    data_dir, consultation_id = Path(sys.argv[1]), sys.argv[2]
    app = make_application()
    i18n.install("ko")
    ws = Workspace.unlock(data_dir, os.environ["CONSULTDESK_PASSPHRASE"])
    window = MainWindow(ws)
    window.show()
    assert window.open_consultation(consultation_id)
    editor = window.editor

    def type_like_a_pharmacist() -> None:
        table = editor.med_table
        for name in MEDICINES:
            table.add_row_after_current()
            row = editor.medications.rowCount() - 1
            editor.medications.setData(editor.medications.index(row, 0), name)
            editor.medications.setData(editor.medications.index(row, 3), "1")
        editor.advice.setPlainText(ADVICE)
        # No save, no close: the test kills this process once the edits are in the database.
        print("EDITED", flush=True)

    QTimer.singleShot(0, type_like_a_pharmacist)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
