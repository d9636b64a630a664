"""The program's icon in the taskbar and Alt+Tab (issue 21 item 11), in the executables, and in ``--self-test``.

Before, ``setWindowIcon`` was never called: every window showed Qt's default icon. Each start is its own
process (``build_app`` sets the application's icon once), as the program starts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _python(code: str, tmp_path: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data"),
           "AICT_LANG": lang, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=240, cwd=tmp_path)


def test_the_icon_files_hold_every_size_windows_asks_for():
    with Image.open(ICONS / "app.ico") as ico:
        assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "app.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
        assert png.getpixel((128, 128))[3] == 255 and png.getpixel((0, 0))[3] == 0  # drawn, with a clear corner


def test_every_window_of_a_started_program_has_the_icon(tmp_path):
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from aict_desktop.app import build_app\n"
        "from aict_desktop.config import Settings\n"
        "from aict_desktop.ui.main_window import MainWindow\n"
        "app = build_app([], Settings())\n"
        "win = MainWindow(Settings(), data_label='x')\n"
        "win.show()\n"
        "app.processEvents()\n"
        "sizes = sorted({s.width() for s in app.windowIcon().availableSizes()})\n"
        "same = win.windowIcon().cacheKey() == app.windowIcon().cacheKey()\n"
        "pixel = win.windowIcon().pixmap(32, 32).toImage().pixelColor(4, 16)\n"
        "print('ICON', sizes, same, pixel.alpha(), pixel.blue() > pixel.red())\n"
    )
    r = _python(code, tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("ICON "))
    assert line == "ICON [16, 24, 32, 48, 64, 128, 256] True 255 True", line  # the navy square, not Qt's default


def test_both_executables_are_built_with_the_ico_on_windows():
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert re.search(r'^ICON = ROOT / "resources" / "icons" / \("app\.ico" if sys\.platform == "win32"', spec, re.M)
    exes = re.findall(r"^(\w+) = EXE\((.*?)^\)", spec, re.M | re.S)
    assert [name for name, _body in exes] == ["gui", "cli"]
    assert all("icon=str(ICON)," in body for _name, body in exes)
    assert 'files("resources/icons/app.*", "resources/icons")' in spec  # .png and .ico travel with the bundle


def test_the_self_test_fails_when_the_icon_cannot_be_loaded(tmp_path):
    broken = tmp_path / "icons"
    broken.mkdir()
    for name in ("app.ico", "app.png"):
        (broken / name).write_bytes(b"not an image")  # present (the file check passes), unreadable
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from aict_desktop.ui import app_icon\n"
        "app_icon.resource = lambda *parts: Path(sys.argv[1]) / parts[-1]\n"
        "from aict_desktop import selftest\n"
        "sys.exit(selftest.run())\n"
    )
    r = _python(code, tmp_path, str(broken))
    assert r.returncode == 1, r.stdout + r.stderr
    failed = [ln for ln in r.stdout.splitlines() if ln.startswith("FAILED")]
    assert failed == ["FAILED  Main window: The program's icon (resources/icons/app.ico, app.png) could not be "
                      "loaded"], r.stdout
    assert "Traceback" not in r.stdout + r.stderr
