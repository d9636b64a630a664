"""domain.rules.first_steps: which of the first day's steps are done, from the counts (pure)."""

from __future__ import annotations

import pytest

from aict_desktop.domain.rules.first_steps import (
    APPOINTMENT, BODY, INSTITUTIONS, MEETING, PEOPLE, STEP_KEYS, SetupCounts, Step, first_steps, next_step,
    setup_complete,
)


def done(counts: SetupCounts) -> dict[str, bool]:
    return {s.key: s.done for s in first_steps(counts)}


def test_an_empty_file_has_every_step_to_do_in_order():
    steps = first_steps(SetupCounts())
    assert [s.key for s in steps] == [BODY, INSTITUTIONS, PEOPLE, APPOINTMENT, MEETING] == list(STEP_KEYS)
    assert not any(s.done for s in steps)
    assert not setup_complete(steps)
    assert next_step(steps) == Step(BODY, False)


@pytest.mark.parametrize("field, key", [("bodies", BODY), ("institutions", INSTITUTIONS), ("people", PEOPLE),
                                        ("meetings", MEETING)])
def test_one_record_does_its_step_and_only_that(field, key):
    for n in (1, 2, 31):
        assert done(SetupCounts(**{field: n})) == {k: k == key for k in STEP_KEYS}, n


def test_an_appointment_also_means_people_are_there():
    """An appointment names a person: a caller that has appointments need not count the people."""
    assert done(SetupCounts(appointments=1)) == {k: k in (PEOPLE, APPOINTMENT) for k in STEP_KEYS}
    assert done(SetupCounts(people=8))[APPOINTMENT] is False  # people, none appointed yet


def test_the_next_step_is_the_first_not_done_whatever_was_done_after_it():
    steps = first_steps(SetupCounts(bodies=1, people=3, meetings=1))
    assert next_step(steps) == Step(INSTITUTIONS, False)
    steps = first_steps(SetupCounts(bodies=1, institutions=31, people=8))
    assert next_step(steps) == Step(APPOINTMENT, False)


def test_everything_there_is_complete():
    steps = first_steps(SetupCounts(bodies=1, institutions=1, people=0, appointments=1, meetings=1))
    assert setup_complete(steps) and next_step(steps) is None
    assert not setup_complete(first_steps(SetupCounts(bodies=1, institutions=1, appointments=1)))  # no meeting
