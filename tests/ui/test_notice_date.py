"""The notice's date: ``--date`` or today, and never after its meeting without a warning."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import Qt

from aict_desktop.domain.rules import dated_after_meeting
from aict_desktop.i18n import _, fmt_date
from tests.meeting_sample import MEETING_AT, build
from tests.ui.user import click_in_next_box


def test_the_rule():
    day = dt.date(2025, 7, 10)
    assert not dated_after_meeting(day, day) and dated_after_meeting(day + dt.timedelta(days=1), day)


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_cli_date_prints_and_warns_after_the_meeting(services, db_path, tmp_path, capsys):
    from aict_desktop.cli import main

    sample = build(services, members=3)
    base = ["--db", str(db_path), "export", "notice", "--meeting", str(sample.meeting)]
    out = tmp_path / "n.pdf"
    assert main([*base, "--date", "2025-06-20", "--out", str(out)]) == 0
    assert "2025년 6월 20일" in text_of(out) and not capsys.readouterr().err
    assert services.meetings.get(sample.meeting).notice_sent_on == dt.date(2025, 6, 20)  # the date it went out

    assert main([*base, "--date", "2025-13-01", "--out", str(tmp_path / "bad.pdf")]) == 1
    assert not (tmp_path / "bad.pdf").exists()
    assert main(["--db", str(db_path), "export", "attendance-sheet", "--meeting", str(sample.meeting),
                 "--date", "2025-06-20", "--out", str(tmp_path / "s.pdf")]) == 1


def test_cli_warns_when_dated_after_the_meeting(services, db_path, tmp_path, capsys):
    from aict_desktop.cli import main

    sample = build(services, members=3)
    after = (MEETING_AT + dt.timedelta(days=3)).date().isoformat()
    assert main(["--db", str(db_path), "export", "notice", "--meeting", str(sample.meeting), "--date", after,
                 "--urgent-reason", "일정", "--out", str(tmp_path / "n.pdf")]) == 0
    err = capsys.readouterr().err
    assert fmt_date(MEETING_AT.date()) in err and "--date" in err


def page_on(qtbot, services, meeting_id):
    from aict_desktop.ui.pages.meetings import MeetingsPage

    page = MeetingsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.select_id(meeting_id)
    return page


def test_gui_warns_before_a_notice_dated_after_the_meeting(qtbot, services):
    sample = build(services, members=3)  # the meeting was in 2025: today is after it
    page = page_on(qtbot, services, sample.meeting)
    seen: list[str] = []

    click_in_next_box(_("Cancel"), seen)
    qtbot.mouseClick(page.doc_buttons["notice"], Qt.MouseButton.LeftButton)
    assert seen and fmt_date(MEETING_AT.date()) in seen[0] and fmt_date(dt.date.today()) in seen[0]
    assert page.documents.last_job is None  # nothing made
    assert services.meetings.get(sample.meeting).notice_sent_on is None  # nothing recorded


def test_public_minutes_preview_from_the_meetings_page(qtbot, services):
    from aict_desktop.ui.preview import PreviewDialog

    sample = build(services, members=3)
    services.meetings.save_notes(sample.report, "김민준 위원: 사업 현황을 보고함. 연락처 010-1234-5678")
    page = page_on(qtbot, services, sample.meeting)
    qtbot.mouseClick(page.doc_buttons["minutes_public"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.documents.last_job is not None and page.documents.last_job.done, timeout=15000)
    dlg = PreviewDialog.open_dialogs()[-1]
    assert "공개용" in dlg.windowTitle()
    text = "".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(dlg.data)).pages)
    assert "010-1234-5678" not in text and "공개" in text
    dlg.close()
