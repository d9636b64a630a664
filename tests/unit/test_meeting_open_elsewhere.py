"""Meeting mode on one PC at a time, and notes saved with a text check (issue 14 item 5), on both backends."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from aict_desktop.domain.enums import MeetingStatus
from aict_desktop.domain.models import MeetingLease
from aict_desktop.services.agenda import TextConflict
from aict_desktop.services.meeting_session import LEASE_STALE, MeetingOpenElsewhere, this_host
from aict_desktop.services.meeting_tools import meeting_tools
from tests.meeting_sample import build


@pytest.fixture
def sample(services):
    return build(services)


def other_pc_holds(services, meeting_id: int, *, host: str = "회의실-PC", pid: int = 4242,
                   seen: dt.timedelta = dt.timedelta(0)) -> None:
    """Another PC's meeting mode holds the meeting, last seen ``seen`` ago."""
    with services.store.write() as s:
        s.add(MeetingLease(meeting_id=meeting_id, token="그쪽", holder="박주무관", host=host, pid=pid,
                           heartbeat_at=dt.datetime.now().replace(microsecond=0) - seen))


def test_a_meeting_held_on_another_pc_is_refused_until_taken_over(services, sample):
    session = meeting_tools(services).session
    other_pc_holds(services, sample.meeting)
    holder = session.holder(sample.meeting)
    assert holder is not None and "박주무관" in holder.describe() and "회의실-PC" in holder.describe()
    with pytest.raises(MeetingOpenElsewhere) as err:
        session.acquire(sample.meeting, "이쪽")
    assert "박주무관" in err.value.message
    assert session.holder(sample.meeting, "이쪽") is not None  # nothing changed
    session.acquire(sample.meeting, "이쪽", take_over=True)
    assert session.holder(sample.meeting, "이쪽") is None
    assert not session.heartbeat(sample.meeting, "그쪽")  # the other PC notices at its next heartbeat
    assert session.heartbeat(sample.meeting, "이쪽")
    session.release(sample.meeting, "이쪽")
    assert session.holder(sample.meeting) is None


def test_a_stale_lease_or_a_dead_process_of_this_pc_is_free(services, sample):
    session = meeting_tools(services).session
    other_pc_holds(services, sample.meeting, seen=LEASE_STALE + dt.timedelta(seconds=30))
    assert session.holder(sample.meeting) is None
    session.acquire(sample.meeting, "이쪽")  # no take-over needed
    session.release(sample.meeting, "이쪽")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    other_pc_holds(services, sample.meeting, host=this_host(), pid=dead.pid)
    assert session.holder(sample.meeting) is None  # killed mid-meeting: the next start is not asked
    session.acquire(sample.meeting, "이쪽")


def test_opening_a_held_meeting_keeps_its_status(services, sample):
    session = meeting_tools(services).session
    session.start(sample.meeting)
    held = session.finish(sample.meeting)
    again = session.start(sample.meeting)
    assert again.status is MeetingStatus.HELD and again.closed_at == held.closed_at
    assert session.in_progress() == []


def test_notes_saved_over_a_changed_text_are_refused_with_the_other_text(services, sample):
    meetings = services.meetings
    assert meetings.save_notes(sample.report, "김 위원: 찬성", base="") == "김 위원: 찬성"
    version = meetings.item(sample.report).version
    meetings.save_notes(sample.report, "김 위원: 찬성\n이 위원: 반대", base="김 위원: 찬성")  # the other PC
    assert meetings.item(sample.report).version == version + 1
    with pytest.raises(TextConflict) as err:
        meetings.save_notes(sample.report, "김 위원: 찬성\n박 위원: 보류", base="김 위원: 찬성")
    assert err.value.theirs == "김 위원: 찬성\n이 위원: 반대"
    assert meetings.item(sample.report).notes == "김 위원: 찬성\n이 위원: 반대"  # nothing overwritten
    # saving what is stored already is no conflict; the remarks are checked the same way
    meetings.save_notes(sample.report, "김 위원: 찬성\n이 위원: 반대", base="김 위원: 찬성")
    meetings.save_summary(sample.meeting, "기타 1", base="")
    with pytest.raises(TextConflict):
        meetings.save_summary(sample.meeting, "기타 2", base="")
    assert meetings.get(sample.meeting).minutes_summary == "기타 1"


def test_deleting_a_meeting_removes_its_lease(services, sample):
    session = meeting_tools(services).session
    session.acquire(sample.meeting, "이쪽")
    services.meetings.delete(sample.meeting)
    with services.store.session() as s:
        assert s.get(MeetingLease, sample.meeting) is None
