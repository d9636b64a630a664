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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import select

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.errors import DomainError, ValidationError
from aict_desktop.domain.models import Body, Institution, Person
from aict_desktop.i18n import _
from aict_desktop.services.composition import Appointee
from aict_desktop.services.import_columns import COLUMNS, SECTOR_ALIASES, Column, find_header, name_key
from aict_desktop.services.import_readers import ImportFileError, cell_text, parse_date, read_table
from aict_desktop.services.lookup import require_body
from aict_desktop.services.roster import parse_birth_year, parse_gender
from aict_desktop.services.validation import check_range, clean_email, clean_phone, clean_text, parse_enum
from aict_desktop.store.audit import log_access

KINDS = tuple(COLUMNS)


@dataclass
class ImportProblem:
    row_number: int | None  # as Excel shows it (the header is usually row 1); None: the file as a whole
    column: str | None  # the header as written in the file
    message: str

    def describe(self) -> str:
        if self.row_number is None:
            return self.message
        if self.column:
            return _("Row {row}, '{column}': {message}").format(row=self.row_number, column=self.column,
                                                               message=self.message)
        return _("Row {row}: {message}").format(row=self.row_number, message=self.message)


@dataclass
class PreviewRow:
    row_number: int
    values: dict[str, str]  # header as written → cell text
    problems: list[ImportProblem] = field(default_factory=list)
    clean: dict[str, Any] = field(default_factory=dict, repr=False)  # checked values, by field


@dataclass
class ImportPreview:
    kind: str
    path: Path
    headers: list[str] = field(default_factory=list)  # recognised headers, as written, in file order
    rows: list[PreviewRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)  # every problem, file-level ones first
    columns: dict[str, str] = field(default_factory=dict)  # header as written → field
    ignored_columns: list[str] = field(default_factory=list)
    new_institutions: list[str] = field(default_factory=list)  # people: institutions that will be created
    body_name: str | None = None
    encoding: str = ""
    sheet: str = ""
    warnings: list[str] = field(default_factory=list)  # from the body's rules (e.g. 연임, 중복위촉); not problems
    composition_problem: str | None = None  # the 성별 cap would be broken (a problem unless a reason is given)
    composition_before: str = ""  # the body's composition without and with the imported people
    composition_after: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


@dataclass
class ImportResult:
    rows: int  # rows imported, or with dry_run the rows that would be
    problems: list[ImportProblem] = field(default_factory=list)
    dry_run: bool = False
    ignored_columns: list[str] = field(default_factory=list)  # headers the importer does not know
    warnings: list[str] = field(default_factory=list)
    composition_problem: str | None = None  # refused for it, or (with a reason) recorded as an exception
    exception_reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


class _RowFailed(Exception):
    def __init__(self, problem: ImportProblem):
        super().__init__(problem.message)
        self.problem = problem


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
        if kind == "people" and body is not None and not any(r.problems for r in pv.rows):
            self._check_rules(pv, body, exception_reason)
        for r in pv.rows:
            pv.problems.extend(r.problems)
        if pv.composition_problem and not (exception_reason or "").strip():
            pv.problems.append(ImportProblem(None, None, pv.composition_problem))
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
        try:
            return fn(cell)
        except ValidationError as err:
            row.problems.append(ImportProblem(row.row_number, header, err.message))
        except ValueError:
            row.problems.append(ImportProblem(row.row_number, header, _(
                "'{value}' is not a date (write it like 2025-06-12 or 2025. 6. 12.).").format(value=cell_text(cell))))
        return None

    def _text(self, row, raw, key, label, *, required=False, max_len=200):
        phone = key in raw and raw[key][2].phone
        return self._check(row, raw, key, lambda c: clean_text(cell_text(c, phone=phone), label, required=required,
                                                              max_len=max_len))

    def _check_institution(self, row: PreviewRow, raw: dict) -> None:
        c = row.clean
        c["name"] = self._text(row, raw, "name", _("Institution name"), required=True)
        c["sector"] = self._check(row, raw, "sector", lambda v: parse_enum(
            Sector, SECTOR_ALIASES.get(cell_text(v), cell_text(v)), _("Sector"), default=Sector.OTHER))
        c["address"] = self._text(row, raw, "address", _("Address"), max_len=300)
        c["phone"] = self._check(row, raw, "phone", lambda v: clean_phone(cell_text(v, phone=True), _("Telephone")))
        c["homepage"] = self._text(row, raw, "homepage", _("Homepage"), max_len=300)
        c["note"] = self._text(row, raw, "note", _("Note"), max_len=2000)

    def _check_person(self, row: PreviewRow, raw: dict, body: Body | None) -> None:
        c = row.clean
        c["name"] = self._text(row, raw, "name", _("Name"), required=True, max_len=100)
        c["institution"] = self._text(row, raw, "institution", _("Institution"))
        c["department"] = self._text(row, raw, "department", _("Department"))
        c["position"] = self._text(row, raw, "position", _("Position"))
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

    def _duplicates(self, pv: ImportPreview, existing: dict[str, Any]) -> None:
        name_header = next(h for h, f in pv.columns.items() if f == "name")
        first_seen: dict[Any, int] = {}
        for r in pv.rows:
            name = r.clean.get("name")
            if not name:
                continue
            if pv.kind == "institutions":
                key = name_key(name)
                in_db = key in existing["institutions"]
                shown = name
            else:
                inst = r.clean.get("institution") or ""
                key = (name_key(name), name_key(inst))
                in_db = key in existing["people"]
                shown = _("{name} ({institution})").format(name=name, institution=inst) if inst else name
            if key in first_seen:
                r.problems.append(ImportProblem(r.row_number, name_header, _(
                    "'{name}' is a duplicate of row {row}.").format(name=shown, row=first_seen[key])))
            else:
                first_seen[key] = r.row_number
                if in_db:
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
        found = {"warnings": pv.warnings, "composition_problem": pv.composition_problem}
        if pv.problems:
            return ImportResult(rows=0, problems=pv.problems, dry_run=dry_run, **found)
        if pv.composition_problem:
            found["exception_reason"] = reason
        if dry_run:
            return ImportResult(rows=len(pv.rows), dry_run=True, ignored_columns=pv.ignored_columns, **found)
        try:
            with self.store.write() as s:
                if kind == "institutions":
                    self._write_institutions(s, pv.rows, body_id)
                else:
                    self._write_people(s, pv.rows, body_id, reason)
                log_access(s, f"import.{kind}", target=Path(path).name, detail=f"{len(pv.rows)} rows")
        except _RowFailed as failed:  # e.g. someone added the same name meanwhile; rolled back
            return ImportResult(rows=0, problems=[failed.problem], **found)
        return ImportResult(rows=len(pv.rows), ignored_columns=pv.ignored_columns, **found)

    @staticmethod
    def _guard(row: PreviewRow, fn):
        try:
            return fn()
        except DomainError as err:
            raise _RowFailed(ImportProblem(row.row_number, None, err.message)) from None

    def _write_institutions(self, s, rows: list[PreviewRow], body_id: int | None) -> None:
        roster = self.services.roster
        for r in rows:
            values = {k: v for k, v in r.clean.items() if v is not None}
            inst = self._guard(r, lambda: roster.create_institution(session=s, **values))
            if body_id is not None:
                self._guard(r, lambda: roster.add_membership(inst.id, body_id, session=s))

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
                    inst = self._guard(r, lambda: roster.create_institution(session=s, name=inst_name,
                                                                            sector=Sector.OTHER))
                    inst_id = institutions[name_key(inst_name)] = inst.id
            person_values = {k: c[k] or "" for k in ("name", "department", "position", "email", "mobile", "note")}
            person = self._guard(r, lambda: roster.create_person(
                session=s, institution_id=inst_id, gender=c["gender"], birth_year=c["birth_year"], **person_values))
            appointees.append(Appointee(person.id, role=c.get("role"), kind=c.get("kind"),
                                        term_start=c.get("term_start"), term_end=c.get("term_end")))
        if body_id is not None:  # together: the body's rules look at the whole file (성별 in particular)
            try:
                appointments.appoint_all(appointees, body_id, exception_reason=exception_reason, session=s)
            except DomainError as err:
                raise _RowFailed(ImportProblem(None, None, err.message)) from None
