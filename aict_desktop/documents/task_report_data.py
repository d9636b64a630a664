"""Plain data of the 성과 점검 보고서 (assembled by services.reports, printed by documents.task_report*)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class MilestoneLine:
    title: str
    period: str
    due_on: dt.date | None
    status: str
    note: str = ""


@dataclass
class TaskLine:
    title: str
    owner: str
    due_on: dt.date | None
    status: str
    progress: int
    overdue: bool = False
    completed_on: dt.date | None = None


@dataclass
class ProgramLine:
    kind: str  # 공모, 교육과정, 특강, 해커톤, 페스타
    title: str
    held_on: dt.date | None
    ends_on: dt.date | None
    place: str
    participants: int


@dataclass
class DecisionLine:
    meeting: str
    date: dt.date
    item: str
    result: str
    text: str = ""
    yes: int = 0
    no: int = 0
    abstain: int = 0


@dataclass
class GroupReview:
    name: str
    lead: str
    people: int
    institutions: int
    goals: str
    plan: str
    progress: int
    milestones: list[MilestoneLine] = field(default_factory=list)
    done: list[TaskLine] = field(default_factory=list)
    open: list[TaskLine] = field(default_factory=list)
    on_hold: list[TaskLine] = field(default_factory=list)
    programs: list[ProgramLine] = field(default_factory=list)
    decisions: list[DecisionLine] = field(default_factory=list)

    @property
    def overdue(self) -> list[TaskLine]:
        return [t for t in self.open if t.overdue]


@dataclass
class ProgressReview:
    body: str
    start: dt.date | None
    end: dt.date | None
    as_of: dt.date
    groups: list[GroupReview] = field(default_factory=list)
