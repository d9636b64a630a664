"""The dashboard at first paint (a quick read of the file) shows what the services show once attached, where
they show it; a file it cannot read that way leaves the dashboard to the services, as before.

The demo data file is made by ``aict init`` + ``aict demo``, as the start-up benchmark does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_LAYER = ("sqlmodel", "sqlalchemy", "alembic", "pydantic", "reportlab")


def figures(window) -> dict:
    """Everything the dashboard shows (texts, numbers, bars, chart) and where (positions, sizes, column widths)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QLabel, QProgressBar

    QApplication.sendPostedEvents()  # pending layout requests (not the queued timers)
    page = window.pages["dashboard"]

    def where(w):
        p = w.mapTo(window, QPoint(0, 0))
        return [p.x(), p.y(), w.width(), w.height(), w.isVisible()]

    def table(view):
        m = view.model()
        return {"cells": [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())],
                "widths": [view.columnWidth(c) for c in range(m.columnCount())], "at": where(view)}

    grid = page.groups_widget.grid
    groups = []
    for i in range(grid.count()):
        w = grid.itemAt(i).widget()
        groups.append([w.text() if isinstance(w, QLabel) else w.value() if isinstance(w, QProgressBar) else None,
                       w.styleSheet(), where(w)])
    owners = page.groups_widget.owners
    chart = page.chart_view.chart() if page.chart_view is not None else None
    return {
        "tiles": {k: [lab.text(), lab.styleSheet(), where(lab)] for k, lab in page.tile_labels.items()},
        "meetings": table(page.meetings_view), "expiring": table(page.expiring_view),
        "overdue": table(page.overdue_view),
        "panels": [where(p) for p in (page.meetings_panel, page.expiring_panel, page.overdue_panel,
                                      page.chart_panel, page.groups_widget)],
        "expiring_title": page.expiring_panel.title_label.text(),
        "groups": groups,
        "owners": [[owners.item(i).text(), owners.item(i).toolTip()] for i in range(owners.count())],
        "networks": [[page.network.itemText(i), page.network.itemData(i)] for i in range(page.network.count())],
        "network": page.network.currentData(),
        "chart": [chart.title() if chart else None, page.chart_counts, page.chart_note.text(),
                  where(page.chart_view) if page.chart_view else None],
        "banner": [window.read_only_banner.isVisible(), window.read_only_banner.text()],
        "nav": window.nav.currentRow(),
    }


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite"
    env = {**os.environ, "AICT_DATA_DIR": str(folder / "data")}
    for verb in ("init", "demo"):
        subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), verb], check=True, env=env,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
    return db


@pytest.fixture
def copy(demo_file, tmp_path) -> Path:
    target = tmp_path / "aict.sqlite"
    shutil.copyfile(demo_file, target)
    return target


START = """
import json, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import aict_desktop.ui.main_window as mw
from tests.ui.test_first_paint_ui import DATA_LAYER, figures

out = {{}}
_paint, _attach = mw.MainWindow.show_first_paint, mw.MainWindow.attach_services

def paint(self, snapshot):
    out["loaded at first paint"] = sorted(m for m in sys.modules if m.split(".")[0] in DATA_LAYER)
    out["painted"] = _paint(self, snapshot)
    out["page"] = id(self.pages.get("dashboard"))
    QTimer.singleShot(0, lambda: out.update(first=figures(self)))  # the chart is drawn first
    return out["painted"]

def attach(self, services):
    _attach(self, services)
    def done():
        out.update(after=figures(self), same_page=id(self.pages["dashboard"]) == out.get("page"))
        print(json.dumps(out, ensure_ascii=False), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, done)

mw.MainWindow.show_first_paint, mw.MainWindow.attach_services = paint, attach
from aict_desktop.app import run
run({db!r})
"""


def start(db: Path, tmp_path: Path) -> dict:
    """The program started as a user starts it (a fresh process), with what it showed at each moment."""
    env = {**os.environ, "AICT_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", START.format(root=str(ROOT), db=str(db))], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, proc.stderr[-3000:]
    return json.loads(lines[-1])


@pytest.fixture(params=["writable", "read-only"])
def data_file(request, copy):
    """The demo copy, and the same made unchangeable (``chattr +i``: read-only even for root)."""
    if request.param == "writable":
        yield copy
        return
    if subprocess.run(["chattr", "+i", str(copy)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield copy
    finally:
        subprocess.run(["chattr", "-i", str(copy)], check=False)


def test_the_program_starts_with_the_dashboard_filled_and_the_services_change_nothing(data_file, tmp_path):
    seen = start(data_file, tmp_path)
    assert seen["painted"] and seen["same_page"]
    assert seen["loaded at first paint"] == []  # the data layer is not imported for the first screen
    first, after = seen["first"], seen["after"]
    assert first["tiles"]["institutions"][0] not in ("–", "0") and first["meetings"]["cells"]
    assert first["expiring"]["cells"] and first["overdue"]["cells"] and first["owners"] and first["groups"]
    assert first["chart"][0] and sum(first["chart"][1].values()) > 0
    for key in first:  # key by key first, so that a difference names what moved
        assert first[key] == after[key], key
    assert first["banner"][0] is (not os.access(data_file, os.W_OK))  # read-only: said from the first paint


def test_an_older_file_is_left_to_the_services_which_upgrade_it(tmp_path):
    """A revision the quick read does not know (here the 0004 fixture): no first paint, the dashboard as before."""
    db = tmp_path / "old.sqlite"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "db_0004.sqlite", db)
    seen = start(db, tmp_path)
    assert "painted" not in seen and seen["after"]["tiles"]["bodies"][0] not in ("–", "")


def show_window(qtbot):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_first_paint_becomes_the_services_page_in_place(qtbot, copy):
    from PySide6.QtCore import Qt

    from aict_desktop.app import open_data, paint_dashboard

    win = show_window(qtbot)
    assert paint_dashboard(win, str(copy))
    page = win.pages["dashboard"]
    assert win.current_page() is page and win.services is None
    assert not win.registry["save"].isEnabled()  # nothing to write with yet
    qtbot.waitUntil(lambda: page.chart_view is not None)
    # the user picks another network while the data layer loads: the chart follows, from the quick read
    page.network.setFocus()
    qtbot.keyClick(page.network, Qt.Key.Key_End)
    picked = page.network.currentData()
    assert picked != page.network.itemData(0) and page._chart_body == picked
    first = figures(win)
    opened = open_data(str(copy))
    try:
        win.attach_services(opened.services)
        qtbot.wait(10)
        assert win.pages["dashboard"] is page and win.registry["save"].isEnabled()
        after = figures(win)
        for key in first:
            assert first[key] == after[key], key
    finally:
        opened.close()


def test_a_file_that_does_not_open_drops_the_first_paint(qtbot, copy):
    from aict_desktop.app import paint_dashboard
    from aict_desktop.domain.errors import StoreError

    win = show_window(qtbot)
    assert paint_dashboard(win, str(copy))
    win.fail(StoreError("이 데이터 파일은 다른 프로그램이 사용 중입니다."))
    assert "dashboard" not in win.pages and win.current_page() is None
    assert win.stack.currentWidget() is win.loading and "사용 중" in win.loading.text()


@pytest.mark.parametrize("target", ["postgresql+psycopg://aict@127.0.0.1:1/aict", "corrupt", "missing"])
def test_without_a_quick_read_the_window_waits_for_the_services(qtbot, copy, tmp_path, target):
    from aict_desktop.app import paint_dashboard

    if target == "corrupt":
        copy.write_bytes(copy.read_bytes()[:4096] + bytes(8192))
        target = str(copy)
    elif target == "missing":
        target = str(tmp_path / "none.sqlite")
    win = show_window(qtbot)
    assert not paint_dashboard(win, target)
    assert win.pages == {} and win.stack.currentWidget() is win.loading
