"""처음 할 일: the steps of a secretariat's first day and which of them are done (pure: no database, no Qt).

The dashboard lists them while one is not done (``ui/pages/first_steps.py``), from the counts it reads from
the services or from the first paint's snapshot (``services.first_paint``); this is the one place that says
when a step counts as done.
"""

from __future__ import annotations

from dataclasses import dataclass

# in the order a secretariat takes them: a body, the institutions taking part, the people, their 위촉, a meeting
BODY, INSTITUTIONS, PEOPLE, APPOINTMENT, MEETING = "body", "institutions", "people", "appointment", "meeting"
STEP_KEYS = (BODY, INSTITUTIONS, PEOPLE, APPOINTMENT, MEETING)


@dataclass(frozen=True)
class SetupCounts:
    """How many of each record the data file holds (any, past or present: a step once done stays done)."""

    bodies: int = 0
    institutions: int = 0
    people: int = 0
    appointments: int = 0
    meetings: int = 0


@dataclass(frozen=True)
class Step:
    key: str  # one of STEP_KEYS
    done: bool


def first_steps(counts: SetupCounts) -> list[Step]:
    """The five first-day steps in order, each done or not.

    A step is done when its record exists: a body, an institution, a person, an appointment, a meeting. An
    appointment names a person, so people count as there when an appointment is (whoever reads the counts
    need not count the people then)."""
    done = {
        BODY: counts.bodies > 0,
        INSTITUTIONS: counts.institutions > 0,
        PEOPLE: counts.people > 0 or counts.appointments > 0,
        APPOINTMENT: counts.appointments > 0,
        MEETING: counts.meetings > 0,
    }
    return [Step(key, done[key]) for key in STEP_KEYS]


def setup_complete(steps: list[Step]) -> bool:
    """Every step done: the dashboard no longer lists them."""
    return all(s.done for s in steps)


def next_step(steps: list[Step]) -> Step | None:
    """The first step not done (the one to take now), or ``None`` when all are."""
    return next((s for s in steps if not s.done), None)
