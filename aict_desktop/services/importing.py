"""Import institutions and people from a secretariat's .xlsx or .csv file: previewed, all or nothing.

``preview()`` reads and checks every row and collects every problem (row
numbers as Excel shows them) without changing anything; ``run()`` writes all
rows in one transaction, or nothing if any row is bad. People imported with a
body are appointed together under the body's rules (``AppointmentService.check_many``):
a term too long is a row problem; breaking the 성별 cap refuses the file
unless an exception reason is given, which is then recorded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.errors import DomainError, ValidationError
from aict_desktop.domain.models import Body, Institution, Person
from aict_desktop.domain.text import is_excel_error
from aict_desktop.i18n import _
from aict_desktop.services.composition import Appointee
from aict_desktop.services.import_columns import (
    COLUMNS,
    SECTOR_ALIASES,
    Column,
    find_header,
    name_key,
    similar_names,
)
from aict_desktop.services.import_readers import ImportFileError, cell_text, parse_date, read_table
from aict_desktop.services.import_results import ImportPreview, ImportProblem, ImportResult, PreviewRow
from aict_desktop.services.lookup import require_body
from aict_desktop.services.roster import parse_birth_year, parse_gender
from aict_desktop.services.validation import (
    check_range,
    clean_email,
    clean_name,
    clean_phone,
    clean_text,
    parse_enum,
)
from aict_desktop.store.audit import log_access

KINDS = tuple(COLUMNS)
MAX_PROBLEMS = 100  # listed; the rest are counted


class _RowFailed(Exception):
    def __init__(self, *problems: ImportProblem):
        super().__init__(problems[0].message)
        self.problems = list(problems)


IMPORT_LOCK = 0x41494D50  # "AIMP": PostgreSQL advisory lock id, held by one importing transaction at a time
WRITE_ATTEMPTS = 3


def lock_imports(s) -> None:
    """One import writes at a time, so the duplicate check inside the transaction sees every earlier import.

    SQLite: the writing session's BEGIN IMMEDIATE already serialises writers. PostgreSQL: an advisory lock
    until commit; READ COMMITTED then shows the next statement everything committed before the lock.
    """
    bind = s.get_bind()
    if bind is not None and bind.dialect.name == "postgresql":
        s.execute(sql("SELECT pg_advisory_xact_lock(:k)"), {"k": IMPORT_LOCK})


class ImportService:
    def __init__(self, services, today=dt.date.today):
        self.services = services
        self.store = services.store
        self._today = today

    # --- preview ---------------------------------------------------------------------

    def preview(self, kind: str, path: Path, body_id: int | None = None, *,
                exception_reason: str = "") -> ImportPreview:
        """Read and check the whole file; change nothing. ``exception_reason`` lets a file that breaks
        the 성별 cap through (``run`` records it)."""
        if kind not in KINDS:
            raise ValidationError(_("Import 'institutions' or 'people', not '{kind}'.").format(kind=kind))
        path = Path(path)
        body = self._body(body_id)
        pv = ImportPreview(kind=kind, path=path, body_name=body.name if body else None)
        try:
            tables = read_table(path)
        except ImportFileError as err:
            pv.problems.append(ImportProblem(None, None, err.message))
            return pv
        columns = COLUMNS[kind]
        match, table = None, tables[0]
        for t in tables:
            match = find_header(t.rows, columns)
            if match is not None:
                table = t
                break
        pv.encoding, pv.sheet = table.encoding, table.sheet
        if table.hidden_sheets:
            pv.notes.append(_("Hidden sheets were not read: {sheets}").format(sheets=", ".join(table.hidden_sheets)))
        if match is None:
            pv.problems.append(self._no_header(table.rows, columns, path))
            return pv
        pv.headers = [text for _i, text, _c in match.columns]
        pv.columns = {text: col.field for _i, text, col in match.columns}
        pv.ignored_columns = match.ignored
        for text in match.doubled:
            pv.problems.append(ImportProblem(None, None, _(
                "The column '{column}' appears twice in the header (row {row}); keep one.").format(
                column=text, row=match.row_number)))
        if body is None:
            appointment_cols = [text for _i, text, col in match.columns if col.body_only]
            if appointment_cols:
                pv.problems.append(ImportProblem(None, None, _(
                    "The columns {columns} are for appointments: choose the body to appoint the people to, "
                    "or remove these columns.").format(columns=", ".join(appointment_cols))))
        data = table.rows[match.index + 1:]
        if not data:
            pv.problems.append(ImportProblem(None, None, _(
                "{name} has a header row but no data rows; nothing to import.").format(name=path.name)))
            return pv
        with self.store.session() as s:
            existing = self._existing(kind, s)
        for row_number, cells in data:
            row = PreviewRow(row_number=row_number, values={})
            raw = {}
            for i, text, col in match.columns:
                cell = cells[i] if i < len(cells) else None
                row.values[text] = cell_text(cell, phone=col.phone)
                raw[col.field] = (cell, text, col)
            if kind == "institutions":
                self._check_institution(row, raw)
            else:
                self._check_person(row, raw, body)
            pv.rows.append(row)
        self._duplicates(pv, existing)
        if kind == "people":
            known = existing["institutions"]
            seen = {}
            for r in pv.rows:
                inst = r.clean.get("institution") or ""
                if inst and name_key(inst) not in known:
                    seen.setdefault(name_key(inst), inst)
            pv.new_institutions = list(seen.values())
            pv.similar_institutions = similar_names(pv.new_institutions, [i.name for i in known.values()])
        if kind == "people" and body is not None and not any(r.problems for r in pv.rows):
            self._check_rules(pv, body, exception_reason)
        for r in pv.rows:
            pv.problems.extend(r.problems)
        if pv.composition_problem and not (exception_reason or "").strip():
            pv.problems.append(ImportProblem(None, None, pv.composition_problem))
        if len(pv.problems) > MAX_PROBLEMS:  # a broken file has a problem in every row: show the first ones
            pv.more_problems = len(pv.problems) - MAX_PROBLEMS
            del pv.problems[MAX_PROBLEMS:]
        return pv

    def _check_rules(self, pv: ImportPreview, body: Body, exception_reason: str) -> None:
        """The body's rules on appointing every row together (the rows are new people)."""
        appointees = [Appointee(None, kind=r.clean["kind"], term_start=r.clean["term_start"],
                                term_end=r.clean["term_end"], gender=r.clean["gender"], name=r.clean["name"] or "")
                      for r in pv.rows]
        check = self.services.appointments.check_many(appointees, body.id)
        header = next((h for h, f in pv.columns.items() if f == "term_end"), None)
        for r, refusals in zip(pv.rows, check.per_appointee):
            r.problems.extend(ImportProblem(r.row_number, header, m) for m in refusals)
        pv.warnings = check.warnings
        pv.composition_problem = check.gender_problem
        pv.composition_before = check.before.describe() if check.before else ""
        pv.composition_after = check.after.describe() if check.after else ""

    def _body(self, body_id: int | None) -> Body | None:
        if body_id is None:
            return None
        with self.store.session() as s:
            body = require_body(s, body_id)
            return body

    def _no_header(self, rows, columns: tuple[Column, ...], path: Path) -> ImportProblem:
        required = ", ".join(c.describe() for c in columns if c.required)
        expected = ", ".join(c.describe() for c in columns)
        first = [cell_text(c) for c in rows[0][1] if cell_text(c)] if rows else []
        if not first:
            return ImportProblem(None, None, _("{name} has no rows; nothing to import.").format(name=path.name))
        return ImportProblem(None, None, _(
            "No header row with the column {required} was found in {name}; its first row has {found}. "
            "Expected columns: {expected}.").format(required=required, name=path.name,
                                                   found=", ".join(first[:12]), expected=expected))

    # --- row checks ----------------------------------------------------------------------

    @staticmethod
    def _check(row: PreviewRow, raw: dict, key: str, fn):
        """Run one field's check; a failure becomes a problem of that cell."""
        if key not in raw:
            return fn(None)
        cell, header, col = raw[key]
        if is_excel_error(cell):
            row.problems.append(ImportProblem(row.row_number, header, _(
                "'{value}' is an Excel error value, not data; correct the cell in the file.").format(
                value=cell_text(cell))))
            return None
        try:
            return fn(cell)
        except ValidationError as err:
            row.problems.append(ImportProblem(row.row_number, header, err.message))
        except ValueError:
            row.problems.append(ImportProblem(row.row_number, header, _(
                "'{value}' is not a date (write it like 2025-06-12 or 2025. 6. 12.).").format(value=cell_text(cell))))
        return None

    def _text(self, row, raw, key, label, *, required=False, max_len=200, name=False):
        """A text cell; ``name``: a one-line name (no invisible, format or control characters)."""
        phone = key in raw and raw[key][2].phone
        clean = clean_name if name else clean_text
        return self._check(row, raw, key, lambda c: clean(cell_text(c, phone=phone), label, required=required,
                                                         max_len=max_len))

    def _check_institution(self, row: PreviewRow, raw: dict) -> None:
        c = row.clean
        c["name"] = self._text(row, raw, "name", _("Institution name"), required=True, name=True)
        c["sector"] = self._check(row, raw, "sector", lambda v: parse_enum(
            Sector, SECTOR_ALIASES.get(cell_text(v), cell_text(v)), _("Sector"), default=Sector.OTHER))
        c["address"] = self._text(row, raw, "address", _("Address"), max_len=300)
        c["phone"] = self._check(row, raw, "phone", lambda v: clean_phone(cell_text(v, phone=True), _("Telephone")))
        c["homepage"] = self._text(row, raw, "homepage", _("Homepage"), max_len=300)
        c["note"] = self._text(row, raw, "note", _("Note"), max_len=2000)

    def _check_person(self, row: PreviewRow, raw: dict, body: Body | None) -> None:
        c = row.clean
        c["name"] = self._text(row, raw, "name", _("Name"), required=True, max_len=100, name=True)
        c["institution"] = self._text(row, raw, "institution", _("Institution"), name=True)
        c["department"] = self._text(row, raw, "department", _("Department"), name=True)
        c["position"] = self._text(row, raw, "position", _("Position"), name=True)
        c["email"] = self._check(row, raw, "email", lambda v: clean_email(cell_text(v), _("E-mail")))
        c["mobile"] = self._check(row, raw, "mobile", lambda v: clean_phone(cell_text(v, phone=True), _("Mobile")))
        c["note"] = self._text(row, raw, "note", _("Note"), max_len=2000)
        c["gender"] = self._check(row, raw, "gender", lambda v: parse_gender(cell_text(v)))
        c["birth_year"] = self._check(row, raw, "birth_year", lambda v: parse_birth_year(
            v if isinstance(v, (int, float, dt.date)) else cell_text(v), today=self._today()))
        if body is None:
            return
        c["role"] = self._check(row, raw, "role", lambda v: parse_enum(Role, cell_text(v), _("Role"),
                                                                       default=Role.MEMBER))
        c["kind"] = self._check(row, raw, "kind", lambda v: parse_enum(
            AppointmentKind, cell_text(v), _("Appointment kind"), default=AppointmentKind.APPOINTED))
        c["term_start"] = self._check(row, raw, "term_start", lambda v: parse_date(v) or self._today())
        c["term_end"] = self._check(row, raw, "term_end", parse_date)
        if c["term_start"] and c["term_end"]:
            self._check(row, raw, "term_end", lambda _v: check_range(c["term_start"], c["term_end"], _("Term")))

    # --- duplicates -------------------------------------------------------------------------

    def _existing(self, kind: str, s) -> dict[str, Any]:
        institutions = {name_key(i.name): i for i in s.exec(select(Institution))}
        people = set()
        if kind == "people":
            names = {i.id: name_key(i.name) for i in institutions.values()}
            people = {(name_key(p.name), names.get(p.institution_id, "")) for p in s.exec(select(Person))}
        return {"institutions": institutions, "people": people}

    @staticmethod
    def _row_key(kind: str, r: PreviewRow):
        """(how a row is compared with the others and the database, how it is named), or (None, "")."""
        name = r.clean.get("name")
        if not name:
            return None, ""
        if kind == "institutions":
            return name_key(name), name
        inst = r.clean.get("institution") or ""
        shown = _("{name} ({institution})").format(name=name, institution=inst) if inst else name
        return (name_key(name), name_key(inst)), shown

    def _duplicates(self, pv: ImportPreview, existing: dict[str, Any]) -> None:
        name_header = next(h for h, f in pv.columns.items() if f == "name")
        in_db = existing["institutions" if pv.kind == "institutions" else "people"]
        first_seen: dict[Any, int] = {}
        for r in pv.rows:
            key, shown = self._row_key(pv.kind, r)
            if key is None:
                continue
            if key in first_seen:
                r.problems.append(ImportProblem(r.row_number, name_header, _(
                    "'{name}' is a duplicate of row {row}.").format(name=shown, row=first_seen[key])))
            else:
                first_seen[key] = r.row_number
                if key in in_db:
                    r.problems.append(ImportProblem(r.row_number, name_header, _(
                        "'{name}' is already registered; remove the row or edit the existing record.").format(
                        name=shown)))

    # --- run ---------------------------------------------------------------------------------

    def run(self, kind: str, path: Path, body_id: int | None = None, dry_run: bool = False, *,
            exception_reason: str = "") -> ImportResult:
        """All or nothing: any problem anywhere and nothing is written. With ``exception_reason``, people
        who break the 성별 cap are appointed and the exception is recorded."""
        reason = (exception_reason or "").strip()
        pv = self.preview(kind, path, body_id, exception_reason=reason)
        found = {"warnings": pv.warnings, "composition_problem": pv.composition_problem, "sheet": pv.sheet,
                 "notes": pv.notes, "new_institutions": pv.new_institutions,
                 "similar_institutions": pv.similar_institutions}
        if pv.problems:
            return ImportResult(rows=0, problems=pv.problems, dry_run=dry_run, more_problems=pv.more_problems,
                                **found)
        if pv.composition_problem:
            found["exception_reason"] = reason
        if dry_run:
            return ImportResult(rows=len(pv.rows), dry_run=True, ignored_columns=pv.ignored_columns, **found)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.store.write() as s:
                    lock_imports(s)  # one import at a time; then what the preview found is checked again
                    late = self._registered_meanwhile(s, pv)
                    if late:
                        raise _RowFailed(*late)
                    if kind == "institutions":
                        self._write_institutions(s, pv.rows, body_id)
                    else:
                        self._write_people(s, pv.rows, body_id, reason)
                    log_access(s, f"import.{kind}", target=Path(path).name, detail=f"{len(pv.rows)} rows")
            except _RowFailed as failed:  # e.g. another import added the same names meanwhile; rolled back
                return ImportResult(rows=0, problems=failed.problems, **found)
            except IntegrityError:  # a name added at the same moment by someone not importing: check again
                if attempt + 1 < WRITE_ATTEMPTS:
                    continue
                return ImportResult(rows=0, problems=[ImportProblem(None, None, _(
                    "Someone else added the same institutions or people at the same moment; nothing was "
                    "imported. Check the file again and import it."))], **found)
            break
        return ImportResult(rows=len(pv.rows), ignored_columns=pv.ignored_columns, **found)

    def _registered_meanwhile(self, s, pv: ImportPreview) -> list[ImportProblem]:
        """Rows that are already registered now, inside the writing transaction (after the preview,
        another import or another PC may have added them)."""
        existing = self._existing(pv.kind, s)
        name_header = next(h for h, f in pv.columns.items() if f == "name")
        problems = []
        for r in pv.rows:
            key, shown = self._row_key(pv.kind, r)
            if key is not None and key in existing["institutions" if pv.kind == "institutions" else "people"]:
                problems.append(ImportProblem(r.row_number, name_header, _(
                    "'{name}' is already registered; remove the row or edit the existing record.").format(name=shown)))
        return problems

    @staticmethod
    def _guard(row: PreviewRow, fn, *args, **kwargs):
        """``fn(*args, **kwargs)``, its refusal reported against the file's row."""
        try:
            return fn(*args, **kwargs)
        except DomainError as err:
            raise _RowFailed(ImportProblem(row.row_number, None, err.message)) from None

    def _write_institutions(self, s, rows: list[PreviewRow], body_id: int | None) -> None:
        roster = self.services.roster
        for r in rows:
            values = {k: v for k, v in r.clean.items() if v is not None}
            inst = self._guard(r, roster.create_institution, session=s, **values)
            if body_id is not None:
                self._guard(r, roster.add_membership, inst.id, body_id, session=s)

    def _write_people(self, s, rows: list[PreviewRow], body_id: int | None, exception_reason: str = "") -> None:
        roster, appointments = self.services.roster, self.services.appointments
        institutions = {name_key(i.name): i.id for i in s.exec(select(Institution))}
        appointees = []
        for r in rows:
            c = r.clean
            inst_name = c.get("institution") or ""
            inst_id = None
            if inst_name:
                inst_id = institutions.get(name_key(inst_name))
                if inst_id is None:
                    inst = self._guard(r, roster.create_institution, session=s, name=inst_name, sector=Sector.OTHER)
                    inst_id = institutions[name_key(inst_name)] = inst.id
            person_values = {k: c[k] or "" for k in ("name", "department", "position", "email", "mobile", "note")}
            person = self._guard(r, roster.create_person, session=s, institution_id=inst_id, gender=c["gender"],
                                 birth_year=c["birth_year"], **person_values)
            appointees.append(Appointee(person.id, role=c.get("role"), kind=c.get("kind"),
                                        term_start=c.get("term_start"), term_end=c.get("term_end")))
        if body_id is not None:  # together: the body's rules look at the whole file (성별 in particular)
            try:
                appointments.appoint_all(appointees, body_id, exception_reason=exception_reason, session=s)
            except DomainError as err:
                raise _RowFailed(ImportProblem(None, None, err.message)) from None
