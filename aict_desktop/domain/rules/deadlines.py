"""Dates the body must keep: the meeting notice, the yearly attendance review."""

from __future__ import annotations

import datetime as dt

from aict_desktop.domain.rules.settings import BodyRules


def notice_deadline(meeting_day: dt.date, rules: BodyRules) -> dt.date:
    """The last day a notice may go out without a 긴급 사유 (default 7 days before)."""
    return meeting_day - dt.timedelta(days=rules.notice_days)


def dated_after_meeting(sent_on: dt.date, meeting_day: dt.date) -> bool:
    """A notice dated after its meeting: printed only after a warning (it cannot have called anyone)."""
    return sent_on > meeting_day


def notice_is_late(sent_on: dt.date, meeting_day: dt.date, rules: BodyRules) -> bool:
    return sent_on > notice_deadline(meeting_day, rules)


def attendance_rate(attended: int, held: int) -> float | None:
    """Percent of the meetings a member was invited to and attended; ``None`` with none held."""
    return None if held <= 0 else 100.0 * attended / held


def needs_review(attended: int, held: int, rules: BodyRules) -> bool:
    """Under the body's threshold (default 50 %) → 해촉 검토 list."""
    rate = attendance_rate(attended, held)
    return rate is not None and rate < rules.attendance_review_percent
