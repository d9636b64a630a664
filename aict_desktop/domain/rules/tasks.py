"""과제: when a task is overdue or due this week, and a working group's progress (pure: no database).

The task service, the working-group summaries, the reports and the dashboard's first paint
(``services.first_paint``, which reads the file without the data layer) all call these.
"""

from __future__ import annotations

import datetime as dt

from aict_desktop.domain.enums import TaskStatus

OPEN_STATUSES = (TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)


def is_overdue(status: TaskStatus, due: dt.date | None, today: dt.date) -> bool:
    """Past due and not finished; a 보류 (on hold) task is never overdue."""
    return due is not None and due < today and status in OPEN_STATUSES


def week_end(today: dt.date) -> dt.date:
    """The Sunday closing ``today``'s week (Monday–Sunday)."""
    return today + dt.timedelta(days=6 - today.weekday())


def is_due_this_week(status: TaskStatus, due: dt.date | None, today: dt.date) -> bool:
    """Open and due from today up to this week's Sunday (overdue tasks are listed apart)."""
    return due is not None and status in OPEN_STATUSES and today <= due <= week_end(today)


def group_progress(tasks) -> int:
    """Mean progress of the tasks that are not on hold (0 when there are none); ``tasks`` have ``status`` and
    ``progress``."""
    active = [t.progress for t in tasks if t.status is not TaskStatus.ON_HOLD]
    return round(sum(active) / len(active)) if active else 0
