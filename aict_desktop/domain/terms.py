"""임기: term status and expiry."""

from __future__ import annotations

import calendar
import datetime as dt

from aict_desktop.domain.enums import AppointmentStatus


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end (1.31 + 1 → 2.28)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def default_term_end(start: dt.date, months: int) -> dt.date:
    """A two-year term from 2025. 6. 12. ends 2027. 6. 11."""
    return add_months(start, months) - dt.timedelta(days=1)


def term_status(
    term_end: dt.date | None,
    end_reason: str | None,
    today: dt.date,
    ended_on: dt.date | None = None,
) -> AppointmentStatus:
    """재임, 임기만료, 해촉 or 사임 as of ``today``.

    An explicit end (해촉/사임) wins once it has taken effect; otherwise the
    term is over the day after ``term_end``.
    """
    if end_reason and (ended_on is None or ended_on <= today):
        return AppointmentStatus(end_reason)
    if term_end is not None and term_end < today:
        return AppointmentStatus.EXPIRED
    return AppointmentStatus.SERVING


def days_left(term_end: dt.date | None, today: dt.date) -> int | None:
    if term_end is None:
        return None
    return (term_end - today).days


def left_within(left: int | None, days: int) -> bool:
    """``left`` days to go (see :func:`days_left`) is within ``days`` days, inclusive, and not yet over."""
    return left is not None and 0 <= left <= days


def expires_within(term_end: dt.date | None, today: dt.date, days: int) -> bool:
    """Still serving and the term ends within ``days`` days (inclusive)."""
    return left_within(days_left(term_end, today), days)
