"""Appointments (위촉): appoint, reappoint (연임), end (해촉/사임), expiring terms.

Every appointment is checked against the body's rules first (``check`` /
``check_many``, the same checks ``appoint`` enforces): term length, 연임 limit,
중복위촉 and the 성별 cap (``services.composition``, rules in ``domain.rules``).
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AppointmentKind, AppointmentStatus, Role
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Appointment, Body, Institution, Person
from aict_desktop.domain.rules import Gender, is_commissioned, rules_of, term_problem
from aict_desktop.domain.terms import days_left, default_term_end, expires_within, term_status
from aict_desktop.i18n import _
from aict_desktop.services.composition import (
    Appointee, AppointmentCheck, CompositionRefused, check_appointees, record_exceptions,
)
from aict_desktop.services.lookup import require_body
from aict_desktop.services.rows import AppointmentRow
from aict_desktop.services.validation import check_range, clean_text, parse_enum
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.store.engine import Store


class AppointmentService:
    def __init__(self, store: Store, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    def _overlap_problem(self, s: Session, person_id: int, body_id: int, start: dt.date, end: dt.date | None,
                         exclude_id: int | None = None) -> str | None:
        for a in s.exec(select(Appointment).where(Appointment.person_id == person_id, Appointment.body_id == body_id)):
            if a.id == exclude_id:
                continue
            a_end = a.term_end
            if a.end_reason and a.ended_on is not None:  # served until the day before it ended
                a_end = max(a.term_start, a.ended_on - dt.timedelta(days=1))
            overlaps = (a_end is None or start <= a_end) and (end is None or a.term_start <= end)
            if overlaps:
                person = s.get(Person, person_id)
                return _("{name} already has an appointment in this body for an overlapping term ({start}~{end}).").format(
                    name=person.name if person else person_id,
                    start=a.term_start.isoformat(),
                    end=a_end.isoformat() if a_end else "",
                )
        return None

    def _check_overlap(self, s: Session, person_id: int, body_id: int, start: dt.date, end: dt.date | None,
                       exclude_id: int | None = None) -> None:
        problem = self._overlap_problem(s, person_id, body_id, start, end, exclude_id)
        if problem:
            raise ValidationError(problem)

    # --- the rules before appointing (RULES.md 1–4) -------------------------------------------------

    def _resolve(self, s: Session, body: Body, a: Appointee) -> Appointee:
        """The appointee with its role and kind parsed, its term filled in and its person's 성별 and name."""
        role = parse_enum(Role, a.role, _("Role"), default=Role.MEMBER)
        kind = parse_enum(AppointmentKind, a.kind, _("Appointment kind"), default=AppointmentKind.APPOINTED)
        start = a.term_start or self.today()
        end = a.term_end
        if end is None and kind is AppointmentKind.APPOINTED:
            end = default_term_end(start, body.default_term_months)
        check_range(start, end, _("Term"))
        gender, name = a.gender or Gender.UNKNOWN, a.name
        if a.person_id is not None:
            person = s.get(Person, a.person_id)
            if person is None:
                raise NotFound(_("The person no longer exists."))
            gender, name = person.gender or Gender.UNKNOWN, person.name
        return replace(a, role=role, kind=kind, term_start=start, term_end=end, gender=gender, name=name)

    def _check(self, s: Session, body: Body, resolved: list[Appointee]) -> AppointmentCheck:
        overlaps = []
        assert body.id is not None
        for a in resolved:  # a renewal's own previous term does not count (it closes before the new one)
            assert a.term_start is not None  # resolved
            problem = None if a.person_id is None else self._overlap_problem(
                s, a.person_id, body.id, a.term_start, a.term_end, exclude_id=a.previous_id)
            overlaps.append([problem] if problem else [])
        return check_appointees(s, body, resolved, overlaps)

    def check_many(self, appointees: list[Appointee], body_id: int) -> AppointmentCheck:
        """What the rules say about appointing these people together (a pure read; nothing is written)."""
        with self.store.session() as s:
            body = require_body(s, body_id)
            return self._check(s, body, [self._resolve(s, body, a) for a in appointees])

    def check(self, person_id: int, body_id: int, *, kind: AppointmentKind | str = AppointmentKind.APPOINTED,
              term_start: dt.date | None = None, term_end: dt.date | None = None,
              previous_id: int | None = None) -> AppointmentCheck:
        """What the rules say about one appointment (the dialogs call this before saving)."""
        return self.check_many([Appointee(person_id, kind=kind, term_start=term_start, term_end=term_end,
                                          previous_id=previous_id)], body_id)

    # --- appointing --------------------------------------------------------------------------------

    def appoint(
        self,
        person_id: int,
        body_id: int,
        *,
        role: Role | str = Role.MEMBER,
        kind: AppointmentKind | str = AppointmentKind.APPOINTED,
        term_start: dt.date | None = None,
        term_end: dt.date | None = None,
        partial_term: bool = False,
        previous_id: int | None = None,
        position_title: str = "",
        note: str = "",
        exception_reason: str = "",
        session: Session | None = None,
    ) -> Appointment:
        """Appoint a person; the term defaults to today + the body's default length.

        Refused (ValidationError) when a rule refuses it, and with ``CompositionRefused`` when it would
        bring a gender over the body's cap, unless ``exception_reason`` is given (then recorded).
        """
        return self.appoint_all([Appointee(person_id, role=role, kind=kind, term_start=term_start, term_end=term_end,
                                           partial_term=partial_term, previous_id=previous_id,
                                           position_title=position_title, note=note)],
                                body_id, exception_reason=exception_reason, session=session)[0]

    def appoint_many(self, person_ids: list[int], body_id: int, *, exception_reason: str = "",
                     **kw: Any) -> list[Appointment]:
        """Bulk appointment from a selection: all or nothing; the 성별 rule looks at them together."""
        return self.appoint_all([Appointee(pid, **kw) for pid in person_ids], body_id,
                                exception_reason=exception_reason)

    def appoint_all(self, appointees: list[Appointee], body_id: int, *, exception_reason: str = "",
                    session: Session | None = None) -> list[Appointment]:
        """Appoint several people (each with their own role and term) together: all or nothing.

        The rules look at them together: the 성별 cap on the composition with all of them (so a body
        can be constituted at once), each one's term, 연임 and 중복위촉 on its own.
        """
        if any(a.person_id is None for a in appointees):
            raise ValidationError(_("Choose the people to appoint."))
        if session is None:
            with self.store.write() as s:
                return self.appoint_all(appointees, body_id, exception_reason=exception_reason, session=s)
        s = session
        body = s.get(Body, body_id)
        if body is None:
            raise NotFound(_("The body no longer exists."))
        resolved = [self._resolve(s, body, a) for a in appointees]
        check = self._check(s, body, resolved)
        if check.refusals:
            raise ValidationError("\n".join(check.refusals))
        reason = clean_text(exception_reason, _("Reason for the exception"), max_len=2000, field="exception_reason")
        if check.gender_problem and not reason:
            raise CompositionRefused(check)
        made = []
        for a in resolved:
            # resolved (role, kind and term filled in), and every appointee names a person (checked above)
            assert a.person_id is not None and a.term_start is not None
            assert isinstance(a.role, Role) and isinstance(a.kind, AppointmentKind)
            self._check_overlap(s, a.person_id, body_id, a.term_start, a.term_end)  # the same person twice
            appt = Appointment(
                person_id=a.person_id, body_id=body_id, role=a.role, kind=a.kind, term_start=a.term_start,
                term_end=a.term_end, partial_term=a.partial_term, previous_id=a.previous_id,
                position_title=clean_text(a.position_title, _("Position"), field="position_title"),
                note=clean_text(a.note, _("Note"), max_len=2000, field="note"),
            )
            s.add(appt)
            s.flush()
            made.append((appt, a.gender))
        if check.gender_problem:
            record_exceptions(s, body, check, made, reason)
        return [appt for appt, _g in made]

    def reappoint(self, appointment_id: int, *, term_start: dt.date | None = None, term_end: dt.date | None = None,
                  role: Role | str | None = None, exception_reason: str = "") -> Appointment:
        """연임: a new term following the previous one; the old record stays as history."""
        with self.store.write() as s:
            old = s.get(Appointment, appointment_id)
            if old is None:
                raise NotFound(_("The appointment no longer exists."))
            if old.end_reason:
                raise ValidationError(
                    _("This appointment ended by {reason}; appoint the person anew instead.").format(reason=old.end_reason)
                )
            if old.term_end is None:
                raise ValidationError(_("An appointment without a fixed term cannot be renewed."))
            start = term_start or (old.term_end + dt.timedelta(days=1))
            if start <= old.term_end:
                # an early renewal closes the old term the day before
                old.term_end = start - dt.timedelta(days=1)
                check_range(old.term_start, old.term_end, _("Term"))
                s.add(old)
                s.flush()
            return self.appoint(old.person_id, old.body_id, role=role or old.role, kind=old.kind,
                                term_start=start, term_end=term_end, previous_id=old.id,
                                position_title=old.position_title, exception_reason=exception_reason, session=s)

    def end(self, appointment_id: int, reason: AppointmentStatus | str, *, on: dt.date | None = None,
            note: str = "") -> Appointment:
        """해촉 or 사임, effective ``on`` (default today)."""
        reason = parse_enum(AppointmentStatus, reason, _("Reason"))
        assert isinstance(reason, AppointmentStatus)
        if reason not in (AppointmentStatus.DISMISSED, AppointmentStatus.RESIGNED):
            raise ValidationError(_("An appointment is ended by dismissal (해촉) or resignation (사임)."))
        with self.store.write() as s:
            a = s.get(Appointment, appointment_id)
            if a is None:
                raise NotFound(_("The appointment no longer exists."))
            if a.end_reason:
                raise ValidationError(_("This appointment has already ended."))
            assert a.id is not None
            ended = on or self.today()
            if ended < a.term_start:
                raise ValidationError(_("The end date is before the term started."))
            note = clean_text(note, _("Note"), max_len=2000)
            ended_row = save_versioned(s, Appointment, a.id, {
                "end_reason": reason.value, "ended_on": ended, "end_note": note}, expected_version=a.version)
            # the terms already made to follow this one (연임) end with it: one that had not begun yet
            # ends on its first day (never served), so no later term stays 재임 after a 해촉
            later = s.exec(select(Appointment).where(Appointment.previous_id == a.id)).first()
            while later is not None:
                assert later.id is not None
                if not later.end_reason:
                    save_versioned(s, Appointment, later.id, {
                        "end_reason": reason.value, "ended_on": max(ended, later.term_start), "end_note": note},
                        expected_version=later.version)
                later = s.exec(select(Appointment).where(Appointment.previous_id == later.id)).first()
            return ended_row

    def update(self, appointment_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
               original: dict[str, Any] | None = None) -> Appointment:
        with self.store.write() as s:
            a = s.get(Appointment, appointment_id)
            if a is None:
                raise NotFound(_("The appointment no longer exists."))
            v: dict[str, Any] = {}
            if "role" in changes:
                v["role"] = parse_enum(Role, changes["role"], _("Role"))
            if "kind" in changes:
                v["kind"] = parse_enum(AppointmentKind, changes["kind"], _("Appointment kind"))
            for key in ("term_start", "term_end"):
                if key in changes:
                    v[key] = changes[key]
            if "partial_term" in changes:
                v["partial_term"] = bool(changes["partial_term"])
            for key in ("position_title", "note"):
                if key in changes:
                    v[key] = clean_text(changes[key], key, max_len=2000)
            start = v.get("term_start", a.term_start)
            end = v.get("term_end", a.term_end)
            if start is None:
                raise ValidationError(_("The term start is required."))
            check_range(start, end, _("Term"))
            if is_commissioned(v.get("kind", a.kind)):
                problem = term_problem(start, end, rules_of(s.get(Body, a.body_id)))
                if problem:
                    raise ValidationError(problem, field="term_end")
            self._check_overlap(s, a.person_id, a.body_id, start, end, exclude_id=a.id)
            assert a.id is not None
            return save_versioned(s, Appointment, a.id, v, expected_version=expected_version, original=original)

    def delete(self, appointment_id: int) -> None:
        """Remove an appointment entered by mistake (not one with certificates)."""
        from aict_desktop.domain.models import Certificate

        with self.store.write() as s:
            a = s.get(Appointment, appointment_id)
            if a is None:
                raise NotFound(_("The appointment no longer exists."))
            if s.exec(select(Certificate).where(Certificate.appointment_id == a.id)).first():
                raise ValidationError(_("A certificate was issued for this appointment; end it instead of deleting it."))
            if s.exec(select(Appointment).where(Appointment.previous_id == a.id)).first():
                raise ValidationError(_("A later term follows this appointment; it cannot be deleted."))
            s.delete(a)

    def get(self, appointment_id: int) -> Appointment:
        with self.store.session() as s:
            a = s.get(Appointment, appointment_id)
            if a is None:
                raise NotFound(_("The appointment no longer exists."))
            return a

    def status(self, a: Appointment) -> AppointmentStatus:
        return term_status(a.term_end, a.end_reason, self.today(), a.ended_on)

    def list(self, *, body_id: int | None = None, person_id: int | None = None, current_only: bool = False,
             expiring_within: int | None = None, status: AppointmentStatus | None = None) -> list[AppointmentRow]:
        today = self.today()
        with self.store.session() as s:
            q = (
                select(Appointment, Person, Body, Institution.name)
                .join(Person, col(Appointment.person_id) == Person.id)
                .join(Body, col(Appointment.body_id) == Body.id)
                .join(Institution, col(Person.institution_id) == Institution.id, isouter=True)
            )
            if body_id is not None:
                q = q.where(Appointment.body_id == body_id)
            if person_id is not None:
                q = q.where(Appointment.person_id == person_id)
            rows = []
            for a, p, b, inst in s.exec(q.order_by(col(Body.id), col(Appointment.term_start), col(Person.name))).all():
                st = term_status(a.term_end, a.end_reason, today, a.ended_on)
                if current_only and (st is not AppointmentStatus.SERVING or a.term_start > today):
                    continue
                if status is not None and st is not status:
                    continue
                if expiring_within is not None and not (
                    st is AppointmentStatus.SERVING and expires_within(a.term_end, today, expiring_within)
                ):
                    continue
                assert a.id is not None and p.id is not None and b.id is not None
                rows.append(
                    AppointmentRow(
                        id=a.id, person=p.name, institution=inst, body=b.name, role=a.role.value,
                        kind=a.kind.value, term_start=a.term_start, term_end=a.term_end, status=st.value,
                        person_id=p.id, body_id=b.id, position=a.position_title or p.position,
                        partial_term=a.partial_term, previous_id=a.previous_id,
                        days_left=days_left(a.term_end, today),
                    )
                )
            return rows

    def history(self, appointment_id: int) -> builtins.list[Appointment]:
        """The whole chain of terms (연임) this appointment belongs to, oldest first (later terms included)."""
        with self.store.session() as s:
            chain = []
            a = s.get(Appointment, appointment_id)
            while a is not None:
                chain.append(a)
                a = s.get(Appointment, a.previous_id) if a.previous_id else None
            chain.reverse()
            if chain:
                later = s.exec(select(Appointment).where(Appointment.previous_id == chain[-1].id)).first()
                while later is not None and later not in chain:
                    chain.append(later)
                    later = s.exec(select(Appointment).where(Appointment.previous_id == later.id)).first()
            return chain
