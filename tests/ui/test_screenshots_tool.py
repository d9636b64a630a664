"""``python -m aict_desktop.tools.screenshots OUTDIR --size 1366x768`` (issue 15): every page and the windows beyond
them (가져오기, 회의 준비, the preview, meeting mode), none larger than the screen, the user's data unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_the_tool_saves_every_window_within_the_screen_and_changes_nothing(demo_services, tmp_path):
    from aict_desktop.domain.enums import MeetingStatus

    db = demo_services.store.path
    before = [(m.id, m.status) for m in demo_services.meetings.list()]
    assert MeetingStatus.PLANNED.value in [s for _i, s in before]  # meeting mode has one to open
    demo_services.store.dispose()  # the tool opens the file as the program does (its lock)
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "aict_desktop.tools.screenshots", str(out), "--db", str(db),
                          "--size", "1366x768"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    names = sorted(p.name for p in out.glob("*.png"))
    for wanted in ("dashboard", "settings", "appointments", "import_wizard", "meeting_prep", "preview",
                   "meeting_mode"):
        assert any(n.endswith(f"_{wanted}.png") for n in names), (wanted, names)
    for p in out.glob("*.png"):
        image = QImage(str(p))
        assert 0 < image.width() <= 1366 and 0 < image.height() <= 768, (p.name, image.size())
    assert "taking them back" not in run.stderr  # nothing released the program's SQLite locks

    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    store = open_store(db)
    try:
        assert [(m.id, m.status) for m in Services(store).meetings.list()] == before  # meeting mode ran on a copy
    finally:
        store.dispose()
