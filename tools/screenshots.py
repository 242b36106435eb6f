"""Write PNGs of the main screens with demo data, in Korean (and English), for people to look at.

Runs offscreen (QT_QPA_PLATFORM=offscreen); the widgets are the real ones. If the report
builders are present, their sample PDFs are rendered to PNG with pdftoppm as well.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from consultdesk.demo import fill_demo
from consultdesk.domain.consent import ConsentKind
from consultdesk.services import residents
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


def screens(ws: Workspace, out: Path, lang: str) -> list[Path]:
    """The screens in `lang`; returns the demo resident's document PDFs (Korean only)."""
    i18n.install(lang)
    window = MainWindow(ws)
    window.resize(1366, 768)  # the smallest laptop screen the app is made for
    rows, _ = residents.search_residents(ws, "")
    window.residents.select(rows[3].id)
    shoot(window, out / f"main_window_{lang}.png")
    window.residents.search.setText("ㄱㅁ")
    window.residents.refresh()
    shoot(window, out / f"search_initials_{lang}.png")
    window.nav.setCurrentRow(window.stack.indexOf(window.centres))
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
    consultation_screens(ws, window, out, lang)
    pdfs = document_screens(ws, window, out, lang)
    window.close()
    return pdfs


def consultation_screens(ws: Workspace, window: MainWindow, out: Path, lang: str) -> None:
    """The editor on the showcase resident's draft (10 medicines, an interacting pair, social
    answers), the timeline comparison, the follow-ups."""
    from consultdesk.demo import showcase_resident
    from consultdesk.services import consultations
    from consultdesk.ui.timeline_view import ComparisonDialog

    resident = showcase_resident(ws)
    assert resident is not None, "the demo data has no showcase resident"
    sessions = consultations.resident_timeline(ws, resident)
    window.show_resident(resident)
    shoot(window, out / f"resident_timeline_{lang}.png")
    window.open_consultation(sessions[0].id)
    window.editor.tabs.setCurrentIndex(0)
    shoot(window, out / f"consultation_editor_{lang}.png")
    record_screens(ws, window, out, lang)
    window.editor.tabs.setCurrentIndex(2)
    shoot(window, out / f"consultation_social_{lang}.png")
    window.editor.tabs.setCurrentIndex(3)
    shoot(window, out / f"consultation_visit_{lang}.png")
    window.editor.close_consultation()
    if len(sessions) > 1:
        result = consultations.compare_consultations(ws, sessions[1].id, sessions[0].id)
        dialog = ComparisonDialog(result, window)
        shoot(dialog, out / f"session_comparison_{lang}.png")
        dialog.close()
    window.nav.setCurrentRow(window.stack.indexOf(window.follow_ups))
    shoot(window, out / f"follow_ups_{lang}.png")


def record_screens(ws: Workspace, window: MainWindow, out: Path, lang: str) -> None:
    """A stopped medicine in the open draft, the header of a save that failed (a real "disk
    full" from SQLite: the file may not grow), and the consent-first prompt."""
    from sqlalchemy import event

    from consultdesk.domain.consultation import Action
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.ui.consent_first import ConsentFirstPrompt

    editor = window.editor
    model = editor.medications
    action = next(i for i, c in enumerate(model.columns) if c.field == "action")
    model.setData(model.index(1, action), Action.STOP.value)
    editor.save_now()
    editor.recompute_flags()  # as the panel does 250 ms after the edit
    # Scrolled to the 조치 it shows: the medicine's name stays on the left.
    editor.med_table.setCurrentIndex(model.index(1, action))
    shoot(window, out / f"consultation_stopped_{lang}.png")
    editor.med_table.setCurrentIndex(model.index(0, 0))
    model.setData(model.index(1, action), Action.CONTINUE.value)
    editor.save_now()

    def cap(connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    ws.db.engine.dispose()
    event.listen(ws.db.engine, "connect", cap)
    try:
        editor.tabs.setCurrentIndex(3)
        editor.advice.setPlainText(editor.advice.toPlainText() + " 물을 자주 드세요." * 300)
        editor.save_now()
        shoot(window, out / f"consultation_not_saved_{lang}.png")
    finally:
        event.remove(ws.db.engine, "connect", cap)
        ws.db.engine.dispose()
    editor.advice.setPlainText(editor.advice.toPlainText()[:200])
    editor.save_now()
    editor.tabs.setCurrentIndex(0)
    newcomer = residents.save_resident(ws, ResidentDraft(name="정새봄 (예시)"))
    window.show_resident(newcomer)
    prompt = ConsentFirstPrompt("health_consent_missing", window)
    shoot(window, out / f"resident_new_{lang}.png")
    shoot(prompt, out / f"consent_first_{lang}.png")
    prompt.close()
    window.open_consultation(editor.data.id if editor.data else "")


# --- documents and referrals --------------------------------------------------------


def _wait(ms: int) -> None:
    """Let background work (the preview render, QPdfView's page rendering) finish."""
    from PySide6.QtCore import QEventLoop, QTimer

    from consultdesk.ui import tasks

    tasks.wait_all()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _document_residents(ws: Workspace) -> tuple[str | None, str | None]:
    """A resident whose referral sheet can be made (the demo's showcase if possible) and one
    whose cannot (no consent to share), both with a session; a session is recorded through the
    services when the demo has none."""
    from dataclasses import replace

    from consultdesk.demo import showcase_resident
    from consultdesk.domain.consultation import MedicationRow, ObservedRisk
    from consultdesk.domain.ids import new_id
    from consultdesk.domain.medication import Adherence, Ingredient
    from consultdesk.services import consultations, documents

    rows, _ = residents.search_residents(ws, "", limit=10_000)
    candidates = [r.id for r in rows]
    showcase = showcase_resident(ws)
    if showcase:
        candidates.insert(0, showcase)
    allowed = next(
        (r for r in candidates if documents.referral_blocked_reason(ws, r) is None), None
    )
    blocked = next(
        (r for r in candidates if documents.referral_blocked_reason(ws, r) is not None), None
    )
    for rid in (allowed, blocked):
        if rid is None or documents.latest_consultation_id(ws, rid) is not None:
            continue
        cid = consultations.start_consultation(ws, rid)
        data = consultations.open_consultation(ws, cid)
        meds = [
            ("노바스크정", "C08CA01", "혈압약", "하늘내과의원 (예시)", Adherence.MISSES_DOSES),
            ("다이아벡스정", "A10BA02", "당뇨약", "하늘내과의원 (예시)", Adherence.AS_PRESCRIBED),
            ("리피토정", "C10AA05", "콜레스테롤약", "하늘내과의원 (예시)", Adherence.AS_PRESCRIBED),
            ("스틸녹스정", "N05CF02", "수면제", "가람정신과의원 (예시)", Adherence.AS_PRESCRIBED),
            (
                "쎄레브렉스캡슐",
                "M01AH01",
                "무릎 통증",
                "바른정형외과 (예시)",
                Adherence.AS_PRESCRIBED,
            ),
            ("코자정", "C09CA01", "혈압약", "하늘내과의원 (예시)", Adherence.STOPPED_ON_OWN),
        ]
        consultations.save_consultation(
            ws,
            replace(
                data,
                medications=tuple(
                    MedicationRow(
                        new_id(),
                        n,
                        (Ingredient(a),),
                        morning="1",
                        purpose=p,
                        prescriber=c,
                        adherence=ad,
                    )
                    for n, a, p, c, ad in meds
                ),
                screening={"social_contacts": "none", "heating_cooling": "often"},
                observed=(ObservedRisk("냉장고가 거의 비어 있었습니다.", "moderate"),),
            ),
        )
    return allowed, blocked


def _referrals(ws: Workspace) -> None:
    """A few referrals at every stage, one of them sent three weeks ago without a reply."""
    from datetime import date, timedelta

    from consultdesk.domain.ids import new_id
    from consultdesk.services import documents, referrals
    from consultdesk.services.referrals import ReferralOptions

    if referrals.list_open_referrals(ws):
        return
    rows, _ = residents.search_residents(ws, "", limit=10_000)
    allowed = [r.id for r in rows if documents.referral_blocked_reason(ws, r.id) is None][:5]
    today = date.today()
    ages = (30, 21, 9, 4, 1)  # days since drafted
    for n, (rid, age) in enumerate(zip(allowed, ages, strict=False)):
        created = today - timedelta(days=age)
        options = ReferralOptions(services=("emotional_support", "energy_support"))
        referral = referrals.draft_referral(ws, new_id(), rid, None, options, today=created)
        if n < 4:
            referrals.mark_sent(ws, referral, created + timedelta(days=1), today=today)
        if n == 0:
            referrals.record_reply(
                ws,
                referral,
                created + timedelta(days=6),
                "정서지원 서비스 연결",
                "linked",
                by="사례담당자 (예시)",
                today=today,
            )


def document_screens(ws: Workspace, window: MainWindow, out: Path, lang: str) -> list[Path]:
    """The export dialog with its preview (and without consent), the referrals view; in Korean
    also the three documents of the demo resident as PDFs for the report previews."""
    from consultdesk.services import documents
    from consultdesk.ui.export_dialog import ExportDialog

    allowed, blocked = _document_residents(ws)
    for rid, name in ((allowed, "export_dialog"), (blocked, "export_dialog_blocked")):
        if rid is None:
            continue
        dialog = ExportDialog(ws, rid, window)
        dialog.resize(1150, 696)  # as it opens on a 1366×768 laptop with a taskbar
        dialog.show()
        _wait(1500)
        shoot(dialog, out / f"{name}_{lang}.png")
        dialog.close()
    _referrals(ws)
    window.nav.setCurrentRow(window.stack.indexOf(window.referrals))
    shoot(window, out / f"referrals_{lang}.png")
    which = window.referrals.which
    which.setCurrentIndex(max(0, which.findData("closed")))
    shoot(window, out / f"referrals_closed_{lang}.png")
    which.setCurrentIndex(0)
    if lang != "ko" or allowed is None:
        return []
    folder = ws.data_dir / "documents"
    pdfs = []
    for kind, stem in (
        (documents.DocumentKind.REFERRAL, "referral"),
        (documents.DocumentKind.MEDICATION_LIST, "medication-list"),
        (documents.DocumentKind.SUMMARY, "consultation-summary"),
    ):
        request = documents.DocumentRequest(kind, allowed)
        pdfs.append(documents.export_document(ws, request, folder / f"{stem}-demo.pdf").path)
    return pdfs


def reports(out: Path, demo_pdfs: list[Path] | None = None) -> None:
    """PNGs of the documents' first pages: the demo resident's when given, else the
    report builders' samples."""
    try:
        from consultdesk.paths import resource_path
        from consultdesk.reports.samples import render_samples
    except ImportError:
        return
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: report previews skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = demo_pdfs or render_samples(Path(tmp), resource_path("fonts"))
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


def sync_screens(out: Path) -> None:
    """Two laptops of a team changed the same resident's allergies from the same base: the
    conflicts view on the second one, and its status bar."""
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import sync
    from consultdesk.services.residents import draft_from, open_resident, save_resident
    from consultdesk.ui.sync_view import SyncView

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        share = root / "share"
        share.mkdir()
        laptops = [
            Workspace.create(root / name, "screenshot passphrase", "screenshot passphrase", who)
            for name, who in (("a", Profile("김약사 (예시)")), ("b", Profile("이약사 (예시)")))
        ]
        a, b = laptops
        try:
            sync.create_team(a, share, "행복약국 방문팀 (예시)", "team screenshot passphrase")
            resident = save_resident(a, ResidentDraft(name="한옥순", allergies="페니실린"))
            sync.sync_now(a)
            sync.join_team(b, share, "team screenshot passphrase")
            sync.sync_now(b)
            for ws, allergies in ((a, "페니실린, 설파제"), (b, "페니실린 (두드러기)")):
                detail = open_resident(ws, resident)
                assert detail is not None
                save_resident(ws, replace(draft_from(detail), allergies=allergies), resident)
            sync.sync_now(a)
            sync.sync_now(b)
            for lang in ("ko", "en"):
                i18n.install(lang)
                view = SyncView(b)
                view.resize(1100, 600)
                _wait(300)
                view.conflicts.refresh()
                shoot(view, out / f"sync_conflicts_{lang}.png")
                view.close()
        finally:
            for ws in laptops:
                ws.close()


def measures_screens(ws: Workspace, out: Path, lang: str) -> None:
    """Issue 14: the 성과 지표 area at 1366×768 (this year, by month), a number's list, and
    (Korean) the first page of the funder PDF."""
    from consultdesk.services import measures_files

    i18n.install(lang)
    window = MainWindow(ws)
    window.resize(1366, 768)
    view = window.measures
    window.nav.setCurrentRow(window.stack.indexOf(view))
    for _ in range(200):
        _wait(50)
        if view.total is not None:
            break
    shoot(window, out / f"measures_{lang}.png")
    row = next(n for n, r in enumerate(view.model.rows) if r.indicator.id == "referrals_overdue")
    index = view.model.index(row, 1)
    view.table.scrollTo(index)
    view.table.setCurrentIndex(index)
    view._drill(index)
    shoot(window, out / f"measures_drill_{lang}.png")
    if lang == "ko" and shutil.which("pdftoppm") and view.grouped is not None:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = measures_files.write_report(
                view.grouped, Path(tmp) / "measures.pdf", "pdf", "ko", view.total
            )
            target = str(out / "report_measures")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), target],
                check=True,
            )
            print(f"wrote {out / 'report_measures-1.png'}")
    window.close()


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
            fill_demo(ws, residents=300, sessions=None)
            pdfs = screens(ws, out, "ko")
            screens(ws, out, "en")
            for lang in ("ko", "en"):
                measures_screens(ws, out, lang)
            reports(out, pdfs)
        finally:
            ws.close()
    sync_screens(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
