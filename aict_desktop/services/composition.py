"""Composition of a body at appointment time, and its report (RULES.md 1–4).

``check_appointees`` applies the rules of ``domain.rules.composition`` (term
length, 연임, 중복위촉, the 60 % 성별 cap of 양성평등기본법 제21조) to
appointments about to be made; ``AppointmentService.check``/``appoint`` call
it. ``CompositionService.report`` gives a body's counts and its recorded
exceptions (``aict report composition``). No rule is restated here: this
module only reads the members and ``CompositionException`` rows from the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AppointmentKind, Role
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import Appointment, Body, CompositionException, Person
from aict_desktop.domain.rules import (
    Composition, Gender, composition, gender_problem, is_commissioned, multi_body_warning, renewal_check, rules_of,
    serves_on, term_problem,
)
from aict_desktop.i18n import _
from aict_desktop.services.lookup import require_body
from aict_desktop.store.audit import os_user

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.store.engine import Store

GENDER_RULE = "성별"  # CompositionException.rule of the 성별 cap


def serving_members(s: Session, body_id: int, on: dt.date, *,
                    exclude_ids: Collection[int | None] = ()) -> list[tuple[Appointment, Person]]:
    """The body's appointments in force on ``on`` with their people (``exclude_ids`` left out)."""
    q = (select(Appointment, Person).join(Person, col(Appointment.person_id) == Person.id)
         .where(Appointment.body_id == body_id, Appointment.term_start <= on))
    return [(a, p) for a, p in s.exec(q) if a.id not in exclude_ids and serves_on(a, on)]


def member_pairs(s: Session, body_id: int, on: dt.date, *, exclude_ids: Collection[int | None] = ()) -> list[tuple]:
    """(kind, gender) of every member serving on ``on``: what ``domain.rules.composition`` counts."""
    return [(a.kind, p.gender) for a, p in serving_members(s, body_id, on, exclude_ids=exclude_ids)]


def composition_on(s: Session, body_id: int, on: dt.date, *,
                   exclude_ids: Collection[int | None] = ()) -> Composition:
    return composition(member_pairs(s, body_id, on, exclude_ids=exclude_ids))


# --- the checks at appointment time --------------------------------------------------------------


@dataclass
class Appointee:
    """One appointment about to be made (``AppointmentService.check_many`` / ``appoint_all``).

    ``gender`` and ``name`` are for a person not stored yet (an import row); a
    stored person's own are used otherwise.
    """

    person_id: int | None
    role: Role | str = Role.MEMBER
    kind: AppointmentKind | str = AppointmentKind.APPOINTED
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    partial_term: bool = False
    previous_id: int | None = None
    position_title: str = ""
    note: str = ""
    gender: Gender | None = None
    name: str = ""
    end_reason: str | None = None  # (a new appointment has not ended: for serves_on)
    ended_on: dt.date | None = None


@dataclass
class AppointmentCheck:
    """What the rules say about appointments before they are made (RULES.md 1–4).

    ``refusals`` stop the appointment; ``gender_problem`` stops it unless an
    exception reason is given (then recorded); ``warnings`` are shown and do
    not stop it. ``before``/``after`` are the body's composition on the term
    start without and with the new members.
    """

    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gender_problem: str | None = None
    before: Composition | None = None
    after: Composition | None = None
    per_appointee: list[list[str]] = field(default_factory=list)  # the refusals of each appointee, in order

    @property
    def ok(self) -> bool:
        """Nothing refuses and no exception is needed."""
        return not self.refusals and not self.gender_problem

    def allowed(self, exception_reason: str = "") -> bool:
        return not self.refusals and (not self.gender_problem or bool((exception_reason or "").strip()))


class CompositionRefused(ValidationError):
    """The 성별 cap refuses the appointment; an exception reason would let it through (and be recorded)."""

    def __init__(self, check: AppointmentCheck, message: str | None = None):
        super().__init__(message or _("{problem} To appoint anyway, give the reason for the exception; it is "
                                      "recorded.").format(problem=check.gender_problem), field="exception_reason")
        self.check = check
        self.before = check.before
        self.after = check.after


def _named(name: str, message: str, many: bool) -> str:
    return _("{name}: {message}").format(name=name, message=message) if many and name else message


def _renewals_before(s: Session, previous_id: int) -> int:
    """How many consecutive renewals led to the term ``previous_id`` (0: it was a first term)."""
    n, a, seen = 0, s.get(Appointment, previous_id), set()
    while a is not None and a.previous_id and a.id not in seen:
        seen.add(a.id)
        n += 1
        a = s.get(Appointment, a.previous_id)
    return n


def _other_bodies(s: Session, person_id: int, body_id: int, on: dt.date) -> list[str]:
    q = (select(Appointment, Body.name).join(Body, col(Appointment.body_id) == Body.id)
         .where(Appointment.person_id == person_id, Appointment.body_id != body_id, Appointment.term_start <= on))
    names: list[str] = []
    for a, name in s.exec(q.order_by(col(Body.sort_order), col(Body.id))):
        if serves_on(a, on) and is_commissioned(a.kind) and name not in names:
            names.append(name)
    return names


def check_appointees(s: Session, body: Body, appointees: list[Appointee],
                     refused: list[list[str]] | None = None) -> AppointmentCheck:
    """The rules on resolved appointees (kind parsed, term dates filled); ``refused``: the caller's own refusals
    of each appointee (e.g. an overlapping term), listed first."""
    rules = rules_of(body)
    many = len(appointees) > 1
    check = AppointmentCheck()
    assert body.id is not None
    for i, a in enumerate(appointees):
        assert isinstance(a.kind, AppointmentKind) and a.term_start is not None  # resolved by the caller
        own = list(refused[i]) if refused else []
        if is_commissioned(a.kind):
            problem = term_problem(a.term_start, a.term_end, rules)
            if problem:
                own.append(problem)
            if a.previous_id:
                refusal, warning = renewal_check(_renewals_before(s, a.previous_id), rules)
                if refusal:
                    own.append(refusal)
                if warning:
                    check.warnings.append(_named(a.name, warning, many))
        if a.person_id is not None and is_commissioned(a.kind):
            warning = multi_body_warning(_other_bodies(s, a.person_id, body.id, a.term_start), rules)
            if warning:
                check.warnings.append(_named(a.name, warning, many))
        check.per_appointee.append(own)
        check.refusals.extend(_named(a.name, m, many) for m in own)
    # 성별: on each term start of the batch, the members then without and with the new ones
    replaced = {a.previous_id for a in appointees if a.previous_id}  # a renewal takes its old term's place
    for on in sorted({a.term_start for a in appointees if a.term_start is not None}):
        pairs = member_pairs(s, body.id, on, exclude_ids=replaced)
        before = composition(pairs)
        after = composition(pairs + [(a.kind, a.gender) for a in appointees if serves_on(a, on)])
        problem = gender_problem(after, before, rules)
        if check.before is None or problem:
            check.before, check.after = before, after
        if problem:
            check.gender_problem = problem
            break
    return check


def record_exceptions(s: Session, body: Body, check: AppointmentCheck, made: list[tuple[Appointment, Gender | None]],
                      reason: str) -> list[CompositionException]:
    """One row per new 위촉직 appointment of a gender the exception lets over the cap."""
    after = check.after
    over = set(after.over_cap(rules_of(body))) if after else set()
    rows = []
    assert body.id is not None
    for appt, gender in made:
        if after is not None and is_commissioned(appt.kind) and gender in over:
            row = CompositionException(body_id=body.id, appointment_id=appt.id, rule=GENDER_RULE, reason=reason,
                                       counts=after.describe(), by=os_user())
            s.add(row)
            rows.append(row)
    s.flush()
    return rows


# --- the report ------------------------------------------------------------------------------------


@dataclass
class ExceptionRow:
    """One recorded exception to the 성별 rule (``aict report composition`` → ``exceptions``)."""

    reason: str
    counts: str  # the composition when it was recorded, as shown to the user
    at: dt.datetime
    by: str
    person: str | None


@dataclass
class CompositionReport:
    """``aict report composition --json`` prints exactly these fields."""

    body: str
    commissioned: int
    ex_officio: int
    by_gender: dict = field(default_factory=dict)  # {"남": n, "여": n, "미입력": n} among 위촉직
    gender_cap_ok: bool = True
    exceptions: list[ExceptionRow] = field(default_factory=list)

    def composition(self) -> Composition:
        return Composition(commissioned=self.commissioned, ex_officio=self.ex_officio, by_gender=dict(self.by_gender))

    def describe(self) -> str:
        return self.composition().describe()


class CompositionService:
    def __init__(self, store: Store, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today

    def report(self, body_id: int, on: dt.date | None = None) -> CompositionReport:
        """The body's 위촉직/당연직 members and 성별 on ``on`` (today), with every recorded exception."""
        on = on or self._today()
        with self.store.session() as s:
            body = require_body(s, body_id)
            comp = composition_on(s, body_id, on)
            return CompositionReport(
                body=body.name, commissioned=comp.commissioned, ex_officio=comp.ex_officio,
                by_gender=dict(comp.by_gender), gender_cap_ok=comp.cap_ok(rules_of(body)),
                exceptions=self._exceptions(s, body_id))

    def exceptions(self, body_id: int) -> list[ExceptionRow]:
        with self.store.session() as s:
            require_body(s, body_id)
            return self._exceptions(s, body_id)

    @staticmethod
    def _exceptions(s: Session, body_id: int) -> list[ExceptionRow]:
        q = (select(CompositionException, Person.name)
             .join(Appointment, col(CompositionException.appointment_id) == Appointment.id, isouter=True)
             .join(Person, col(Appointment.person_id) == Person.id, isouter=True)
             .where(CompositionException.body_id == body_id, CompositionException.rule == GENDER_RULE)
             .order_by(col(CompositionException.at), col(CompositionException.id)))
        return [ExceptionRow(reason=e.reason, counts=e.counts, at=e.at, by=e.by, person=name)
                for e, name in s.exec(q)]
