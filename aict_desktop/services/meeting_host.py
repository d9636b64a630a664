"""What the meeting mixins (agenda, decisions, attendance, minutes) use of MeetingService.

Each mixin is a slice of :class:`~aict_desktop.services.meetings.MeetingService` and calls its store and
its shared look-ups. Declared here once so the type checker, and an editor jumping from a call, know
``self.store`` and ``self._get`` inside a mixin. MeetingService and the mixins define them; nothing here runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from aict_desktop.domain.models import AgendaItem, Meeting
    from aict_desktop.store.engine import Store


class MeetingHost:
    store: Store

    if TYPE_CHECKING:
        def _get(self, s: Session, meeting_id: int) -> Meeting: ...  # MeetingService

        def _require_draft(self, m: Meeting) -> None: ...  # MinutesMixin

        def _item(self, s: Session, item_id: int) -> AgendaItem: ...  # AgendaMixin
