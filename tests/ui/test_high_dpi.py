"""125 % and 150 % display scaling on a 1920×1080 laptop (issue 21 item 4): the main window, the preview and
meeting mode fit the screen less the task bar, in device-independent pixels, with their action buttons on it.

Each run is its own process: ``QT_SCALE_FACTOR`` must be set before the QApplication exists. Qt's offscreen
platform gives a 1920×1080 screen (a screen configuration file); at 1.5 Qt lays windows out on 1280×720. The
offscreen screen has no task bar, so ``QScreen.availableGeometry`` is cut by Windows 11's 48-pixel task bar, and
the offscreen windows have no title bar, so each window's size plus a Windows frame (8-pixel borders, a 31-pixel
title bar) must fit as well: that is where meeting mode's bottom row fell under the task bar (671 + 39 > 672).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 48  # Windows 11's task bar, in device-independent pixels at any scaling
WINDOWS_FRAME = (16, 39)  # 8-pixel borders left and right, a 31-pixel title bar and an 8-pixel border

PROBE = r'''
import json, os, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QPushButton, QToolBar
_available = QScreen.availableGeometry
QScreen.availableGeometry = lambda self: _available(self).adjusted(0, 0, 0, -int(sys.argv[2]))  # the task bar
app = QApplication([])
from aict_desktop import i18n
i18n.install("ko")
from aict_desktop.ui.fonts import register_fonts
register_fonts(app)
from aict_desktop.config import Settings
from aict_desktop.services.container import Services
from aict_desktop.services.demo import load_demo
from aict_desktop.store import open_store
from tests.meeting_sample import build
data = os.environ["AICT_DATA_DIR"]
demo = open_store(os.path.join(data, "demo.sqlite"), create=True)
sv = Services(demo)
load_demo(sv)
sample = open_store(os.path.join(data, "meeting.sqlite"), create=True)
sv2 = Services(sample)
meeting = build(sv2).meeting


def measure(w, name):
    for _n in range(20):
        app.processEvents()
    area = w.screen().availableGeometry()
    frame = w.frameGeometry()
    buttons = []
    for b in w.findChildren(QPushButton) + w.findChildren(QToolBar):
        if b.isVisible() and b.window() is w:
            top, bottom = b.mapToGlobal(b.rect().topLeft()), b.mapToGlobal(b.rect().bottomRight())
            buttons.append([b.text() if isinstance(b, QPushButton) else "toolbar", top.x(), top.y(), bottom.x(),
                            bottom.y()])
    w.grab().save(os.path.join(data, name + ".png"))
    return {"area": [area.x(), area.y(), area.right(), area.bottom()],
            "frame": [frame.x(), frame.y(), frame.right(), frame.bottom()],
            "size": [w.width(), w.height()], "buttons": buttons}


out = {}
from aict_desktop.ui.main_window import MainWindow
main = MainWindow(Settings(), sv)
main.show()
out["main"] = measure(main, "main")
from aict_desktop.ui.preview import PreviewDialog
preview = PreviewDialog.show_pdf(sv.exports.roster_pdf(sv.bodies.list_bodies()[0].id), "명단", "명단.pdf", main)
out["preview"] = measure(preview, "preview")
preview.close()
from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow
mode = MeetingModeWindow(sv2, meeting)
mode.show()
mode.step(+1)  # the 의결 item: the vote panel is shown too
out["meeting"] = measure(mode, "meeting")
mode.close()
main.close()
demo.dispose()
sample.dispose()
print("RESULT " + json.dumps(out, ensure_ascii=False))
'''

WANTED = {
    "main": ["toolbar"],
    "preview": ["인쇄…", "PDF로 저장…", "닫기"],
    "meeting": ["회의록 확정", "회의 종료", "회의록 DOCX", "회의록 HWPX", "참석수당"],
}


def _run(tmp_path: Path, scale: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    data = tmp_path / f"data-{scale}"
    data.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "AICT_DATA_DIR": str(data), "AICT_LANG": "ko", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), str(TASKBAR)], env=env, capture_output=True,
                       text=True, encoding="utf-8", timeout=240)
    assert r.returncode == 0, r.stderr[-3000:]
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def _inside(rect, area) -> bool:
    return rect[0] >= area[0] and rect[1] >= area[1] and rect[2] <= area[2] and rect[3] <= area[3]


@pytest.mark.parametrize(("scale", "screen"), [("1.25", (1536, 864)), ("1.5", (1280, 720))])
def test_windows_and_their_buttons_fit_a_scaled_1920x1080_screen(tmp_path, scale, screen):
    result = _run(tmp_path, scale)
    for name, wanted in WANTED.items():
        got = result[name]
        area = got["area"]
        assert area == [0, 0, screen[0] - 1, screen[1] - TASKBAR - 1], (name, area)  # device-independent
        assert _inside(got["frame"], area), (scale, name, got["frame"])
        width, height = got["size"]
        # with a real Windows frame around it the window still fits above the task bar
        assert width + WINDOWS_FRAME[0] <= area[2] + 1 and height + WINDOWS_FRAME[1] <= area[3] + 1, \
            (scale, name, got["size"], area)
        labels = [b[0] for b in got["buttons"]]
        for text in wanted:
            assert text in labels, (scale, name, text, labels)
        off = [b for b in got["buttons"] if not _inside(b[1:], area)]
        assert off == [], (scale, name, off)
    assert (tmp_path / f"data-{scale}" / "meeting.png").stat().st_size > 10_000
