"""Every page opens on the demo data and shows it; the action registry reaches the pages."""

from __future__ import annotations

import pytest

from aict_desktop.ui.main_window import PAGES


@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_every_page_opens_on_the_demo_data(main_window, key, qtbot):
    page = main_window.show_page(key)
    assert page is not None
    assert main_window.stack.currentWidget() is page
    assert main_window.nav.currentItem().text()  # translated title
    table = {
        "bodies": lambda p: p.model,
        "institutions": lambda p: p.model,
        "people": lambda p: p.people.model,
        "meetings": lambda p: p.model,
        "tasks": lambda p: p.model,
        "certificates": lambda p: p.pending,
        "dashboard": lambda p: p.expiring,
    }.get(key)
    if table is not None:
        assert table(page).rowCount() > 0, key


def test_navigation_titles_are_korean(main_window):
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    wanted = ["대시보드", "기구", "기관", "위원·위촉", "회의", "과제", "위촉장", "설정"]
    assert [t for t in titles if t in wanted] == wanted  # in this order (colleagues may add pages between)


def test_dashboard_lists_and_sector_chart(main_window, demo_services, qtbot):
    page = main_window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.chart_view is not None)
    counts = page.chart_counts
    assert set(counts) == {"산", "학", "연", "관", "기타"}
    body_id = page.network.currentData()
    assert sum(counts.values()) == len(demo_services.roster.list_institutions(body_id=body_id))
    assert page.overdue.rowCount() == len(demo_services.tasks.list(overdue_only=True))
    for row in page.expiring.rows():
        assert 0 <= row.days_left <= 60


def test_shortcuts_from_the_registry_drive_the_current_page(main_window, qtbot):
    page = main_window.show_page("institutions")
    page.select_id(page.model.row(0).id)
    assert page._current is not None
    main_window.registry["new"].trigger()
    assert page._current is None
    assert main_window.registry["new"].shortcut().toString()
    assert main_window.registry["go_tasks"].shortcut().toString() == "Ctrl+6"
    main_window.registry["go_tasks"].trigger()
    assert main_window.current_page() is main_window.pages["tasks"]


def test_window_geometry_and_splitters_are_remembered(qtbot, demo_services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), demo_services)
    qtbot.addWidget(win)
    win.resize(1111, 777)
    win.show()
    page = win.show_page("institutions")
    page.splitter.setSizes([700, 300])
    sizes = page.splitter.sizes()
    size = win.size()
    win.close()
    from aict_desktop.ui.state import restore_geometry, ui_settings

    assert ui_settings().value("main_window/geometry") is not None
    again = MainWindow(Settings(), demo_services)
    qtbot.addWidget(again)
    assert restore_geometry("main_window", again)
    again.resize(size)  # the offscreen test screen is smaller than the window; keep the same size
    again.show()
    assert again.show_page("institutions").splitter.sizes() == sizes
