"""`make bench`: performance figures as ratios against a floor measured in the same run, or as
percentiles of many repetitions — never single timings, because the machine is shared and noisy.

Writes build/bench.json: {"name": {"value": …, "unit": …, "target": …, "ok": true/false}}.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from consultdesk.services import residents
from consultdesk.services.demo import fill_demo
from consultdesk.services.workspace import Profile, Workspace

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "bench passphrase"
RESIDENTS = 10_000
RUNS = 5

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


def _startup(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time from process start to the first event-loop turn after the window is shown."""
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    total = time.perf_counter() - start
    assert "startup_seconds=" in out, out
    return total


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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONSULTDESK_PASSPHRASE": PASSPHRASE}
    app_cmd = [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), "--bench-startup"]
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
    return p95_figure(samples, target_ms=30.0)


def main() -> int:
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        ws = Workspace.create(data_dir, PASSPHRASE, PASSPHRASE, Profile("벤치 약사"))
        t = time.perf_counter()
        fill_demo(ws, residents=RESIDENTS)
        print(f"demo data: {RESIDENTS} residents in {time.perf_counter() - t:.1f} s")
        steps: dict[str, Callable[[], dict[str, object]]] = {
            "resident_search_keystroke_p95_10k": lambda: bench_search(ws),
            "resident_search_keystroke_in_view_p95_10k": lambda: bench_search_view(ws),
        }
        for name, step in steps.items():
            results[name] = step()
        ws.close()
        results["startup_ratio_10k_residents"] = bench_startup(data_dir)
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{'figure':40} {'value':>10}  {'unit':24} {'target':>8}  ok")
    for name, r in results.items():
        print(
            f"{name:40} {r['value']:>10}  {r['unit']:24} {r['target']:>8}  "
            f"{'yes' if r['ok'] else 'NO'}"
        )
    print(f"wrote {out}")
    missed = [name for name, r in results.items() if not r["ok"]]
    # The figures are the product of this target; a missed target is reported, not a crash.
    print("targets missed: " + ", ".join(missed) if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
