"""What an import found and did: problems (with the row and column), the checked rows, the result.

Kept apart from ``services.importing`` (which reads, checks and writes) so the
UI and the CLI can use these without the service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aict_desktop.i18n import _

# progress(stage, done, total): reported every PROGRESS_EVERY rows; total 0 while the file is being read
READING, CHECKING, WRITING = "read", "check", "write"
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 500


class ImportCancelled(Exception):
    """The user pressed 취소 while the file was checked or written; nothing was changed."""


def stage_text(stage: str, done: int, total: int) -> str:
    """The progress line: 확인 12,000 / 130,000행."""
    if stage == READING:
        return _("Reading the file…")
    if stage == WRITING:
        return _("Importing rows: {done} of {total}").format(done=f"{done:,}", total=f"{total:,}")
    return _("Checking rows: {done} of {total}").format(done=f"{done:,}", total=f"{total:,}")


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
    path: Path | Any  # the file, or services.import_readers.PastedText
    headers: list[str] = field(default_factory=list)  # recognised headers, as written, in file order
    rows: list[PreviewRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)  # every problem, file-level ones first
    columns: dict[str, str] = field(default_factory=dict)  # header as written → field
    ignored_columns: list[str] = field(default_factory=list)
    new_institutions: list[str] = field(default_factory=list)  # people: institutions that will be created
    similar_institutions: dict[str, str] = field(default_factory=dict)  # new name → an existing one close to it
    body_name: str | None = None
    encoding: str = ""
    sheet: str = ""
    warnings: list[str] = field(default_factory=list)  # from the body's rules (e.g. 연임, 중복위촉); not problems
    composition_problem: str | None = None  # the 성별 cap would be broken (a problem unless a reason is given)
    composition_before: str = ""  # the body's composition without and with the imported people
    composition_after: str = ""
    notes: list[str] = field(default_factory=list)  # about the file (e.g. hidden sheets not read)
    more_problems: int = 0  # problems beyond the first MAX_PROBLEMS, not listed

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more_problems


@dataclass
class ImportResult:
    rows: int  # rows imported, or with dry_run the rows that would be
    problems: list[ImportProblem] = field(default_factory=list)
    dry_run: bool = False
    ignored_columns: list[str] = field(default_factory=list)  # headers the importer does not know
    warnings: list[str] = field(default_factory=list)
    composition_problem: str | None = None  # refused for it, or (with a reason) recorded as an exception
    exception_reason: str = ""
    sheet: str = ""  # .xlsx: the sheet that was read
    notes: list[str] = field(default_factory=list)
    more_problems: int = 0  # problems beyond those listed
    new_institutions: list[str] = field(default_factory=list)  # people: created (or, dry run, to be created)
    similar_institutions: dict[str, str] = field(default_factory=dict)  # new name → an existing one close to it

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more_problems

    def more_text(self) -> str:
        """``외 N건``: what follows the listed problems when some were left out."""
        return _("… and {n} more problems.").format(n=self.more_problems) if self.more_problems else ""
