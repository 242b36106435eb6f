"""Write PNGs of the main screens with demo data, in Korean (and English), for people to look at.

Runs offscreen (QT_QPA_PLATFORM=offscreen); the widgets are the real ones. If the report
builders are present, their sample PDFs are rendered to PNG with pdftoppm as well.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from consultdesk.domain.consent import ConsentKind
from consultdesk.services import residents
from consultdesk.services.demo import fill_demo
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.ui import i18n
from consultdesk.ui.app import make_application
from consultdesk.ui.consent_dialog import ConsentDialog
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.resident_dialog import ResidentDialog


def shoot(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    for _ in range(3):
        make_application().processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def screens(ws: Workspace, out: Path, lang: str) -> None:
    i18n.install(lang)
    window = MainWindow(ws)
    window.resize(1280, 800)
    rows, _ = residents.search_residents(ws, "")
    window.residents.select(rows[3].id)
    shoot(window, out / f"main_window_{lang}.png")
    window.residents.search.setText("ㄱㅁ")
    window.residents.refresh()
    shoot(window, out / f"search_initials_{lang}.png")
    window.nav.setCurrentRow(1)
    shoot(window, out / f"welfare_centres_{lang}.png")
    dialog = ResidentDialog(ws, rows[3].id, window)
    shoot(dialog, out / f"resident_dialog_{lang}.png")
    dialog.birth_date.setText("1948-13-05")
    dialog.notes.setPlainText("주민번호 480305-1234567")
    dialog.submit()
    shoot(dialog, out / f"resident_dialog_errors_{lang}.png")
    dialog.close()
    consent = ConsentDialog(ws, rows[3].id, ConsentKind.SHARE_WELFARE, window)
    shoot(consent, out / f"consent_dialog_{lang}.png")
    consent.close()
    window.close()


def reports(out: Path) -> None:
    try:
        from consultdesk.paths import resource_path
        from consultdesk.reports.samples import render_samples
    except ImportError:
        return
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: report previews skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = render_samples(Path(tmp), resource_path("fonts"))
        for pdf in pdfs or sorted(Path(tmp).glob("*.pdf")):
            target = out / f"report_{Path(pdf).stem}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "70",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(target),
                ],
                check=True,
            )
            print(f"wrote {target}.png")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(
            Path(tmp),
            "screenshot passphrase",
            "screenshot passphrase",
            Profile("김약사 (예시)", "예시약국", "010-0000-1234"),
        )
        try:
            fill_demo(ws, residents=300)
            screens(ws, out, "ko")
            screens(ws, out, "en")
        finally:
            ws.close()
    reports(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
