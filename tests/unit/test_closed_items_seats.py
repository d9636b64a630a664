"""비공개 agenda items (a flag, set from the editor) and the body's 정원: migration 0006 and their use."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from aict_desktop.domain.errors import ValidationError
from tests.meeting_sample import build

FIXTURES = Path(__file__).parent.parent / "fixtures"


def text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_closed_item_is_left_out_of_the_public_minutes_only(services):
    sample = build(services, members=3)
    closed = services.meetings.add_item(sample.meeting, "위원 해촉 심의", kind="의결", closed=True)
    assert services.meetings.item(closed.id).closed
    services.meetings.save_notes(closed.id, "해촉 사유 논의")
    public = text(services.exports.minutes(sample.meeting, "pdf", public=True))
    full = text(services.exports.minutes(sample.meeting, "pdf"))
    assert "해촉 사유 논의" in full and "해촉 사유 논의" not in public
    services.meetings.update_item(closed.id, closed=False)
    assert "해촉 사유 논의" in text(services.exports.minutes(sample.meeting, "pdf", public=True))


def test_seats_zero_is_not_set_and_bad_values_are_refused(services):
    body = services.bodies.create_body(name="정원 위원회", issuer="서초구청장", seats=15)
    assert services.bodies.get_body(body.id).seats == 15
    services.bodies.update_body(body.id, {"seats": 0})
    assert services.bodies.get_body(body.id).seats is None
    for bad in (-1, "열다섯", 10_000):
        with pytest.raises(ValidationError):
            services.bodies.update_body(body.id, {"seats": bad})


@pytest.mark.sqlite_only
def test_0006_sets_the_flag_on_items_marked_in_their_title(tmp_path):
    from aict_desktop.store import open_store

    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "db_0005.sqlite", copy)
    with sqlite3.connect(copy) as conn:
        body = conn.execute("SELECT id FROM body LIMIT 1").fetchone()
        conn.execute("INSERT INTO meeting (body_id, number, kind, title, starts_at, place, status, minutes_status, "
                     "minutes_confirmed_by, minutes_summary, observers, contact, note, urgent_reason, version, "
                     "created_at, updated_at) VALUES (?, 1, '정기', '제1차', '2026-01-05 14:00:00', '', '예정', '초안', "
                     "'', '', '', '', '', '', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')", body)
        meeting = conn.execute("SELECT id FROM meeting LIMIT 1").fetchone()
        for title, desc in (("[비공개] 위원 해촉 심의", ""), ("공개 안건", ""), ("예산 심의", "비공개\n사유: 개인정보")):
            conn.execute("INSERT INTO agendaitem (meeting_id, position, kind, title, presenter, description, notes, "
                         "version, updated_at) VALUES (?, 9, '의결', ?, '', ?, '', 1, '2026-01-01 00:00:00')",
                         (meeting[0], title, desc))
        item = conn.execute("SELECT id FROM agendaitem LIMIT 1").fetchone()
        conn.execute("INSERT INTO decision (agenda_item_id, result, yes, no, abstain, text, chair_vote, updated_at) "
                     "VALUES (?, '가결', 3, 0, 0, '', 0, '2026-01-05 15:00:00')", item)  # a row referencing it
        conn.execute("UPDATE body SET parent_id = NULL")
    store = open_store(copy)
    try:
        with store.session() as s:
            from sqlmodel import select

            from aict_desktop.domain.models import AgendaItem, Body

            flags = {i.title: i.closed for i in s.exec(select(AgendaItem))}
            assert flags["[비공개] 위원 해촉 심의"] and flags["예산 심의"] and not flags["공개 안건"]
            assert all(b.seats is None for b in s.exec(select(Body)))
    finally:
        store.dispose()


def test_the_editor_box_marks_an_item_closed(qtbot, services):
    from PySide6.QtCore import Qt

    from aict_desktop.ui.meetings.agenda_editor import AgendaEditor
    from tests.ui.user import type_text

    sample = build(services, members=3)
    ed = AgendaEditor(services, sample.meeting)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.mouseClick(ed.closed, Qt.MouseButton.LeftButton)
    ed.title.setFocus()
    type_text(ed.title, "위원 해촉 심의")
    qtbot.keyClick(ed.title, Qt.Key.Key_Return)
    item = services.meetings.items(sample.meeting)[-1]
    assert item.title == "위원 해촉 심의" and item.closed and not ed.closed.isChecked()
    assert "비공개" in ed.list.item(ed.list.count() - 1).text() or "closed" in ed.list.item(ed.list.count() - 1).text()


def test_vacancies_rule():
    from aict_desktop.domain.rules import vacancies

    assert vacancies(None, 12) is None and vacancies(0, 12) is None
    assert vacancies(15, 12) == 3 and vacancies(15, 15) == 0 and vacancies(10, 12) == 0  # never below 0


def test_annual_report_counts_vacancies(services):
    import datetime as dt

    from openpyxl import load_workbook

    sample = build(services, members=5)
    services.bodies.update_body(sample.body, {"seats": 7})
    year = dt.date.today().year
    pdf = text(services.annual.export(year, sample.body, "pdf"))
    assert "정원 7명, 결원 2명" in pdf
    ws = load_workbook(io.BytesIO(services.annual.export(year, sample.body, "xlsx")))["위원 구성"]
    head = [c.value for c in ws[1]] if "정원" in [c.value for c in ws[1]] else [c.value for c in ws[2]]
    row = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "서초AICT 운영위원회")
    assert row[head.index("정원")] == 7 and row[head.index("결원")] == 2
