"""Writing a checked import inside one transaction: a few statements per thousand rows, not several per row.

``services.importing`` has read and checked every cell (with the same checks the
roster uses) and found the duplicates against the file and the database; here the
rows are inserted in chunks with one executemany each, so 130,000 people cost time
in proportion to their number. New institutions' ids are read back by their unique
names; only people appointed to a body (a body has tens of members) are inserted
with RETURNING, which SQLite runs row by row when the order of the ids matters.
Before anything is written the duplicate check runs again inside the transaction
(another import or another PC may have added the same names after the preview).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticUndefined
from sqlalchemy import insert
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text as sql
from sqlmodel import Session, SQLModel, col, select

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.hangul import initials
from aict_desktop.domain.models import Institution, Person
from aict_desktop.domain.rules import Gender
from aict_desktop.i18n import _
from aict_desktop.services.composition import Appointee
from aict_desktop.services.import_columns import name_key
from aict_desktop.services.import_results import ImportPreview, ImportProblem, PreviewRow
from aict_desktop.services.lookup import stored_id

if TYPE_CHECKING:
    from aict_desktop.services.container import Services

IMPORT_LOCK = 0x41494D50  # "AIMP": PostgreSQL advisory lock id, held by one importing transaction at a time
WRITE_ATTEMPTS = 3
CHUNK = 1_000  # rows per INSERT statement

Step = Callable[[int], None]  # called with the rows written so far; may raise ImportCancelled
RowKey = str | tuple[str, str]  # an institution's name key, or a person's (name key, institution key)


class RowFailed(Exception):
    def __init__(self, *problems: ImportProblem) -> None:
        super().__init__(problems[0].message)
        self.problems = list(problems)


def lock_imports(s: Session) -> None:
    """One import writes at a time, so the duplicate check inside the transaction sees every earlier import.

    SQLite: the writing session's BEGIN IMMEDIATE already serialises writers. PostgreSQL: an advisory lock
    until commit; READ COMMITTED then shows the next statement everything committed before the lock.
    """
    bind = s.get_bind()
    if bind is not None and bind.dialect.name == "postgresql":
        s.execute(sql("SELECT pg_advisory_xact_lock(:k)"), {"k": IMPORT_LOCK})


def existing_keys(kind: str, s: Session) -> dict[str, Any]:
    """What is registered: institutions by name key (→ id) and their names, and people as (name key,
    institution key)."""
    pairs = list(s.exec(select(Institution.id, Institution.name)))
    institutions = {name_key(name): iid for iid, name in pairs}
    people = set()
    if kind == "people":
        names = {iid: key for key, iid in institutions.items()}
        people = {(name_key(name), names.get(iid, "")) for name, iid in s.exec(select(Person.name,
                                                                                      Person.institution_id))}
    return {"institutions": institutions, "institution_names": [name for _i, name in pairs], "people": people}


def row_key(kind: str, r: PreviewRow) -> tuple[RowKey | None, str]:
    """(how a row is compared with the others and the database, how it is named), or (None, "")."""
    name = r.clean.get("name")
    if not name:
        return None, ""
    if kind == "institutions":
        return name_key(name), name
    inst = r.clean.get("institution") or ""
    shown = _("{name} ({institution})").format(name=name, institution=inst) if inst else name
    return (name_key(name), name_key(inst)), shown


def already_registered(shown: str) -> str:
    return _("'{name}' is already registered; remove the row or edit the existing record.").format(name=shown)


def registered_meanwhile(s: Session, pv: ImportPreview) -> list[ImportProblem]:
    """Rows that are already registered now, inside the writing transaction (after the preview,
    another import or another PC may have added them)."""
    existing = existing_keys(pv.kind, s)["institutions" if pv.kind == "institutions" else "people"]
    name_header = next(h for h, f in pv.columns.items() if f == "name")
    problems = []
    for r in pv.rows:
        key, shown = row_key(pv.kind, r)
        if key is not None and key in existing:
            problems.append(ImportProblem(r.row_number, name_header, already_registered(shown)))
    return problems


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """The model's defaults for the columns a row leaves out (as ``Model(**values)`` would fill them)."""
    out = {}
    for name, f in model.model_fields.items():
        if name == "id":
            continue
        if f.default_factory is not None:  # (the models' factories take no arguments)
            out[name] = f.get_default(call_default_factory=True)
        elif f.default is not PydanticUndefined:
            out[name] = f.default
    return out


def insert_rows(s: Session, model: type[SQLModel], rows: list[dict[str, Any]], step: Step | None = None, *,
                returning: bool = False) -> list[int]:
    """Insert ``rows`` (defaults filled in) CHUNK at a time; with ``returning`` their new ids, in order."""
    table = sa_inspect(model).local_table  # the model's Table (``model.__table__``)
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True) if returning else insert(table)
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        base = _defaults(model)
        chunk = [{**base, **r} for r in rows[start:start + CHUNK]]
        result = s.execute(stmt, chunk)
        if returning:
            ids.extend(i for (i,) in result)
        if step is not None:
            step(start + len(chunk))
    return ids


def institution_ids(s: Session, names: list[str]) -> list[int]:
    """The ids of institutions by their (unique) names, in the order given."""
    found: dict[str, int] = {}
    for start in range(0, len(names), 500):
        part = names[start:start + 500]
        found.update((name, stored_id(iid)) for iid, name in s.exec(select(Institution.id, Institution.name).where(
            col(Institution.name).in_(part))))
    return [found[n] for n in names]


def write_institutions(services: Services, s: Session, rows: list[PreviewRow], body_id: int | None,
                       step: Step) -> None:
    values = [{"name": c["name"], "sector": c.get("sector") or Sector.OTHER,
               **{k: c.get(k) or "" for k in ("address", "phone", "homepage", "note")}}
              for c in (r.clean for r in rows)]
    insert_rows(s, Institution, values, step)
    if body_id is not None:
        roster = services.roster
        for r, iid in zip(rows, institution_ids(s, [v["name"] for v in values])):
            _guard(r, roster.add_membership, iid, body_id, session=s)


def write_people(services: Services, s: Session, rows: list[PreviewRow], body_id: int | None, exception_reason: str,
                 step: Step) -> None:
    institutions = existing_keys("institutions", s)["institutions"]
    new: dict[str, str] = {}
    for r in rows:
        inst = r.clean.get("institution") or ""
        if inst and name_key(inst) not in institutions:
            new.setdefault(name_key(inst), inst)
    if new:
        insert_rows(s, Institution, [{"name": name, "sector": Sector.OTHER} for name in new.values()])
        institutions.update(zip(new, institution_ids(s, list(new.values()))))
    values = []
    for r in rows:
        c = r.clean
        inst = c.get("institution") or ""
        values.append({
            "name": c["name"], "name_initials": initials(c["name"]),
            "institution_id": institutions[name_key(inst)] if inst else None,
            **{k: c.get(k) or "" for k in ("department", "position", "email", "mobile", "note")},
            "gender": c.get("gender") or Gender.UNKNOWN, "birth_year": c.get("birth_year"),
        })
    if body_id is None:
        insert_rows(s, Person, values, step)
        return
    person_ids = insert_rows(s, Person, values, step, returning=True)
    # (a row the check left without a role or kind gets the defaults, as AppointmentService would parse None)
    appointees = [Appointee(pid, role=r.clean.get("role") or Role.MEMBER,
                            kind=r.clean.get("kind") or AppointmentKind.APPOINTED,
                            term_start=r.clean.get("term_start"), term_end=r.clean.get("term_end"))
                  for r, pid in zip(rows, person_ids)]
    try:  # together: the body's rules look at the whole file (성별 in particular)
        services.appointments.appoint_all(appointees, body_id, exception_reason=exception_reason, session=s)
    except DomainError as err:
        raise RowFailed(ImportProblem(None, None, err.message)) from None


def _guard(row: PreviewRow, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, its refusal reported against the file's row."""
    try:
        return fn(*args, **kwargs)
    except DomainError as err:
        raise RowFailed(ImportProblem(row.row_number, None, err.message)) from None
