"""Yearly 출석률 and the 해촉 검토 list (default threshold 50 %, per body)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from tests.e2e.cli_helpers import ROOT, aict_json
from tests.unit.test_certificates import make_body


def test_members_under_half_of_the_year_are_listed_for_review(services):
    body, _ids = make_body(services, ["가위원", "나위원", "다위원", ("라간사", "간사", "당연직")], name="검토 위원회")
    plan = [("출석", "출석", "불참"), ("출석", "불참", "불참"), ("온라인", "서면", "출석")]  # 가 3/3, 나 1/3, 다 1/3
    for n, statuses in enumerate(plan, start=1):
        m = services.meetings.create(body.id, starts_at=dt.datetime(2026, n * 2, 10, 14))
        rows = {r.name: r.id for r in services.meetings.attendance_rows(m.id)}
        for name, status in zip(("가위원", "나위원", "다위원"), statuses):
            services.meetings.set_attendance(rows[name], status)
        services.meetings.update(m.id, {"status": "개최"})
    services.meetings.create(body.id, starts_at=dt.datetime(2027, 1, 10, 14))  # another year, not held
    rates = {r.person: (r.invited, r.attended, round(r.rate), r.review)
             for r in services.meetings.attendance_rates(body.id, 2026)}
    assert rates == {"가위원": (3, 3, 100, False), "나위원": (3, 1, 33, True), "다위원": (3, 1, 33, True)}
    assert [r.person for r in services.meetings.attendance_review(body.id, 2026)] == ["나위원", "다위원"]
    assert services.meetings.attendance_rates(body.id, 2025) == []


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_report_attendance_and_a_closed_pipe(services, db_path):
    body, _ids = make_body(services, ["가위원", "나위원"], name="검토 위원회")
    m = services.meetings.create(body.id, starts_at=dt.datetime(2026, 3, 10, 14))
    rows = {r.name: r.id for r in services.meetings.attendance_rows(m.id)}
    services.meetings.set_attendance(rows["가위원"], "출석")
    services.meetings.set_attendance(rows["나위원"], "불참")
    services.meetings.update(m.id, {"status": "개최"})
    got = aict_json("report", "attendance", "--body", body.name, "--year", "2026", db=db_path)
    assert [(r["person"], r["invited"], r["attended"], r["review"]) for r in got] == [
        ("가위원", 1, 1, False), ("나위원", 1, 0, True)]
    reader_gone = subprocess.Popen([sys.executable, "-m", "aict_desktop.cli", "--db", str(db_path), "list", "people"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    reader_gone.stdout.close()  # like `| head` that has read what it wanted
    _out, err = reader_gone.communicate(timeout=60)
    assert b"Traceback" not in err and reader_gone.returncode == 0
