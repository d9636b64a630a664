"""Windows 11 dark mode cannot make labels dark on dark (issue 21 item 11): the program is light everywhere.

Each run is its own process, as a start is: the system's dark mode is simulated by the dark palette Windows
hands Qt, set on the application before the program builds it (``app.build_app``), with one marker colour per
role so that a role the program leaves unset would show. The program's own coloured labels (a grey hint, the
yellow read-only banner) are drawn and their pixels read back; then the system switches to dark mode while the
program runs (the colour-scheme signal), and the light palette comes back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r'''
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
ROLES = [r for r in QPalette.ColorRole if r not in (QPalette.ColorRole.NoRole, QPalette.ColorRole.NColorRoles)]
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


def dark():
    p = QPalette()
    for i, role in enumerate(ROLES):
        light = role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                         QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText)
        for group in GROUPS:
            p.setColor(group, role, QColor(240, 240, 230 + i) if light else QColor(30, 31, 20 + i))
    return p


def report():
    pal = app.palette()
    marks = dark()
    left = [f"{g.name}/{r.name}" for g in GROUPS for r in ROLES if pal.color(g, r) == marks.color(g, r)]
    colours = {r.name: pal.color(QPalette.ColorGroup.Active, r).lightness() for r in ROLES}
    colours["DisabledText"] = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).lightness()
    hint = QLabel("Alt+↑/↓ 안건 · F2 참석 · Ctrl+S 저장")
    hint.setStyleSheet("color: #555;")  # meeting mode's key hint: grey on the window's colour
    hint.resize(400, 40)
    image = hint.grab().toImage()
    light = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2) for y in range(image.height())]
    return {"style": app.style().name(), "left": left, "lightness": colours,
            "hint": [max(light), min(light)]}


app.setPalette(dark())  # what Windows 11 in dark mode hands Qt
from aict_desktop.app import build_app
from aict_desktop.config import Settings
build_app([], Settings())
out = {"start": report()}
app.setPalette(dark())
app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the user switches to dark mode meanwhile
out["switched"] = report()
from aict_desktop.ui.main_window import MainWindow
win = MainWindow(Settings(), data_label="x")
win.resize(1366, 728)
win.show()
for _n in range(10):
    app.processEvents()
win.grab().save(sys.argv[2])
print("RESULT " + json.dumps(out))
'''


def test_a_dark_system_palette_gives_way_to_the_light_one(tmp_path):
    shot = tmp_path / "main_window_light.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), str(shot)], env=env, capture_output=True, text=True,
                       encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(next(ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")).removeprefix("RESULT "))
    for when in ("start", "switched"):
        got = out[when]
        assert got["style"].lower() == "fusion", (when, got["style"])
        assert got["left"] == [], (when, got["left"])  # every role of every group set by the program
        light = got["lightness"]
        for role in ("Window", "Base", "Button", "AlternateBase", "ToolTipBase", "Light"):
            assert light[role] >= 230, (when, role, light[role])
        for role in ("WindowText", "Text", "ButtonText", "ToolTipText"):
            assert light[role] <= 30, (when, role, light[role])
        assert light["HighlightedText"] - light["Highlight"] >= 100  # selected rows stay readable
        assert 100 <= light["DisabledText"] <= 170  # greyed out, still legible on the light window
        brightest, darkest = got["hint"]
        assert brightest >= 230 and darkest <= 110, (when, got["hint"])  # grey text on a light window
    assert shot.stat().st_size > 10_000


FRESH = r'''
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
made = []
real = QStyleFactory.create
QStyleFactory.create = staticmethod(lambda key: made.append(key) or real(key))
from aict_desktop.app import build_app
from aict_desktop.config import Settings
app = build_app([], Settings())  # the program makes its application itself
before = list(made)
from PySide6.QtWidgets import QLabel
label = QLabel("출석")
label.show()
app.processEvents()
pal = app.palette()
print("RESULT " + json.dumps({"style": app.style().name(), "window": pal.color(QPalette.ColorRole.Window).name(),
                              "text": pal.color(QPalette.ColorRole.WindowText).name(), "before": before}))
'''


def test_the_program_s_own_application_is_fusion_and_light_from_its_first_widget(tmp_path):
    """Created with ``-style Fusion``: the style is the one the first widget gets (no system style made first
    and replaced), and the light palette stands."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", FRESH, str(ROOT)], env=env, capture_output=True, text=True,
                       encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(next(ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")).removeprefix("RESULT "))
    assert out["style"].lower() == "fusion"
    assert (out["window"], out["text"]) == ("#efefef", "#000000")
