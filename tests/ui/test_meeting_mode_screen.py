"""Meeting mode on a 1366×768 laptop (issue 15 item 4): the window and every action button on the screen.

The window runs in its own process on an offscreen screen of 1366×768 (Qt's offscreen platform with a
screen configuration), once fresh, once after it was closed at a size from a bigger monitor, and once
after it was closed maximised (remembered). A screenshot is saved to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r'''
import json, os, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
from aict_desktop import i18n
i18n.install("ko")
from aict_desktop.ui.fonts import register_fonts
register_fonts(app)
from aict_desktop.services.container import Services
from aict_desktop.store import open_store
from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow
from tests.meeting_sample import build
db = os.path.join(os.environ["AICT_DATA_DIR"], "aict.sqlite")
fresh = not os.path.exists(db)
st = open_store(db, create=True)
sv = Services(st)
meeting = build(sv).meeting if fresh else sv.meetings.list()[0].id
w = MeetingModeWindow(sv, meeting)
if sys.argv[2] == "big":  # the user made it this big on a bigger monitor and closed it; now it opens here
    w.show()
    w.setGeometry(QRect(100, 100, 1900, 1150))
    app.processEvents()
    w.close()
    w = MeetingModeWindow(sv, meeting)
if sys.argv[2] == "maximise":
    w.showMaximized()
else:
    w.show()
for _n in range(20):
    app.processEvents()
w.step(+1)  # the 의결 item: the vote panel is shown too
app.processEvents()
screen = w.screen().availableGeometry()
frame = w.frameGeometry()
buttons = []
for b in w.findChildren(QPushButton):
    if b.isVisible():
        top = b.mapToGlobal(b.rect().topLeft())
        bottom = b.mapToGlobal(b.rect().bottomRight())
        buttons.append([b.text(), top.x(), top.y(), bottom.x(), bottom.y()])
w.grab().save(sys.argv[3])
out = {"screen": [screen.x(), screen.y(), screen.right(), screen.bottom()],
       "frame": [frame.x(), frame.y(), frame.right(), frame.bottom()], "buttons": buttons,
       "maximised": w.isMaximized()}
w.close()
st.dispose()
print("RESULT " + json.dumps(out, ensure_ascii=False))
'''


def _open(tmp_path: Path, how: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "AICT_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    (tmp_path / "data").mkdir(exist_ok=True)
    shot = tmp_path / f"meeting_mode_{how}.png"
    r = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), how, str(shot)], env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def _inside(rect, screen) -> bool:
    return rect[0] >= screen[0] and rect[1] >= screen[1] and rect[2] <= screen[2] and rect[3] <= screen[3]


def test_meeting_mode_fits_a_1366x768_screen_with_every_action_button(tmp_path):
    for how in ("fresh", "big"):  # "big": closed at 1900×1150 on a bigger monitor, reopened on the laptop
        result = _open(tmp_path, how)
        screen = result["screen"]
        assert screen == [0, 0, 1365, 767]
        assert _inside(result["frame"], screen), (how, result["frame"])
        labels = [b[0] for b in result["buttons"]]
        for wanted in ("회의록 확정", "회의 종료", "회의록 DOCX", "회의록 HWPX", "참석수당"):
            assert any(wanted in text or text in wanted for text in labels), (wanted, labels)
        off = [b for b in result["buttons"] if not _inside(b[1:], screen)]
        assert off == [], (how, off)
    assert (tmp_path / "meeting_mode_fresh.png").stat().st_size > 10_000


def test_meeting_mode_remembers_that_it_was_maximised(tmp_path):
    first = _open(tmp_path, "maximise")
    assert first["maximised"] and _inside(first["frame"], first["screen"])
    again = _open(tmp_path, "plain")
    assert again["maximised"], "closed maximised, it opens maximised again"
    off = [b for b in again["buttons"] if not _inside(b[1:], again["screen"])]
    assert off == []
