"""``aict check``: integrity, foreign keys and the access log (hash chain, end marker, base, seal).

A damaged file is a finding, never a traceback: once SQLite's integrity check fails, the
checks that would read the damaged tables are not run, and the report says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from aict_desktop.i18n import _
from aict_desktop.store.audit_verify import check_log
from aict_desktop.store.sqlite_files import DamagedFile


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def damage_report(detail: str) -> CheckReport:
    """The report for a file SQLite finds damaged (also when it cannot even be opened)."""
    report = CheckReport()
    report.problems.append(_("The file is damaged: {detail}").format(detail=detail))
    report.problems.append(_("Do not keep working in this file. Restore the latest good backup ('aict restore "
                             "FILE'); the automatic backups were not replaced by the damaged file."))
    return report


def run_checks(store) -> CheckReport:
    try:
        return _run_checks(store)
    except DatabaseError as exc:  # a damaged page met by one of the later checks
        return damage_report(str(getattr(exc, "orig", None) or exc))
    except DamagedFile as exc:
        return damage_report(exc.detail)


def _run_checks(store) -> CheckReport:
    report = CheckReport()
    with store.engine.connect() as conn:
        if store.is_sqlite:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)").fetchall()]
            if rows != ["ok"]:
                return damage_report("; ".join(rows[:5]))
            report.notes.append(_("File structure: intact."))
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                for table, rowid, parent, _n in fk[:10]:
                    report.problems.append(
                        _("Row {rowid} of {table} points to a missing {parent} record.").format(
                            rowid=rowid, table=table, parent=parent
                        )
                    )
            else:
                report.notes.append(_("References between records: all valid."))
        counts = {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
            for t in ("body", "institution", "person", "appointment", "meeting", "task", "certificate")
        }
        report.notes.append(
            _(
                "Records: {body} bodies, {institution} institutions, {person} people, {appointment} appointments, "
                "{meeting} meetings, {task} tasks, {certificate} certificates."
            ).format(**counts)
        )
    _check_personal(store, report)
    log = check_log(store)  # chain, end marker, archive base, seal, and what the data says was logged
    report.problems += log.problems
    if not log.problems:
        report.notes.append(_("Access log: chain intact."))
    report.notes += log.notes
    return report


def _check_personal(store, report: CheckReport) -> None:
    """Encrypted columns must hold only well-formed ciphertext (never clear text)."""
    from sqlmodel import select

    from aict_desktop.domain.models import Person
    from aict_desktop.domain.ciphertext import looks_encrypted

    bad, rrn, bank = [], 0, 0
    with store.session() as s:
        for pid, r, b in s.exec(select(Person.id, Person.rrn_enc, Person.bank_enc)):
            rrn += r is not None
            bank += b is not None
            if not looks_encrypted(r) or not looks_encrypted(b):
                bad.append(pid)
    for pid in bad[:10]:
        report.problems.append(
            _("Person {id} has personal data that is not encrypted (or was altered by hand).").format(id=pid)
        )
    if not bad:
        report.notes.append(
            _("Personal data: {rrn} resident registration numbers and {bank} bank accounts, all encrypted.").format(
                rrn=rrn, bank=bank)
        )
