"""`make bench`: performance figures as ratios against a floor measured in the same run, or as
percentiles of many repetitions — never single timings, because the machine is shared and noisy.

Writes build/bench.json: {"name": {"value": …, "unit": …, "target": …, "ok": true/false}}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from consultdesk.demo import DemoSummary, fill_demo
from consultdesk.services import residents
from consultdesk.services.workspace import Profile, Workspace

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "bench passphrase"
RESIDENTS = 10_000
RUNS = 5
# bench_unlock's typed runs (ui/app.py BENCH_TYPING_ENV): a key every K ms, Enter E ms after.
TYPING_KEY_MS, TYPING_ENTER_MS = 150, 200

BARE_WINDOW = """
import sys, time
t = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 760); w.show()
def report():
    print(f"startup_seconds={time.perf_counter() - t:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


BARE_DIALOG = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLineEdit
app = QApplication(sys.argv[:1])
dialog = QDialog(); form = QFormLayout(dialog); form.addRow("Passphrase", QLineEdit())
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("first_window_seconds=0", flush=True)
            QTimer.singleShot(0, dialog.close)
        return False
painted = Painted(); dialog.installEventFilter(painted)
dialog.exec()
"""


def _until_painted(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time from process start to its report that the first window was painted."""
    return _until_reported(cmd, env, "first_window_seconds=")


def _until_reported(cmd: list[str], env: dict[str, str], marker: str) -> float:
    """Wall time from process start to the line starting with ``marker`` on its output (not
    to its exit: how long a process takes to end is not how long it takes to start)."""
    return _reported(cmd, env, marker)[0]


def _reported(cmd: list[str], env: dict[str, str], marker: str) -> tuple[float, dict[str, str]]:
    """_until_reported's time, and every ``name=value`` line the process printed."""
    start = time.perf_counter()
    seconds: float | None = None
    lines = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if seconds is None and line.startswith(marker):
                seconds = time.perf_counter() - start
            lines.append(line.strip())
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    if seconds is None:
        raise AssertionError(f"{cmd} never reported {marker}")
    return seconds, dict(line.split("=", 1) for line in lines if "=" in line)


def _process_env(**extra: str) -> dict[str, str]:
    """The environment for timed processes: as a pharmacist's install runs, with bytecode.

    An installed wheel or a frozen build carries compiled modules; without them every start
    compiles the sources again (PYTHONDONTWRITEBYTECODE may be set on a development machine).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bench_first_window(data_dir: Path) -> dict[str, object]:
    """Process start → unlock window painted, over a bare Qt dialog; medians of paired runs."""
    env = _process_env()
    env.pop("CONSULTDESK_PASSPHRASE", None)
    app_cmd = [
        sys.executable,
        "-m",
        "consultdesk",
        "--data-dir",
        str(data_dir),
        "--bench-first-window",
    ]
    bare_cmd = [sys.executable, "-c", BARE_DIALOG]
    _until_painted(app_cmd, env)  # writes the bytecode the timed runs use
    app, bare = [], []
    for _ in range(RUNS * 2):
        bare.append(_until_painted(bare_cmd, env))
        app.append(_until_painted(app_cmd, env))
    ratio = statistics.median(app) / statistics.median(bare)
    return {
        "value": round(ratio, 2),
        "unit": "× bare Qt dialog",
        "target": 1.5,
        "ok": ratio <= 1.5,
        "detail": {
            "app_s": round(statistics.median(app), 3),
            "bare_s": round(statistics.median(bare), 3),
        },
    }


def bench_unlock(data_dir: Path) -> dict[str, object]:
    """Passphrase submitted in the real unlock window → the main window painted with its
    residents list filled (key derivation, opening, the window and the list), whole processes."""
    env = _process_env(CONSULTDESK_PASSPHRASE=PASSPHRASE)
    cmd = [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), "--bench-unlock"]
    # Writes the bytecode of the screens the timed runs use (an installed app carries it; the
    # first run compiled them and took seconds, which was the figure's p95).
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    samples, loads, listed = [], [], 0
    for _ in range(RUNS * 2):
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
        report = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        assert "unlock_to_usable_ms" in report, out
        samples.append(float(report["unlock_to_usable_ms"]))
        loads.append(float(report["background_load_ms"]))
        listed = int(report["residents_listed"])
    figure = p95_figure(samples, 600.0)
    detail = dict(figure["detail"])  # type: ignore[call-overload]
    detail["residents_listed"] = listed
    detail["background_load_median_ms"] = round(statistics.median(loads), 1)
    # The figure above has the passphrase set at once and submitted at once, so its key is
    # derived after Enter. Typed a key every 150 ms with Enter 200 ms after the last (a steady
    # typist), the key of what was typed is derived while it is typed (services/key_while_typing).
    # With the first window's time (process start to painted, as first_window_ratio times it)
    # it gives the start as a pharmacist meets it, her typing left out, over a bare window
    # (BARE_WINDOW, the start-up figure's floor) measured between the runs.
    from consultdesk.ui.app import BENCH_TYPING_ENV

    typed_env = {**env, BENCH_TYPING_ENV: f"{TYPING_KEY_MS},{TYPING_ENTER_MS}"}
    typed, started, bare = [], [], []
    for _ in range(RUNS):
        bare.append(_startup([sys.executable, "-c", BARE_WINDOW], env))
        first_window_s, report = _reported(cmd, typed_env, "first_window_seconds=")
        typed.append(float(report["unlock_to_usable_ms"]))
        started.append(first_window_s + typed[-1] / 1000)
    detail["typed_p95_ms"] = round(percentile(typed, 95), 1)
    detail["typed_median_ms"] = round(statistics.median(typed), 1)
    detail["typed"] = f"a key every {TYPING_KEY_MS} ms, Enter {TYPING_ENTER_MS} ms after the last"
    detail["first_window_and_typed_unlock_s"] = round(statistics.median(started), 3)
    detail["first_window_and_typed_unlock_ratio"] = round(
        statistics.median(started) / statistics.median(bare), 2
    )
    return {**figure, "detail": detail}


def _startup(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time from process start to the first event-loop turn after the window is shown
    (its report of it; until 3 December 2026 this timed the whole process, its end included,
    on both sides of the ratio)."""
    return _until_reported(cmd, env, "startup_seconds=")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def p95_figure(samples: list[float], target_ms: float) -> dict[str, object]:
    p95 = percentile(samples, 95)
    return {
        "value": round(p95, 2),
        "unit": "ms p95",
        "target": target_ms,
        "ok": p95 <= target_ms,
        "detail": {"samples": len(samples), "median_ms": round(statistics.median(samples), 2)},
    }


def bench_startup(data_dir: Path) -> dict[str, object]:
    env = _process_env(CONSULTDESK_PASSPHRASE=PASSPHRASE)
    app_cmd = [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), "--bench-startup"]
    _startup(app_cmd, env)  # writes the bytecode the timed runs use
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    # Interleave the runs so both see the same machine load; take medians.
    app, bare = [], []
    for _ in range(RUNS):
        bare.append(_startup(bare_cmd, env))
        app.append(_startup(app_cmd, env))
    ratio = statistics.median(app) / statistics.median(bare)
    return {
        "value": round(ratio, 2),
        "unit": "× bare PySide6 window",
        "target": 3.0,
        "ok": ratio <= 3.0,
        "detail": {
            "app_s": round(statistics.median(app), 3),
            "bare_s": round(statistics.median(bare), 3),
        },
    }


MEMORY_SCRIPT = """
import os, sys
from pathlib import Path
from consultdesk.services import consultations
from consultdesk.demo import showcase_resident
from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n
from consultdesk.ui.app import make_application
from consultdesk.ui.main_window import MainWindow
app = make_application()
i18n.install("ko")
ws = Workspace.unlock(Path(sys.argv[1]), os.environ["CONSULTDESK_PASSPHRASE"])
window = MainWindow(ws)
window.show()
app.processEvents()
resident = showcase_resident(ws)
if resident:
    window.show_resident(resident)
    window.open_consultation(consultations.resident_timeline(ws, resident)[0].id)
    app.processEvents()
    window.editor.close_consultation()
window.nav.setCurrentRow(window.stack.indexOf(window.follow_ups))
app.processEvents()
for query in ("김", "ㄱㅁ", "010", ""):
    window.residents.search.setText(query)
    window.residents.refresh()
    app.processEvents()
# VmHWM, not getrusage: Linux carries ru_maxrss over exec from the forking parent (the bench
# itself, hundreds of MB by now); VmHWM belongs to this process's own memory.
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print("peak_rss_kb=%d" % peak, flush=True)
"""


def bench_memory(data_dir: Path) -> dict[str, object]:
    """Peak resident memory of the app on the bench database: start, open the showcase
    session, the follow-up list and a few searches (docs/architecture.md: ≤ 300 MB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONSULTDESK_PASSPHRASE": PASSPHRASE}
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    peak_mb = int(out.split("peak_rss_kb=")[1].split()[0]) / 1024
    return {
        "value": round(peak_mb, 1),
        "unit": "MB peak RSS",
        "target": 300.0,
        "ok": peak_mb <= 300,
    }


def keystrokes() -> list[str]:
    """What people type, one keystroke at a time: names, initials, phone digits."""
    typed = [
        "김민수",
        "ㄱㅁㅅ",
        "박서",
        "ㅂㅅㅎ",
        "0123",
        "010-02",
        "이영희",
        "ㅇㅇㅎ",
        "최",
        "정ㅈ",
    ]
    return [word[: i + 1] for word in typed for i in range(len(word))]


def bench_search(ws: Workspace) -> dict[str, object]:
    samples = []
    for _ in range(5):
        for query in keystrokes():
            t = time.perf_counter()
            residents.search_residents(ws, query)
            samples.append((time.perf_counter() - t) * 1000)
    return p95_figure(samples, target_ms=30.0)


def bench_search_view(ws: Workspace) -> dict[str, object]:
    """The same keystrokes through the real residents view: query, model reset, relayout."""
    from consultdesk.ui import i18n
    from consultdesk.ui.app import make_application
    from consultdesk.ui.residents_view import ResidentsView

    app = make_application()
    i18n.install("ko")
    view = ResidentsView(ws)
    view.resize(1200, 760)
    view.show()
    app.processEvents()
    samples = []
    for _ in range(3):
        for query in keystrokes():
            view.search.setText(query)
            t = time.perf_counter()
            view.refresh()
            app.processEvents()
            samples.append((time.perf_counter() - t) * 1000)
    view.close()
    # Issue 16: 15 ms leaves room for a busy laptop (41 ms p95 was measured on one at 300).
    return p95_figure(samples, target_ms=15.0)


def thirty_medicine_consultations(ws: Workspace, count: int = 2) -> list[str]:
    """Sessions of 30 catalog medicines (a heavy but real brown-bag review) for the editor."""
    from dataclasses import replace
    from datetime import date

    from consultdesk.domain.consent import ConsentKind
    from consultdesk.domain.consultation import MedicationRow
    from consultdesk.domain.ids import new_id
    from consultdesk.domain.medication import Ingredient
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import consent, consultations
    from consultdesk.services.catalog import bundled_ingredients

    oral = [i for i in bundled_ingredients() if i.form == "oral" and i.atc][::7][:30]
    ids = []
    for n in range(count):
        resident = residents.save_resident(
            ws, ResidentDraft(name=f"벤치{n}", birth_date="1940-01-01")
        )
        consent.record_consent(ws, resident, ConsentKind.HEALTH_INFO, True, date.today(), "written")
        cid = consultations.start_consultation(ws, resident)
        rows = tuple(
            MedicationRow(
                new_id(),
                i.name_ko,
                (Ingredient(i.atc, i.name_ko, i.name_en),),
                strength=i.strengths[0] if i.strengths else "",
                morning="1",
                evening="1" if k % 2 else "",
                prescriber=f"의원{k % 4}",
            )
            for k, i in enumerate(oral)
        )
        data = consultations.open_consultation(ws, cid)
        consultations.save_consultation(ws, replace(data, medications=rows))
        ids.append(cid)
    return ids


def bench_open_consultation(ws: Workspace) -> dict[str, object]:
    """Open a 30-medicine session in the real editor: load, fill the table, compute and draw
    its flags, repaint. Two sessions alternate so every open really reloads."""
    from consultdesk.ui import i18n
    from consultdesk.ui.app import make_application
    from consultdesk.ui.consultation_editor import ConsultationEditor

    app = make_application()
    i18n.install("ko")
    ids = thirty_medicine_consultations(ws)
    editor = ConsultationEditor(ws)
    editor.resize(1300, 800)
    editor.show()
    editor.open(ids[1])  # the first open also reads the rule files once per workspace
    app.processEvents()
    samples = []
    for k in range(60):  # 60, not 30: the p95 of 30 samples is nearly their maximum
        t = time.perf_counter()
        editor.open(ids[k % 2])
        app.processEvents()
        samples.append((time.perf_counter() - t) * 1000)
    editor.close_consultation()
    editor.close()
    # Issue 16: 50 ms leaves room for a busy laptop (140 ms p95 was measured on one).
    return p95_figure(samples, target_ms=50.0)


# An older resident's real-looking brown bag: heart, diabetes, pain, sleep, stomach, mood,
# memory and a few supplements — chosen so many rule families fire at once (the worst case).
# fmt: off
FLAG_BENCH_ATC = (
    "C08CA01", "C09CA01", "C10AA05", "C07AB07", "C03CA01", "B01AA03", "B01AC06", "A10BA02",
    "A10BB12", "A10BH01", "M01AE01", "M01AC06", "N02BE01", "N02AX02", "N05BA12", "N05CF02",
    "N06AB06", "N06DA02", "A02BC01", "A03FA01", "G04CA02", "G04BD07", "R06AB04", "H03AA01",
    "M05BA04", "N02BF02", "C01AA05", "A12AA04", "J01FA09", "A11CC05",
)
# fmt: on


DUR_HEADER = (
    "DUR일련번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,복합제,관계성분,약효분류,"
    "병용금기DUR일련번호,병용금기단일/복합,병용금기DUR성분코드,병용금기DUR성분(영문),"
    "병용금기DUR성분,고시일자,금기내용,비고,삭제여부"
)


def big_dur_context():  # type: ignore[no-untyped-def]
    """The bundled rules plus a 20,000-row 병용금기 file shaped like the public download: as in
    the real file, every row pairs two real ingredients (here: random catalog ones), so the
    engine's index holds many rules on the same keys."""
    import random

    from consultdesk.services import flags
    from consultdesk.services.catalog import bundled_ingredients
    from consultdesk.storage.models import ImportedRuleSet

    rng = random.Random(20_000)
    known = [i for i in bundled_ingredients() if i.atc and i.name_en]
    lines = [DUR_HEADER]
    for n in range(20_000):
        a, b = rng.choice(known), rng.choice(known)
        first, second = (tuple(x.replace(",", " ") for x in (i.name_en, i.name_ko)) for i in (a, b))
        lines.append(
            f"{n},병용금기,단일,D{n:06d},{first[0]},{first[1]},,,[01120]최면진정제,"
            f"{n + 1_000_000},단일,D{n + 500_000:06d},{second[0]},{second[1]},20200101,"
            f"병용 주의 {n},,N"
        )
    row = ImportedRuleSet(
        kind="combination",
        file_name="bench_병용금기_20000.csv",
        version="2026-12-01",
        imported_at="2026-12-01T00:00:00",
        content=("\r\n".join(lines) + "\r\n").encode("utf-8"),
    )
    return flags.build_context([row])


def bench_flags_with_dur(ws: Workspace) -> dict[str, object]:
    """The same recompute with a 20,000-row imported DUR file loaded (≤ 20 ms)."""
    figure = bench_flags(ws, context=big_dur_context())
    detail = figure["detail"]
    assert isinstance(detail, dict)
    detail["imported_dur_rows"] = 20_000
    return figure


def bench_flags(ws: Workspace, context: object = None) -> dict[str, object]:
    """Recompute every flag of a 30-medicine session with screening answers and observations,
    as the editor does while the pharmacist types (target ≤ 20 ms)."""
    from datetime import date

    from consultdesk.domain.consultation import ConsultationData, MedicationRow, ObservedRisk, Visit
    from consultdesk.domain.medication import Ingredient
    from consultdesk.services import flags
    from consultdesk.services.catalog import bundled_ingredients

    by_atc = {i.atc: i for i in bundled_ingredients() if i.atc}
    found = [by_atc[a] for a in FLAG_BENCH_ATC if a in by_atc]
    found += [i for i in by_atc.values() if i not in found][: 30 - len(found)]
    rows = tuple(
        MedicationRow(
            f"m{k}",
            i.name_ko,
            (Ingredient(i.atc, i.name_ko, i.name_en),),
            morning="1",
            prescriber=f"의원{k % 5}",
        )
        for k, i in enumerate(found[:30])
    )
    data = ConsultationData(
        id="bench",
        resident_id="bench",
        number=1,
        visit=Visit(date(2026, 3, 2)),
        medications=rows,
        screening={"food_worry": "often", "housing_conditions": ["mould", "no_heating"]},
        observed=(ObservedRisk("냉장고가 비어 있음", "high", ("meal_support",)),),
    )
    ctx = context if isinstance(context, flags.FlagContext) else flags.load_flag_context(ws)
    views = flags.compute_flags(ctx, data, 82, {})
    samples = []
    for _ in range(300):
        t = time.perf_counter()
        flags.compute_flags(ctx, data, 82, {})
        samples.append((time.perf_counter() - t) * 1000)
    figure = p95_figure(samples, target_ms=20.0)
    figure["detail"] = {
        "samples": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "medicines": len(rows),
        "flags": len(views),
    }
    return figure


# --- documents ------------------------------------------------------------------------


def referral_visit(ws: Workspace) -> str:
    """A resident with consent to share and a session whose referral sheet fills two pages (the
    sheet and its reply slip): social risks, medicines from three clinics, a missed dose."""
    from dataclasses import replace
    from datetime import date

    from consultdesk.domain.consent import ConsentKind
    from consultdesk.domain.consultation import MedicationRow, ObservedRisk
    from consultdesk.domain.ids import new_id
    from consultdesk.domain.medication import Adherence, Ingredient
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import centres, consent, consultations

    centre = centres.save_centre(ws, "벤치종합사회복지관 (예시)", "서울 관악구")
    worker = centres.save_case_worker(ws, centre, "박사례", "010-0000-2222")
    resident = residents.save_resident(
        ws,
        ResidentDraft(
            name="홍길순",
            birth_date="1946-05-10",
            sex="female",
            centre_id=centre,
            case_worker_id=worker,
        ),
    )
    for kind in (ConsentKind.HEALTH_INFO, ConsentKind.SHARE_WELFARE):
        consent.record_consent(ws, resident, kind, True, date.today(), "written")
    meds = [
        ("노바스크정", "C08CA01", "혈압약", "하늘내과의원", Adherence.MISSES_DOSES),
        ("다이아벡스정", "A10BA02", "당뇨약", "하늘내과의원", Adherence.AS_PRESCRIBED),
        ("리피토정", "C10AA05", "콜레스테롤약", "하늘내과의원", Adherence.AS_PRESCRIBED),
        ("스틸녹스정", "N05CF02", "수면제", "가람정신건강의학과의원", Adherence.AS_PRESCRIBED),
        ("쎄레브렉스캡슐", "M01AH01", "무릎 통증", "바른정형외과의원", Adherence.AS_PRESCRIBED),
        ("코자정", "C09CA01", "혈압약", "하늘내과의원", Adherence.STOPPED_ON_OWN),
    ]
    rows = tuple(
        MedicationRow(
            new_id(),
            name,
            (Ingredient(atc),),
            morning="1",
            purpose=purpose,
            prescriber=clinic,
            adherence=adherence,
        )
        for name, atc, purpose, clinic, adherence in meds
    )
    cid = consultations.start_consultation(ws, resident)
    data = consultations.open_consultation(ws, cid)
    consultations.save_consultation(
        ws,
        replace(
            data,
            medications=rows,
            screening={"social_contacts": "none", "heating_cooling": "often"},
            observed=(ObservedRisk("냉장고가 거의 비어 있었습니다.", "moderate"),),
        ),
    )
    return resident


BARE_SHEET = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
fonts = sys.argv[2]
pdfmetrics.registerFont(TTFont("R", fonts + "/NanumGothic.ttf"))
pdfmetrics.registerFont(TTFont("B", fonts + "/NanumGothicBold.ttf"))
regular = ParagraphStyle("r", fontName="R", fontSize=10, leading=15)
bold = ParagraphStyle("b", fontName="B", fontSize=10, leading=15)
line = "복약상담 연계 의뢰서: 혈압약을 가끔 빠뜨리시고 냉장고가 거의 비어 있었습니다. "
story = [Paragraph(line * 3, bold if i % 4 == 0 else regular) for i in range(24)]
story += [PageBreak()] + [Paragraph(line * 2, regular) for _ in range(16)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
"""


def bench_cli_export(data_dir: Path, resident: str) -> dict[str, object]:
    """`consultdesk export referral` as a whole process (start, key derivation, reading, the
    sheet, the access log) over a bare ReportLab process writing a 2-page Korean sheet in the
    same fonts; medians of paired runs."""
    from consultdesk.paths import resource_path

    env = _process_env(CONSULTDESK_PASSPHRASE=PASSPHRASE)
    with tempfile.TemporaryDirectory() as tmp:
        ours = [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), "export"]
        ours += ["referral", "--resident", resident, "--out", f"{tmp}/sheet.pdf"]
        ours += ["--reason", "복지관 연계"]
        bare = [sys.executable, "-c", BARE_SHEET, f"{tmp}/bare.pdf", str(resource_path("fonts"))]

        def timed(cmd: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, check=True)
            return time.perf_counter() - start

        timed(ours), timed(bare)  # bytecode, and the file cache, for both
        ours_s, bare_s = [], []
        for _ in range(RUNS):
            ours_s.append(timed(ours))
            bare_s.append(timed(bare))
    ratio = statistics.median(ours_s) / statistics.median(bare_s)
    return {
        "value": round(ratio, 2),
        "unit": "× bare ReportLab process",
        "target": 2.0,
        "ok": ratio <= 2.0,
        "detail": {
            "export_s": round(statistics.median(ours_s), 3),
            "bare_s": round(statistics.median(bare_s), 3),
        },
    }


def _strings(value: object) -> list[str]:
    from dataclasses import fields, is_dataclass

    if isinstance(value, str):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def bench_referral(ws: Workspace) -> dict[str, object]:
    """A 2-page referral sheet through the service (database read, flags, plain words, PDF,
    atomic write, access log), after the first export in the process, against bare ReportLab
    writing the same text in the same font (docs/architecture.md: ≤ 150 ms and ≤ 2×)."""

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from consultdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
    from consultdesk.reports.labels import LABELS
    from consultdesk.services import documents

    request = documents.DocumentRequest(documents.DocumentKind.REFERRAL, referral_visit(ws))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "referral.pdf"
        first = documents.export_document(ws, request, out)  # fonts, rules: once per process
        pages = out.read_bytes().count(b"/Type /Page\n")
        prepared = documents.prepare_document(ws, request)
        labels = [
            v for k, v in LABELS["ko"].items() if k.startswith(("referral.", "reply.", "page."))
        ]
        # The same text in the same font faces as the sheet: its values in Nanum Gothic, its
        # labels and headings in Nanum Gothic Bold (a second embedded subset is part of the
        # floor, not of our overhead), written to a file as the export is.
        regular = ParagraphStyle("bare", fontName=FONT_REGULAR, fontSize=10, leading=15)
        bold = ParagraphStyle("bare-bold", fontName=FONT_BOLD, fontSize=10, leading=15)
        paragraphs = [(t, regular) for t in _strings(prepared.content)]
        paragraphs += [(t, bold) for t in labels]
        bare_out = Path(tmp) / "bare.pdf"

        def bare() -> None:
            half = len(paragraphs) // 2
            story: list[object] = [Paragraph(t, st) for t, st in paragraphs[:half]]
            story += [PageBreak()] + [Paragraph(t, st) for t, st in paragraphs[half:]]
            SimpleDocTemplate(str(bare_out), pagesize=A4).build(story)  # type: ignore[arg-type]

        bare()
        ours_ms, bare_ms = [], []
        for _ in range(25):  # interleaved, so both see the same machine load
            t = time.perf_counter()
            documents.export_document(ws, request, out)
            ours_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            bare()
            bare_ms.append((time.perf_counter() - t) * 1000)
    ours, floor = statistics.median(ours_ms), statistics.median(bare_ms)
    ratio = ours / floor
    return {
        "value": round(ours, 1),
        "unit": "ms median",
        "target": 150.0,
        "ok": ours <= 150.0 and ratio <= 2.0,
        "detail": {
            "pages": pages,
            "ratio_to_bare_reportlab": round(ratio, 2),
            "bare_ms": round(floor, 1),
            "reference": first.reference,
            "p95_ms": round(percentile(ours_ms, 95), 1),
        },
    }


# --- the medicines catalog with a big imported product list, and the demo data -------

CATALOG_PRODUCTS = 50_000


def product_list_csv(path: Path, count: int = CATALOG_PRODUCTS) -> Path:
    """A product list shaped like a HIRA download (CP949, Korean titles): made-up brand names
    of two to four syllables, a form, a strength, one ATC code or two for a combination."""
    import random

    from consultdesk.services.catalog import bundled_ingredients

    rng = random.Random(3)
    codes = [i.atc for i in bundled_ingredients() if i.atc and i.form == "oral"]
    syllables = "가나다라마바사아자차카타파하노도로모보소오조코토포호리미비시이지니디티피"
    forms = ("정", "정", "정", "캡슐", "서방정", "필름코팅정", "시럽", "연질캡슐")
    rows = ["제품명,업체명,주성분코드,ATC코드"]
    rows.append("노바스크정5밀리그램,한국화이자제약,111501ATB,C08CA01")
    for n in range(count - 1):
        brand = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        name = f"{brand}{rng.choice(forms)}{rng.choice((5, 10, 20, 50, 100, 500))}밀리그램"
        atc = ";".join(rng.sample(codes, 2 if rng.random() < 0.15 else 1))
        rows.append(f"{name},제약{n % 300},{n:06d}ATB,{atc}")
    path.write_bytes(("\n".join(rows) + "\n").encode("cp949"))
    return path


def catalog_keystrokes() -> list[str]:
    """Medicine names as typed, one keystroke at a time: Korean, initials, English, products."""
    typed = [
        "암로디핀",
        "ㅇㅁㄹㄷㅍ",
        "amlodipine",
        "메트포르민",
        "ㅁㅌㅍㄹㅁ",
        "아토르바스타틴",
        "졸피뎀",
        "zolpidem",
        "노바스크정",
        "ㄴㅂㅅㅋ",
        "타이레놀",
        "가나정",
        "ㄱㄴㄷ",
        "와ㅍ",
    ]
    return [word[: i + 1] for word in typed for i in range(len(word))]


def catalog_workspace(folder: Path) -> tuple[Workspace, float]:
    """A workspace with the product list imported; returns it and the import time (s)."""
    from consultdesk.services import catalog

    folder.mkdir(parents=True, exist_ok=True)
    ws = Workspace.create(folder / "data", PASSPHRASE, PASSPHRASE, Profile("벤치 약사"))
    path = product_list_csv(folder / "products.csv")
    started = time.perf_counter()
    catalog.import_products(ws, path)
    return ws, time.perf_counter() - started


def bench_catalog_search(ws: Workspace, import_s: float) -> dict[str, object]:
    """Issue 3: a keystroke in the medicine name field, through services.catalog, with the
    bundled catalog and 50,000 imported products (after the first search built it)."""
    from consultdesk.services import catalog

    started = time.perf_counter()
    fresh = catalog.medicines_catalog(ws)  # the import already built it; this is the cache
    cached_ms = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(5):
        for query in catalog_keystrokes():
            t = time.perf_counter()
            catalog.medicines_catalog(ws).search(query, 12)
            samples.append((time.perf_counter() - t) * 1000)
    figure = p95_figure(samples, target_ms=30.0)
    figure["detail"] = {
        "samples": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "entries": len(fresh),
        "import_50k_products_s": round(import_s, 2),
        "cached_catalog_ms": round(cached_ms, 3),
    }
    return figure


def bench_catalog_completer(ws: Workspace) -> dict[str, object]:
    """The same keystrokes through the real completer: search, list model reset, popup placed
    and painted."""
    from PySide6.QtWidgets import QLineEdit

    from consultdesk.ui import i18n
    from consultdesk.ui.app import make_application
    from consultdesk.ui.catalog_completer import CatalogCompleter

    app = make_application()
    i18n.install("ko")
    edit = QLineEdit()
    edit.resize(320, 30)
    completer = CatalogCompleter(ws, edit)
    edit.show()
    app.processEvents()
    samples = []
    for _ in range(3):
        for query in catalog_keystrokes():
            edit.setText(query)
            t = time.perf_counter()
            completer.search_now()
            app.processEvents()
            samples.append((time.perf_counter() - t) * 1000)
    completer.hide_popup()
    edit.close()
    return p95_figure(samples, target_ms=30.0)


def first_catalog_build_s(data_dir: Path) -> float:
    """After a restart the first keystroke builds the catalog from the database."""
    from consultdesk.services import catalog

    ws = Workspace.unlock(data_dir, PASSPHRASE)
    try:
        started = time.perf_counter()
        catalog.medicines_catalog(ws)
        return time.perf_counter() - started
    finally:
        ws.close()


def bench_catalog(folder: Path) -> dict[str, dict[str, object]]:
    ws, import_s = catalog_workspace(folder)
    try:
        search = bench_catalog_search(ws, import_s)
        completer = bench_catalog_completer(ws)
    finally:
        ws.close()
    build_s = first_catalog_build_s(folder / "data")
    search["detail"]["first_build_after_start_s"] = round(build_s, 2)  # type: ignore[index]
    return {
        "catalog_search_keystroke_p95_50k_products": search,
        "catalog_search_keystroke_in_completer_p95_50k_products": completer,
    }


# `consultdesk demo` for the full set: 10k residents with 50k sessions. The main workspace of
# the bench is made this way, so the other figures run on a realistic database. Set
# BENCH_DEMO_SESSIONS=0 to skip the sessions (the figure is then not reported).
DEMO_SESSIONS = int(os.environ.get("BENCH_DEMO_SESSIONS", "50000"))
DEMO_TARGET_S = 60.0


def make_demo(
    data_dir: Path, residents: int, sessions: int
) -> tuple[Workspace, DemoSummary, float, float]:
    """The bench's main workspace, made as `consultdesk demo` makes it: filled while the new
    database is built (Workspace.create's ``fill``: storage/database.py's build mode), then
    given its name and opened. Timed from the start to the opened workspace; the second time
    is the fill alone."""
    filled: list[tuple[DemoSummary, float]] = []

    def fill(new: Workspace) -> None:
        t = time.perf_counter()
        summary = fill_demo(new, residents=residents, sessions=sessions)
        filled.append((summary, time.perf_counter() - t))

    t = time.perf_counter()
    ws = Workspace.create(data_dir, PASSPHRASE, PASSPHRASE, Profile("벤치 약사"), fill=fill)
    seconds = time.perf_counter() - t
    summary, fill_s = filled[0]
    return ws, summary, seconds, fill_s


def demo_figure(
    seconds: float, summary: DemoSummary, data_dir: Path, fill_s: float
) -> dict[str, object]:
    size = sum(f.stat().st_size for f in data_dir.iterdir() if f.is_file())
    return {
        "value": round(seconds, 1),
        "unit": "s",
        "target": DEMO_TARGET_S,
        "ok": seconds <= DEMO_TARGET_S,
        "detail": {
            "sessions": summary.sessions,
            "medications": summary.medications,
            "database_mb": round(size / 1e6),
            "fill_s": round(fill_s, 1),
            # The process's CPU so far, nearly all of it the demo's: the machine is shared.
            "cpu_s": round(time.process_time(), 1),
        },
    }


MEASURES_TARGET_S = 1.0


def bench_measures(ws: Workspace) -> dict[str, object]:
    """Every indicator for one year over the whole demo (10k residents, 50k consultations), as
    `consultdesk report` and the 성과 지표 screen compute them the first time after a change:
    the facts are read again for each timed run (the screen keeps them until the next commit;
    that warm recount, for another grouping or chart, is in the detail)."""
    from datetime import date, timedelta

    from consultdesk.services import measures
    from consultdesk.services.measures import GroupBy, ReportRequest, compute_report

    def forget_facts() -> None:
        # What any committed change does to the kept facts (services/measures.py _FactsCache).
        measures._caches.pop(ws.db, None)

    today = date.today()
    year = ReportRequest(today - timedelta(days=364), today, GroupBy.ALL)
    compute_report(ws, year)  # rule and form files read once, as in a running app
    cold, warm = [], []
    for _ in range(RUNS):
        forget_facts()
        t = time.perf_counter()
        report = compute_report(ws, year)
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        compute_report(ws, ReportRequest(year.start, year.end, GroupBy.MONTH))
        warm.append(time.perf_counter() - t)
    value = statistics.median(cold)
    return {
        "value": round(value, 3),
        "unit": "s median, facts read",
        "target": MEASURES_TARGET_S,
        "ok": value <= MEASURES_TARGET_S,
        "detail": {
            "runs": RUNS,
            "recount_by_month_facts_kept_s": round(statistics.median(warm), 3),
            "sessions_counted": report.value("sessions"),
            "referrals_sent": report.value("referrals_sent"),
        },
    }


SYNC_LAPTOPS = 5
SYNC_CHANGES_PER_LAPTOP = 2_000


def bench_sync(folder: Path) -> dict[str, dict[str, object]]:
    """Issue 6: a newcomer imports 10,000 changes written by 5 laptops (several bundles each,
    edits on records of other laptops included), then syncs again with nothing new."""
    from consultdesk.domain.ids import new_id
    from consultdesk.services import sync
    from consultdesk.storage.models import Resident

    share = folder / "share"
    share.mkdir(parents=True)
    laptops = [
        Workspace.create(folder / f"laptop{i}", PASSPHRASE, PASSPHRASE, Profile(f"약사 {i}"))
        for i in range(SYNC_LAPTOPS + 1)
    ]
    *team, newcomer = laptops
    sync.create_team(team[0], share, "벤치 팀", "bench team passphrase")
    for ws in laptops[1:]:
        sync.join_team(ws, share, "bench team passphrase")
    first_ids: list[str] = []
    for index, ws in enumerate(team):
        made = unsent = 0
        while made < SYNC_CHANGES_PER_LAPTOP:  # a working day: a sync every ~500 changes
            with ws.db.session() as s:
                if made < 1_400:  # 100 new residents of 14 fields, 25 at a time
                    rows = [
                        {"id": new_id(), "name": f"주민{index}-{made}-{n}", "name_initials": "",
                         "phone_digits": "", "birth_date": None, "sex": "", "phone": "",
                         "district": "", "living_situation": "", "centre_id": None,
                         "case_worker_id": None, "chronic_conditions": "", "allergies": "",
                         "notes": "", "deleted": False}
                        for n in range(25)
                    ]  # fmt: skip
                    ws.writer.bulk_create(s, Resident, rows)
                    if index == 0:
                        first_ids += [str(row["id"]) for row in rows]
                    made, unsent = made + 25 * 14, unsent + 25 * 14
                else:  # notes on residents of laptop 0, a separate slice per laptop
                    for n in range(300):
                        rid = first_ids[index * 20 + n % 20]
                        record = s.get(Resident, rid)
                        ws.writer.save(s, record, {"notes": f"{index}-{made}-{n}"})  # type: ignore[arg-type]
                    made, unsent = made + 300, unsent + 300
            if unsent >= 500 or made >= SYNC_CHANGES_PER_LAPTOP:
                sync.sync_now(ws)
                unsent = 0
    started = time.perf_counter()
    report = sync.sync_now(newcomer)
    import_s = time.perf_counter() - started
    changes = sum(outcome.changes for outcome in report.read)
    quiet = []
    for _ in range(20):
        t = time.perf_counter()
        assert sync.sync_now(newcomer).nothing_new
        quiet.append((time.perf_counter() - t) * 1000)
    for ws in laptops:
        ws.close()
    return {
        "sync_import_10k_changes_5_laptops_s": {
            "value": round(import_s, 3),
            "unit": "s",
            "target": 3.0,
            "ok": import_s <= 3.0,
            "detail": {"changes": changes, "bundles": report.bundles_read},
        },
        "sync_nothing_new_p95": p95_figure(quiet, target_ms=100.0),
    }


SHARE_LAPTOPS = 20
SHARE_SYNCS_PER_LAPTOP = 50
SHARE_FILES_TARGET = 5


def bench_share_files(folder: Path) -> dict[str, object]:
    """Issue 16: files in the team folder per laptop after 20 laptops synced 50 times each in
    turn, each after saving one resident (docs/sync.md, "Snapshots and folder compaction").
    Every file under devices/ counts: bundles, seen files, snapshot parts and manifests."""
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import sync

    share = folder / "share"
    share.mkdir(parents=True)
    laptops = [
        Workspace.create(folder / f"laptop{i}", PASSPHRASE, PASSPHRASE, Profile(f"약사 {i}"))
        for i in range(SHARE_LAPTOPS)
    ]
    try:
        team = sync.create_team(laptops[0], share, "폴더 팀", "share team passphrase")
        for ws in laptops[1:]:
            sync.join_team(ws, share, "share team passphrase")
        started = time.perf_counter()
        for round_number in range(SHARE_SYNCS_PER_LAPTOP):
            for index, ws in enumerate(laptops):
                residents.save_resident(ws, ResidentDraft(name=f"주민 {index}-{round_number}"))
                sync.sync_now(ws)
        seconds = time.perf_counter() - started
        count = len(residents.search_residents(laptops[0], "", limit=100_000)[0])
    finally:
        for ws in laptops:
            ws.close()
    devices = sorted(p for p in (team.folder / "devices").iterdir() if p.is_dir())
    per_device = [sum(1 for f in d.rglob("*") if f.is_file()) for d in devices]
    bundles = [len(list((d / "changes").glob("*.cdsync"))) for d in devices]
    value = sum(per_device) / len(devices)
    return {
        "value": round(value, 2),
        "unit": "files per device",
        "target": SHARE_FILES_TARGET,
        "ok": value <= SHARE_FILES_TARGET,
        "detail": {
            "laptops": len(devices),
            "syncs": SHARE_LAPTOPS * SHARE_SYNCS_PER_LAPTOP,
            "bundles_written": SHARE_LAPTOPS * SHARE_SYNCS_PER_LAPTOP,
            "max_files_one_device": max(per_device),
            "bundles_left": sum(bundles),
            "snapshot_files": sum(1 for _ in (team.folder / "devices").rglob("*.cdsnap")),
            "residents_on_laptop_0": count,
            "seconds_for_all_syncs": round(seconds, 1),
        },
    }


JOIN_LAPTOPS = 5
JOIN_TARGET_S = 60.0
# The demo the five laptops hold between them: a fifth of the 10k / 50k one (see the figure's
# detail for the linear estimate at full size). A twentieth (500 / 2,500) was used until
# 6 December; the join's time per field state grows a little with the tables (on one
# evening: 11.3-14.4 s at a fifth, 2.6-2.9 s at a twentieth, interleaved), so the nearer
# sample gives the more honest estimate. Building it takes about 3.5 minutes.
JOIN_RESIDENTS = 2_000
JOIN_SESSIONS = 10_000


def bench_join_team(folder: Path, residents_total: int, sessions_total: int) -> dict[str, object]:
    """Issue 16: a new laptop joins a team folder whose 5 laptops hold the demo between them
    (each made a fifth of it, all synced until the folder was compacted) and syncs once; the
    figure is the time until that sync is done and its resident list answers."""
    from consultdesk.services import sync

    share = folder / "share"
    share.mkdir(parents=True)
    laptops = [
        Workspace.create(folder / f"laptop{i}", PASSPHRASE, PASSPHRASE, Profile(f"약사 {i}"))
        for i in range(JOIN_LAPTOPS + 1)
    ]
    *team, newcomer = laptops
    try:
        sync.create_team(team[0], share, "합류 팀", "join team passphrase")
        for index, ws in enumerate(team):
            if index:
                sync.join_team(ws, share, "join team passphrase")
            fill_demo(
                ws,
                residents=residents_total // JOIN_LAPTOPS,
                sessions=sessions_total // JOIN_LAPTOPS,
                seed=index + 1,
            )
        built = time.perf_counter()
        for _ in range(3):  # everyone has everything, then the folder is compacted
            for ws in team:
                sync.sync_now(ws)
        team_sync_s = time.perf_counter() - built
        sync.join_team(newcomer, share, "join team passphrase")
        started = time.perf_counter()
        report = sync.sync_now(newcomer)
        rows, _ = residents.search_residents(newcomer, "")
        join_s = time.perf_counter() - started
        with newcomer.db.engine.connect() as conn:
            states = conn.exec_driver_sql("SELECT count(*) FROM field_clock").one()[0]
        expected = residents.count_residents(team[0])
        got = residents.count_residents(newcomer)
    finally:
        for ws in laptops:
            ws.close()
    full = residents_total == RESIDENTS
    scale = RESIDENTS / max(1, residents_total)
    detail: dict[str, object] = {
        "residents": residents_total,
        "sessions": sessions_total,
        "field_states": states,
        "from_snapshot": report.snapshot_read is not None,
        "bundles_read_after_it": report.bundles_read,
        "residents_on_newcomer": got,
        "residents_on_team": expected,
        "list_rows": len(rows),
        "team_sync_s": round(team_sync_s, 1),
    }
    if not full:
        detail["demo"] = (
            f"{residents_total} residents / {sessions_total} consultations, not 10k / 50k "
            "(building and syncing that over 5 laptops takes too long here)"
        )
        detail["measured_s"] = round(join_s, 2)
    # The target is for the full demo: a smaller one is judged by its linear estimate (the
    # join reads every field state once, so its time grows with them), never by its own time.
    value = join_s * scale if not full else join_s
    return {
        "value": round(value, 1 if not full else 2),
        "unit": "s" if full else f"s (linear estimate from 1/{scale:g} of the demo)",
        "target": JOIN_TARGET_S,
        "ok": value <= JOIN_TARGET_S and got == expected,
        "detail": detail,
    }


BYTES_PER_MEDICINE_TARGET = 1_500


def bench_database_size(data_dir: Path, folder: Path) -> dict[str, object]:
    """What a laptop carries for the demo after one sync export into a team: the database
    file (and its write-ahead log) divided by the medicine rows, all sync metadata included.
    The app never vacuums the live file (it frees pages as it goes, see docs/sync.md, "The
    local change log"); the compact copy a backup makes (VACUUM INTO) is in the detail."""
    from consultdesk.services import sync

    ws = Workspace.unlock(data_dir, PASSPHRASE)
    share = folder / "share"
    share.mkdir(parents=True)
    try:
        sync.create_team(ws, share, "크기 팀", "size team passphrase")
        sync.sync_now(ws)
        with ws.db.engine.connect() as conn:
            medicines = conn.exec_driver_sql("SELECT count(*) FROM medication_entry").one()[0]
        copy = ws.db.backup_to(folder / "vacuumed.db")
    finally:
        ws.close()
    path = Workspace.database_path(data_dir)
    size = sum(f.stat().st_size for f in path.parent.glob(path.name + "*") if f.is_file())
    per_row = size / medicines
    return {
        "value": round(per_row),
        "unit": "bytes per medicine row",
        "target": BYTES_PER_MEDICINE_TARGET,
        "ok": per_row <= BYTES_PER_MEDICINE_TARGET,
        "detail": {
            "medicine_rows": medicines,
            "database_mb": round(size / 1e6),
            "after_vacuum_bytes_per_medicine_row": round(copy.stat().st_size / medicines),
        },
    }


def machine_reference_ms() -> float:
    """A fixed piece of pure Python work, timed just before each figure (median of 3).

    This machine is shared, and its speed moves by half within minutes: on 4 December 2026 the
    unlock's key derivation (pure CPU, always the same) took 178 ms and, a quarter of an hour
    later, 397 ms. The ratios are measured against their floor in the same moment; the
    figures in milliseconds are not, so each carries this, and a reader can tell a slower
    program from a slower machine (higher is slower)."""
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i * i % 7
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)


def _with_reference(figure: dict[str, object], reference: float) -> dict[str, object]:
    detail = dict(figure.get("detail") or {})  # type: ignore[call-overload]
    detail["machine_reference_ms"] = reference
    return {**figure, "detail": detail}


def write_table(results: dict[str, dict[str, object]], args: argparse.Namespace) -> Path:
    """build/bench.md: the figures as the README's performance table shows them."""
    from datetime import UTC, datetime

    day = datetime.now(UTC).date().isoformat()
    lines = [
        f"Measured {day} by `make bench` ({args.residents:,} residents, {args.sessions:,} "
        f"consultations; {os.cpu_count()} cores, a shared machine).",
        "",
        "The machine column is a fixed piece of Python work timed just before each figure "
        "(`machine_reference_ms`; higher is a slower machine at that moment).",
        "",
        "| figure | value | target | met | machine |",
        "| --- | ---: | ---: | :---: | ---: |",
    ]
    for name, r in results.items():
        met = "yes" if r["ok"] else "**no**"
        reference = (r.get("detail") or {}).get("machine_reference_ms", "")  # type: ignore[attr-defined]
        machine = f"{reference} ms" if reference != "" else ""
        lines.append(f"| `{name}` | {r['value']} {r['unit']} | {r['target']} | {met} | {machine} |")
    out = ROOT / "build" / "bench.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="ConsultDesk's performance figures")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated figure names (or prefixes) to measure; the demo is always built",
    )
    parser.add_argument("--residents", type=int, default=RESIDENTS)
    parser.add_argument("--sessions", type=int, default=DEMO_SESSIONS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    wanted = [name for name in args.only.split(",") if name]

    def want(*names: str) -> bool:
        return not wanted or any(n.startswith(w) for n in names for w in wanted)

    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        reference = machine_reference_ms()
        ws, summary, demo_s, fill_s = make_demo(data_dir, args.residents, args.sessions)
        made = f"{args.residents} residents, {summary.sessions} sessions"
        print(f"demo data: {made} in {demo_s:.1f} s (the fill {fill_s:.1f} s)")
        if args.sessions and want("demo_10k_residents_50k_sessions_s"):
            results["demo_10k_residents_50k_sessions_s"] = _with_reference(
                demo_figure(demo_s, summary, data_dir, fill_s), reference
            )
        steps: dict[str, Callable[[], dict[str, object]]] = {
            "resident_search_keystroke_p95_10k": lambda: bench_search(ws),
            "resident_search_keystroke_in_view_p95_10k": lambda: bench_search_view(ws),
            "consultation_open_30_medicines_p95": lambda: bench_open_consultation(ws),
            "flags_recompute_30_meds_ms": lambda: bench_flags(ws),
            "flags_recompute_30_meds_20k_dur_ms": lambda: bench_flags_with_dur(ws),
            "referral_pdf_2_pages_ms": lambda: bench_referral(ws),
            "measures_all_10k_50k_s": lambda: bench_measures(ws),
        }
        for name, step in steps.items():
            if want(name):
                print(f"measuring {name}", flush=True)
                reference = machine_reference_ms()
                results[name] = _with_reference(step(), reference)
        export_resident = referral_visit(ws)
        if want("sync_import_10k_changes_5_laptops_s", "sync_nothing_new_p95"):
            reference = machine_reference_ms()
            for name, figure in bench_sync(Path(tmp) / "sync").items():
                results[name] = _with_reference(figure, reference)
        if want("catalog"):
            reference = machine_reference_ms()
            for name, figure in bench_catalog(Path(tmp) / "catalog").items():
                results[name] = _with_reference(figure, reference)
        if want("share_files_per_device_after_1000_syncs"):
            print("measuring share_files_per_device_after_1000_syncs", flush=True)
            results["share_files_per_device_after_1000_syncs"] = bench_share_files(
                Path(tmp) / "share_files"
            )
        if want("join_team_demo_s"):
            print("measuring join_team_demo_s", flush=True)
            reference = machine_reference_ms()
            results["join_team_demo_s"] = _with_reference(
                bench_join_team(Path(tmp) / "join", JOIN_RESIDENTS, JOIN_SESSIONS), reference
            )
        ws.close()
        processes: dict[str, Callable[[], dict[str, object]]] = {
            "cli_export_cold_ratio": lambda: bench_cli_export(data_dir, export_resident),
            "first_window_ratio": lambda: bench_first_window(data_dir),
            "unlock_to_usable_list_10k_ms": lambda: bench_unlock(data_dir),
            "startup_ratio_10k_residents": lambda: bench_startup(data_dir),
            "memory_peak_10k_residents_with_sessions": lambda: bench_memory(data_dir),
            # Last: it makes the demo laptop a team member, which the figures above must not see.
            "bytes_per_medicine_row": lambda: bench_database_size(data_dir, Path(tmp) / "size"),
        }
        for name, step in processes.items():
            if want(name):
                print(f"measuring {name}", flush=True)
                reference = machine_reference_ms()
                results[name] = _with_reference(step(), reference)
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{'figure':40} {'value':>10}  {'unit':24} {'target':>8}  ok")
    for name, r in results.items():
        print(
            f"{name:40} {r['value']:>10}  {r['unit']:24} {r['target']:>8}  "
            f"{'yes' if r['ok'] else 'NO'}"
        )
    print(f"wrote {out} and {write_table(results, args)}")
    missed = [name for name, r in results.items() if not r["ok"]]
    # The figures are the product of this target; a missed target is reported, not a crash.
    print("targets missed: " + ", ".join(missed) if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
