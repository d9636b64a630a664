"""The meeting helpers built over one ``Services`` container.

Meeting preparation, action items and meeting mode's session are stateless
services over the same store; the meeting windows get them through here so
they need nothing but the container the composition root already built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aict_desktop.services.action_items import ActionItemService
from aict_desktop.services.meeting_prep import MeetingPrepService
from aict_desktop.services.meeting_session import MeetingSessionService

if TYPE_CHECKING:
    from aict_desktop.services.container import Services


@dataclass
class MeetingTools:
    prep: MeetingPrepService
    actions: ActionItemService
    session: MeetingSessionService


def meeting_tools(services: Services) -> MeetingTools:
    return MeetingTools(
        prep=MeetingPrepService(services.store, services.meetings),
        actions=ActionItemService(services.store, services.meetings, services.tasks),
        session=MeetingSessionService(services.store),
    )
