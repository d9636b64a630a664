"""Institutions, their memberships in bodies, and people."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import MembershipRole, Sector
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.hangul import initials, matches
from aict_desktop.domain.models import Appointment, Attendance, Body, Institution, InstitutionMembership, Person, Task
from aict_desktop.domain.rules import Gender, serves_on, takes_part_on
from aict_desktop.domain.text import compare_key
from aict_desktop.i18n import _
from aict_desktop.services.rows import InstitutionRow, PersonRow
from aict_desktop.services.validation import (
    check_range,
    clean_email,
    clean_name,
    clean_phone,
    clean_text,
    parse_enum,
)
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from aict_desktop.documents.participants import ParticipantLine
    from aict_desktop.store.engine import Store


def parse_gender(value: Any, *, field: str | None = "gender") -> Gender:
    """남/여, 남성/여성, M/F (and blank: 미입력) as a Gender; anything else is a ValidationError naming it."""
    if isinstance(value, Gender):
        return value
    try:
        return Gender.parse(value)
    except ValueError:
        raise ValidationError(_("'{value}' is not a gender: write 남 or 여 (남성/여성, M/F), or leave it empty.").format(
            value=value), field=field) from None


def parse_birth_year(value: Any, *, field: str | None = "birth_year", today: dt.date | None = None) -> int | None:
    """출생연도: a year from 1900 to this year (``1975``, ``1975년``, a number cell); blank is none."""
    this_year = (today or dt.date.today()).year
    if value is None or isinstance(value, bool):
        return None
    year: int | None
    if isinstance(value, (dt.date, dt.datetime)):
        year = value.year
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, int):
        year = value
    else:
        text = str(value).strip().removesuffix("년").strip()
        if not text:
            return None
        year = int(text) if text.isdecimal() and text.isascii() else None
    if year is None or not 1900 <= year <= this_year:
        raise ValidationError(_("The birth year must be a year from 1900 to {year}; '{value}' is not.").format(
            year=this_year, value=value), field=field)
    return year


_KEYS = "aict.institution_keys"


def _institution_keys(s: Session) -> dict[str, list[tuple[int, str]]]:
    """Every institution by its comparison key, read once per session (an import creates hundreds in one)."""
    keys = s.info.get(_KEYS)
    if keys is None:
        keys = {}
        for iid, name in s.exec(select(Institution.id, Institution.name)):
            keys.setdefault(compare_key(name), []).append((iid, name))
        s.info[_KEYS] = keys
    return keys


class RosterService:
    """Institutions, their memberships, and people."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- institutions --------------------------------------------------------

    def _institution_values(self, data: dict[str, Any], s: Session, inst_id: int | None) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "name" in data or inst_id is None:
            v["name"] = clean_name(data.get("name"), _("Institution name"), required=True, field="name")
            exact = s.exec(select(Institution.id).where(Institution.name == v["name"])).first()
            if exact is not None and exact != inst_id:
                raise ValidationError(
                    _("An institution named '{name}' already exists.").format(name=v["name"]), field="name"
                )
            # ＬＧ전자 is LG전자: a look-alike (NFKC, invisible characters dropped, case) is the same institution
            clash = next((name for iid, name in _institution_keys(s).get(compare_key(v["name"]), [])
                          if iid != inst_id), None)
            if clash is not None:
                raise ValidationError(
                    _("'{name}' looks the same as the existing institution '{existing}'; use that one.").format(
                        name=v["name"], existing=clash), field="name")
        if "sector" in data:
            v["sector"] = parse_enum(Sector, data["sector"], _("Sector"), default=Sector.OTHER, field="sector")
        if "phone" in data:
            v["phone"] = clean_phone(data["phone"], _("Telephone"), field="phone")
        for key, label, max_len in (
            ("address", _("Address"), 300),
            ("homepage", _("Homepage"), 300),
            ("note", _("Note"), 2000),
        ):
            if key in data:
                v[key] = clean_text(data[key], label, max_len=max_len, field=key)
        if "is_sample" in data:
            v["is_sample"] = bool(data["is_sample"])
        return v

    def create_institution(self, session: Session | None = None, **data: Any) -> Institution:
        if session is not None:
            inst = Institution(**self._institution_values(data, session, None))
            session.add(inst)
            session.flush()
            assert inst.id is not None
            _institution_keys(session).setdefault(compare_key(inst.name), []).append((inst.id, inst.name))
            return inst
        with self.store.write() as s:
            return self.create_institution(session=s, **data)

    def update_institution(self, inst_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                           original: dict[str, Any] | None = None) -> Institution:
        with self.store.write() as s:
            values = self._institution_values(changes, s, inst_id)
            return save_versioned(s, Institution, inst_id, values, expected_version=expected_version, original=original)

    def delete_institution(self, inst_id: int) -> None:
        with self.store.write() as s:
            inst = s.get(Institution, inst_id)
            if inst is None:
                raise NotFound(_("The institution no longer exists."))
            people = s.exec(select(func.count()).select_from(Person).where(Person.institution_id == inst_id)).one()
            tasks = s.exec(select(func.count()).select_from(Task).where(Task.owner_institution_id == inst_id)).one()
            if people or tasks:
                raise ValidationError(
                    _("'{name}' cannot be deleted: {people} people belong to it and it owns {tasks} tasks.").format(
                        name=inst.name, people=people, tasks=tasks
                    )
                )
            for m in s.exec(select(InstitutionMembership).where(InstitutionMembership.institution_id == inst_id)):
                s.delete(m)
            s.delete(inst)

    def get_institution(self, inst_id: int) -> Institution:
        with self.store.session() as s:
            inst = s.get(Institution, inst_id)
            if inst is None:
                raise NotFound(_("The institution no longer exists."))
            return inst

    def find_institution(self, name: str, session: Session) -> Institution | None:
        return session.exec(select(Institution).where(Institution.name == name.strip())).first()

    def list_institutions(
        self, *, body_id: int | None = None, sector: Sector | None = None, search: str = "", current_only: bool = True
    ) -> list[InstitutionRow]:
        """Institutions, optionally only the members of a body (current members by default)."""
        today = dt.date.today()
        with self.store.session() as s:
            q = select(Institution)
            memberships = s.exec(select(InstitutionMembership)).all()
            if body_id is not None:
                ids = {
                    m.institution_id
                    for m in memberships
                    if m.body_id == body_id and (not current_only or takes_part_on(m, today))
                }
                q = q.where(col(Institution.id).in_(ids))
            if sector is not None:
                q = q.where(Institution.sector == sector)
            insts = s.exec(q.order_by(Institution.name)).all()
            body_names = {b.id: b.name for b in s.exec(select(Body))}
            counts = dict(
                s.exec(select(col(Person.institution_id), func.count()).group_by(col(Person.institution_id))).all()
            )
            bodies_of: dict[int, list[str]] = defaultdict(list)
            for m in memberships:
                if takes_part_on(m, today):
                    bodies_of[m.institution_id].append(body_names.get(m.body_id, ""))
            return [
                InstitutionRow(
                    id=i.id,
                    name=i.name,
                    sector=i.sector.value,
                    sector_group=i.sector.group.value,
                    phone=i.phone,
                    address=i.address,
                    homepage=i.homepage,
                    note=i.note,
                    people=counts.get(i.id, 0),
                    bodies=bodies_of.get(i.id, []),
                )
                for i in insts
                if (not search or matches(search, i.name)) and i.id is not None  # (ids: always, stored rows)
            ]

    def add_membership(self, institution_id: int, body_id: int, *, role: MembershipRole | str = MembershipRole.MEMBER,
                       joined_on: dt.date | None = None, session: Session | None = None) -> InstitutionMembership:
        def _add(s: Session) -> InstitutionMembership:
            if s.get(Institution, institution_id) is None or s.get(Body, body_id) is None:
                raise NotFound(_("The institution or the body no longer exists."))
            current = s.exec(
                select(InstitutionMembership).where(
                    InstitutionMembership.institution_id == institution_id,
                    InstitutionMembership.body_id == body_id,
                    col(InstitutionMembership.left_on).is_(None),
                )
            ).first()
            if current is not None:
                return current
            m = InstitutionMembership(
                institution_id=institution_id,
                body_id=body_id,
                role=parse_enum(MembershipRole, role, _("Membership role"), default=MembershipRole.MEMBER),
                joined_on=joined_on or dt.date.today(),
            )
            s.add(m)
            s.flush()
            return m

        if session is not None:
            return _add(session)
        with self.store.write() as s:
            return _add(s)

    def end_membership(self, membership_id: int, left_on: dt.date | None = None) -> None:
        with self.store.write() as s:
            m = s.get(InstitutionMembership, membership_id)
            if m is None:
                raise NotFound(_("The membership no longer exists."))
            left = left_on or dt.date.today()
            check_range(m.joined_on, left, _("Membership"))
            m.left_on = left
            s.add(m)

    def participants(self, body_id: int, on: dt.date | None = None) -> list[ParticipantLine]:
        """참여기관 명단: the body's member institutions on ``on`` (today), by sector then name."""
        from aict_desktop.documents.participants import ParticipantLine

        on = on or dt.date.today()
        order = {sector: k for k, sector in enumerate(Sector)}
        with self.store.session() as s:
            q = (select(InstitutionMembership, Institution)
                 .join(Institution, col(InstitutionMembership.institution_id) == Institution.id)
                 .where(InstitutionMembership.body_id == body_id))
            taking_part = [(m, i) for m, i in s.exec(q).all() if takes_part_on(m, on)]
        taking_part.sort(key=lambda mi: (order[mi[1].sector], mi[1].name))
        return [ParticipantLine(sector=i.sector.value, name=i.name, role=m.role.value, joined_on=m.joined_on,
                                note=m.note) for m, i in taking_part]

    def participants_document(self, body_id: int, fmt: str = "pdf", on: dt.date | None = None) -> bytes:
        """참여기관 명단 as pdf or xlsx (``aict export institutions``, the 기관 page)."""
        from aict_desktop.documents.participants import render

        if fmt not in ("pdf", "xlsx"):
            raise ValidationError(_("The list of institutions can be saved as pdf or xlsx, not '{fmt}'.").format(fmt=fmt))
        on = on or dt.date.today()
        with self.store.session() as s:
            body = s.get(Body, body_id)
            if body is None:
                raise NotFound(_("The body no longer exists."))
            name = body.name
        return render(name, self.participants(body_id, on), fmt, on)

    def memberships(self, *, body_id: int | None = None, institution_id: int | None = None) -> list[InstitutionMembership]:
        with self.store.session() as s:
            q = select(InstitutionMembership)
            if body_id is not None:
                q = q.where(InstitutionMembership.body_id == body_id)
            if institution_id is not None:
                q = q.where(InstitutionMembership.institution_id == institution_id)
            return list(s.exec(q))

    # --- people --------------------------------------------------------------

    def _person_values(self, data: dict[str, Any], s: Session, person_id: int | None) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "name" in data or person_id is None:
            v["name"] = clean_name(data.get("name"), _("Name"), required=True, max_len=100, field="name")
            v["name_initials"] = initials(v["name"])
        if "institution_id" in data:
            iid = data["institution_id"]
            if iid is not None and s.get(Institution, int(iid)) is None:
                raise ValidationError(_("The institution does not exist."), field="institution_id")
            v["institution_id"] = iid
        for key, label in (("department", _("Department")), ("position", _("Position"))):
            if key in data:  # printed on 위촉장 and 명단 like the name
                v[key] = clean_name(data[key], label, field=key)
        if "note" in data:
            v["note"] = clean_text(data["note"], _("Note"), max_len=2000, field="note")
        if "email" in data:
            v["email"] = clean_email(data["email"], _("E-mail"), field="email")
        if "mobile" in data:
            v["mobile"] = clean_phone(data["mobile"], _("Mobile"), field="mobile")
        if "is_public_official" in data:
            v["is_public_official"] = bool(data["is_public_official"])
        if "gender" in data:
            v["gender"] = parse_gender(data["gender"])
        if "birth_year" in data:
            v["birth_year"] = parse_birth_year(data["birth_year"])
        return v

    def create_person(self, session: Session | None = None, **data: Any) -> Person:
        if session is not None:
            person = Person(**self._person_values(data, session, None))
            session.add(person)
            session.flush()
            return person
        with self.store.write() as s:
            return self.create_person(session=s, **data)

    def update_person(self, person_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                      original: dict[str, Any] | None = None) -> Person:
        with self.store.write() as s:
            values = self._person_values(changes, s, person_id)
            return save_versioned(s, Person, person_id, values, expected_version=expected_version, original=original)

    def delete_person(self, person_id: int) -> None:
        with self.store.write() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound(_("The person no longer exists."))
            appts = s.exec(select(func.count()).select_from(Appointment).where(Appointment.person_id == person_id)).one()
            att = s.exec(select(func.count()).select_from(Attendance).where(Attendance.person_id == person_id)).one()
            tasks = s.exec(select(func.count()).select_from(Task).where(Task.owner_person_id == person_id)).one()
            if appts or att or tasks:
                raise ValidationError(
                    _(
                        "'{name}' cannot be deleted: there are {appts} appointments, {att} attendance records "
                        "and {tasks} tasks for this person. End the appointments instead."
                    ).format(name=person.name, appts=appts, att=att, tasks=tasks)
                )
            s.delete(person)

    def get_person(self, person_id: int) -> Person:
        with self.store.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound(_("The person no longer exists."))
            return person

    def list_people(self, *, body_id: int | None = None, institution_id: int | None = None, search: str = "") -> list[PersonRow]:
        """People, optionally only current appointees of a body."""
        today = dt.date.today()
        with self.store.session() as s:
            # plain columns, not Person entities: 20,000 people load in ~0.1 s instead of ~0.5 s (GUI people page)
            # (the ignore: sqlmodel's select() is typed for at most 4 columns, and these are 11)
            q = select(  # type: ignore[call-overload]
                Person.id, Person.name, Institution.name, Person.position, Person.department, Person.email,
                Person.mobile, Person.institution_id, Person.name_initials, Person.gender,
                Person.birth_year).join(
                Institution, Person.institution_id == Institution.id, isouter=True)
            if institution_id is not None:
                q = q.where(Person.institution_id == institution_id)
            if body_id is not None:
                ids = {
                    a.person_id
                    for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
                    if serves_on(a, today)
                }
                q = q.where(col(Person.id).in_(ids))
            rows = [
                PersonRow(id=pid, name=name, institution=inst_name, position=position, department=department,
                          email=email, mobile=mobile, institution_id=inst_id, initials=ini,
                          gender=Gender(gender or Gender.UNKNOWN).value, birth_year=birth_year)
                for pid, name, inst_name, position, department, email, mobile, inst_id, ini, gender, birth_year
                in s.exec(q.order_by(Person.name, Person.id)).all()
            ]
        if search:
            rows = [r for r in rows if matches(search, r.name) or (r.institution and matches(search, r.institution))]
        return rows

