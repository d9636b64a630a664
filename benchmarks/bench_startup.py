"""Start-up: the program with the demo data beside a bare PySide6 QMainWindow, same run, same machine.

    python benchmarks/bench_startup.py [--runs 7]

Each start is a fresh subprocess; the time runs from launching it until the
child reports, from inside its event loop, that the window is on screen.
For the program three moments are reported: the main window shown (the shell:
navigation, menus, toolbar), the dashboard filled with the demo data (from the
quick read of the file, ``services.first_paint``, or else from the services),
and the services attached (the data file opened, checked and read in the
background; the dashboard refilled in place). Targets (issues #4, #19): the
shell within 1.5x the bare window, the filled dashboard within 4x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bytecode import compile_package  # benchmarks/ is on sys.path when a benchmark is run

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1280, 800)
w.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

OURS = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import aict_desktop.ui.main_window as mw

_show, _paint, _attach = mw.MainWindow.show, mw.MainWindow.show_first_paint, mw.MainWindow.attach_services

def show(self):
    _show(self)
    QTimer.singleShot(0, lambda: print("shown", flush=True))

def paint(self, snapshot):
    painted = _paint(self, snapshot)
    if painted:  # the chart is drawn in the next turn of the event loop, before this
        QTimer.singleShot(0, lambda: print("data", flush=True))
    return painted

def attach(self, services):
    _attach(self, services)
    def filled():
        print("data", flush=True)  # the dashboard filled by the services (the first of the two "data" counts)
        print("attached", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, filled)

mw.MainWindow.show, mw.MainWindow.show_first_paint, mw.MainWindow.attach_services = show, paint, attach
from aict_desktop.app import run
sys.exit(run({db!r}))
"""


def one(code: str, env: dict) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)  # a start that never finishes (an error shown) ends here
    watchdog.start()
    marks = {}
    try:
        for line in proc.stdout:
            marks.setdefault(line.strip(), (time.perf_counter() - t0) * 1000)
        proc.wait()
    finally:
        watchdog.cancel()
    if code is not BARE and "attached" not in marks:
        raise SystemExit(f"the program did not open the demo data within {TIMEOUT_S} s (see its log in "
                         f"{env['AICT_DATA_DIR']}/logs)")
    return marks


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    compile_package()  # timed as installed: bytecode, not source (see bytecode.py)
    data = Path(tempfile.mkdtemp(prefix="aict-startup-"))
    env = {**os.environ, "AICT_DATA_DIR": str(data), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    db = str(data / "demo.sqlite")
    for verb in ("init", "demo"):
        subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", db, verb], check=True, env=env,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
    one(BARE, env)  # warm the file cache once for both
    one(OURS.format(root=str(ROOT), db=db), env)
    bare, shown, filled, attached = [], [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        bare.append(one(BARE, env)["shown"])
        marks = one(OURS.format(root=str(ROOT), db=db), env)
        shown.append(marks["shown"])
        filled.append(marks["data"])
        attached.append(marks["attached"])
    b, s, f, a = (statistics.median(x) for x in (bare, shown, filled, attached))
    paired = statistics.median(o / n for o, n in zip(shown, bare))  # each start beside the bare one next to it
    print(f"runs: {args.runs} each, interleaved (median; best of {args.runs} in brackets)")
    print(f"bare PySide6 QMainWindow shown:        {b:7.0f} ms  [{min(bare):4.0f}]")
    print(f"AICT main window shown:                {s:7.0f} ms  [{min(shown):4.0f}]  "
          f"({s / b:.2f}x bare; paired runs {paired:.2f}x; best {min(shown) / min(bare):.2f}x; target 1.5x)")
    print(f"AICT dashboard filled with demo data:  {f:7.0f} ms  [{min(filled):4.0f}]  ({f / b:.2f}x bare; "
          f"paired runs {statistics.median(o / n for o, n in zip(filled, bare)):.2f}x; target 4x)")
    print(f"AICT services attached (refilled):     {a:7.0f} ms  [{min(attached):4.0f}]  ({a / b:.2f}x bare)")
    print(f"ratios: bare 1.00x, shell {s / b:.2f}x, dashboard filled {f / b:.2f}x, services attached {a / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
