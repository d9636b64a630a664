"""Start-up: the program with the demo data beside a bare PySide6 QMainWindow, same run, same machine.

    python benchmarks/bench_startup.py [--runs 7]

Each start is a fresh subprocess; the time runs from launching it until the
child reports, from inside its event loop, that the window is on screen.
For the program two moments are reported: the main window shown (the shell:
navigation, menus, toolbar) and the dashboard filled with the demo data (the
data file opened, checked and read in the background). Target (issue #4):
start-up within 1.5x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_package  # benchmarks/ is on sys.path when a benchmark is run

ROOT = Path(__file__).resolve().parent.parent

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

_show, _attach = mw.MainWindow.show, mw.MainWindow.attach_services

def show(self):
    _show(self)
    QTimer.singleShot(0, lambda: print("shown", flush=True))

def attach(self, services):
    _attach(self, services)
    def filled():
        print("data", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, filled)

mw.MainWindow.show, mw.MainWindow.attach_services = show, attach
from aict_desktop.app import run
sys.exit(run({db!r}))
"""


def one(code: str, env: dict) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    marks = {}
    for line in proc.stdout:
        marks[line.strip()] = (time.perf_counter() - t0) * 1000
    proc.wait(timeout=60)
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
    bare, shown, filled = [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        bare.append(one(BARE, env)["shown"])
        marks = one(OURS.format(root=str(ROOT), db=db), env)
        shown.append(marks["shown"])
        filled.append(marks["data"])
    b, s, f = (statistics.median(x) for x in (bare, shown, filled))
    paired = statistics.median(o / n for o, n in zip(shown, bare))  # each start beside the bare one next to it
    print(f"runs: {args.runs} each, interleaved (median; best of {args.runs} in brackets)")
    print(f"bare PySide6 QMainWindow shown:        {b:7.0f} ms  [{min(bare):4.0f}]")
    print(f"AICT main window shown:                {s:7.0f} ms  [{min(shown):4.0f}]  "
          f"({s / b:.2f}x bare; paired runs {paired:.2f}x; best {min(shown) / min(bare):.2f}x; target 1.5x)")
    print(f"AICT dashboard filled with demo data:  {f:7.0f} ms  [{min(filled):4.0f}]  ({f / b:.2f}x bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
