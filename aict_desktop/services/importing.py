"""Import institutions and people from a secretariat's .xlsx or .csv file: previewed, all or nothing.

``preview()`` reads and checks every row and collects every problem (row
numbers as Excel shows them) without changing anything; ``run()`` writes all
rows in one transaction, or nothing if any row is bad. People imported with a
body are appointed together under the body's rules (``AppointmentService.check_many``):
a term too long is a row problem; breaking the 성별 cap refuses the file
unless an exception reason is given, which is then recorded.

The table is a file or cells pasted from Excel (``PastedText``): one path for both.
Both calls take ``progress(stage, done, total)`` and ``cancelled()`` (the GUI's
worker and the CLI's progress line); a cancel before the commit changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import Body
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
from aict_desktop.services.import_readers import (
    ImportFileError,
    PastedText,
    Source,
    cell_text,
    parse_date,
    read_source,
)
from aict_desktop.services.import_results import (
    CHECKING,
    PROGRESS_EVERY,
    READING,
    WRITING,
    ImportCancelled,
    ImportPreview,
    ImportProblem,
    ImportResult,
    PreviewRow,
    Progress,
)
from aict_desktop.services.import_writing import (
    WRITE_ATTEMPTS,
    RowFailed,
    already_registered,
    existing_keys,
    lock_imports,
    registered_meanwhile,
    row_key,
    write_institutions,
    write_people,
)
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
Cancelled = Callable[[], bool]


def _source(path: Source) -> Source:
    return path if isinstance(path, PastedText) else Path(path)


class _Ticker:
    """Reports progress every PROGRESS_EVERY rows and stops with ImportCancelled once the user cancelled."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None):
        self.progress, self.cancelled = progress, cancelled

    def __call__(self, stage: str, done: int, total: int, *, force: bool = False) -> None:
        if not force and done % PROGRESS_EVERY:
            return
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(stage, done, total)


class ImportService:
    def __init__(self, services, today=dt.date.today):
        self.services = services
        self.store = services.store
        self._today = today

    # --- preview ---------------------------------------------------------------------

    def preview(self, kind: str, path: Source, body_id: int | None = None, *, exception_reason: str = "",
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportPreview:
        """Read and check the whole file (or the pasted cells); change nothing. ``exception_reason`` lets a
        file that breaks the 성별 cap through (``run`` records it). ``cancelled()`` true: ImportCancelled."""
        return self._preview(kind, _source(path), body_id, exception_reason, _Ticker(progress, cancelled))

    def _preview(self, kind: str, path: Source, body_id: int | None, exception_reason: str,
                 tick: _Ticker) -> ImportPreview:
        if kind not in KINDS:
            raise ValidationError(_("Import 'institutions' or 'people', not '{kind}'.").format(kind=kind))
        body = self._body(body_id)
        pv = ImportPreview(kind=kind, path=path, body_name=body.name if body else None)
        tick(READING, 0, 0, force=True)
        try:
            tables = read_source(path)
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
            existing = existing_keys(kind, s)
        tick(CHECKING, 0, len(data), force=True)
        for n, (row_number, cells) in enumerate(data, start=1):
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
            tick(CHECKING, n, len(data))
        tick(CHECKING, len(data), len(data), force=True)
        self._duplicates(pv, existing)
        if kind == "people":
            known = existing["institutions"]
            seen: dict = {}
            for r in pv.rows:
                inst = r.clean.get("institution") or ""
                if inst and name_key(inst) not in known:
                    seen.setdefault(name_key(inst), inst)
            pv.new_institutions = list(seen.values())
            pv.similar_institutions = similar_names(pv.new_institutions, list(existing["institution_names"]))
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

    def _no_header(self, rows, columns: tuple[Column, ...], path: Path | PastedText) -> ImportProblem:
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

    def _duplicates(self, pv: ImportPreview, existing: dict[str, Any]) -> None:
        """Each row against the rows before it and the database: one dictionary look-up per row."""
        name_header = next(h for h, f in pv.columns.items() if f == "name")
        in_db = existing["institutions" if pv.kind == "institutions" else "people"]
        first_seen: dict[Any, int] = {}
        for r in pv.rows:
            key, shown = row_key(pv.kind, r)
            if key is None:
                continue
            if key in first_seen:
                r.problems.append(ImportProblem(r.row_number, name_header, _(
                    "'{name}' is a duplicate of row {row}.").format(name=shown, row=first_seen[key])))
            else:
                first_seen[key] = r.row_number
                if key in in_db:
                    r.problems.append(ImportProblem(r.row_number, name_header, already_registered(shown)))

    # --- run ---------------------------------------------------------------------------------

    def run(self, kind: str, path: Source, body_id: int | None = None, dry_run: bool = False, *,
            exception_reason: str = "", progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> ImportResult:
        """All or nothing: any problem anywhere and nothing is written. With ``exception_reason``, people
        who break the 성별 cap are appointed and the exception is recorded. ``cancelled()`` true before the
        commit: ImportCancelled, and nothing was written."""
        reason = (exception_reason or "").strip()
        path = _source(path)
        tick = _Ticker(progress, cancelled)
        pv = self._preview(kind, path, body_id, reason, tick)
        found: dict[str, Any] = {"warnings": pv.warnings, "composition_problem": pv.composition_problem, "sheet": pv.sheet,
                 "notes": pv.notes, "new_institutions": pv.new_institutions,
                 "similar_institutions": pv.similar_institutions}
        if pv.problems:
            return ImportResult(rows=0, problems=pv.problems, dry_run=dry_run, more_problems=pv.more_problems,
                                **found)
        if pv.composition_problem:
            found["exception_reason"] = reason
        if dry_run:
            return ImportResult(rows=len(pv.rows), dry_run=True, ignored_columns=pv.ignored_columns, **found)
        total = len(pv.rows)

        def step(done: int) -> None:
            tick(WRITING, done, total, force=True)

        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.store.write() as s:
                    step(0)
                    lock_imports(s)  # one import at a time; then what the preview found is checked again
                    late = registered_meanwhile(s, pv)
                    if late:
                        raise RowFailed(*late)
                    if kind == "institutions":
                        write_institutions(self.services, s, pv.rows, body_id, step)
                    else:
                        write_people(self.services, s, pv.rows, body_id, reason, step)
                    log_access(s, f"import.{kind}", target=path.name, detail=f"{total} rows")
                    step(total)  # the last moment to cancel: after this the transaction commits
            except RowFailed as failed:  # e.g. another import added the same names meanwhile; rolled back
                return ImportResult(rows=0, problems=failed.problems, **found)
            except IntegrityError:  # a name added at the same moment by someone not importing: check again
                if attempt + 1 < WRITE_ATTEMPTS:
                    continue
                return ImportResult(rows=0, problems=[ImportProblem(None, None, _(
                    "Someone else added the same institutions or people at the same moment; nothing was "
                    "imported. Check the file again and import it."))], **found)
            break
        return ImportResult(rows=total, ignored_columns=pv.ignored_columns, **found)
