"""Meeting mode's session: which meeting is running, and where it was.

A meeting taken in meeting mode is 진행중 from the moment it opens until it is
closed. If the program or the PC dies meanwhile, the status is still 진행중 on
the next start, so the program offers to reopen that meeting — on the agenda
item that was open (kept in the Setting table, written on every move).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from aict_desktop.domain.enums import MeetingStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AgendaItem, Meeting, Setting
from aict_desktop.i18n import _

_ITEM_KEY = "meeting_mode.current_item.{id}"


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class MeetingSessionService:
    def __init__(self, store):
        self.store = store

    def start(self, meeting_id: int) -> Meeting:
        """Open meeting mode: the meeting becomes 진행중 (its first opening time is kept)."""
        with self.store.write() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            if m.status is MeetingStatus.CANCELLED:
                raise ValidationError(_("This meeting was cancelled; it cannot be held."))
            m.status = MeetingStatus.IN_PROGRESS
            if m.opened_at is None:
                m.opened_at = _now()
            m.closed_at = None
            s.add(m)
            s.flush()
            return m

    def finish(self, meeting_id: int) -> Meeting:
        """Close the meeting (개최): meeting mode will not offer to reopen it."""
        with self.store.write() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            m.status = MeetingStatus.HELD
            m.closed_at = _now()
            s.add(m)
            s.flush()
            return m

    def in_progress(self) -> list[Meeting]:
        """Meetings left 진행중 (normally none; one after a crash mid-meeting)."""
        with self.store.session() as s:
            return list(s.exec(select(Meeting).where(Meeting.status == MeetingStatus.IN_PROGRESS)
                               .order_by(Meeting.opened_at.desc(), Meeting.id.desc())))

    def elapsed(self, meeting: Meeting, now: dt.datetime | None = None) -> dt.timedelta:
        """Time since the meeting was opened (to its close when closed)."""
        if meeting.opened_at is None:
            return dt.timedelta(0)
        end = meeting.closed_at or now or dt.datetime.now()
        return max(dt.timedelta(0), end - meeting.opened_at)

    def set_current_item(self, meeting_id: int, item_id: int | None) -> None:
        key = _ITEM_KEY.format(id=meeting_id)
        with self.store.write() as s:
            row = s.get(Setting, key) or Setting(key=key)
            row.value = "" if item_id is None else str(int(item_id))
            s.add(row)

    def current_item(self, meeting_id: int) -> int | None:
        """The agenda item meeting mode had open, if it still exists."""
        with self.store.session() as s:
            row = s.get(Setting, _ITEM_KEY.format(id=meeting_id))
            if row is None or not row.value.isdigit():
                return None
            item = s.get(AgendaItem, int(row.value))
            return item.id if item is not None and item.meeting_id == meeting_id else None
