"""Fixtures for the desktop program's tests: the demo data file and the main window on it."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def korean_font(qapp):
    """The bundled Nanum font as the application font, as the program sets it at start (else Hangul is boxes)."""
    from aict_desktop.ui.fonts import register_fonts

    assert register_fonts(qapp), "no Korean font to register"


@pytest.fixture
def demo_services(services):
    """The services over a data file holding the demo data set."""
    from aict_desktop.services.demo import load_demo

    load_demo(services)
    return services


@pytest.fixture
def main_window(qtbot, demo_services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), demo_services)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture
def sample(services):
    """The sample meeting (tests/meeting_sample.py): 15 members, three agenda items."""
    from tests.meeting_sample import build

    return build(services)


@pytest.fixture
def window(qtbot, services, sample):
    """Meeting mode on the sample meeting, shown and active."""
    from tests.ui.meeting_window import open_meeting_window

    return open_meeting_window(qtbot, services, sample.meeting)


@pytest.fixture
def english():
    """The English UI for one test; the language in use before comes back after it, whatever happens."""
    from aict_desktop import i18n

    before = i18n.language()
    i18n.install("en")
    try:
        yield
    finally:
        i18n.install(before)
