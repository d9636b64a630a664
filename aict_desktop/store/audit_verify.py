"""Checking the 접속기록 (``aict check``, the access log window): chain, end anchor, base, seal, data.

Beyond the hash chain (an edited or deleted entry breaks it) and the end anchor (entries removed
from the end), a log that was wiped, cut or re-based WITHOUT computing any hash is caught by what
the rest of the file says:

* a file holding personal data (주민등록번호, bank accounts), certificates or confirmed minutes
  must have a log — every one of those was written together with an entry;
* the newest certificate print or minutes confirmation cannot be later than the newest entry, and
  every certificate print has its ``certificate.issue`` / ``reprint`` entry (by serial);
* an archive base (``audit.base``) must be named by the newest ``log.prune`` entry in the log
  (its subject ``#first-#last``), which archived only entries at least two years old;
* where this computer holds the seal key (``audit_mac``), the seal must verify and its entry be
  in the chain with the sealed hash — so even a chain recomputed by hand is caught.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import col, select

from aict_desktop.domain.models import AccessLog, Certificate, CertificatePrint, Meeting, Person
from aict_desktop.i18n import _
from aict_desktop.store import audit_mac

PRUNE_SUBJECT = re.compile(r"^#(\d+)-#(\d+)$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK_SLACK = dt.timedelta(seconds=2)
PRINT_ACTIONS = ("certificate.issue", "certificate.reprint")


@dataclass
class LogReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _when(at: dt.datetime) -> str:
    return at.isoformat(sep=" ", timespec="seconds")


def check_log(store) -> LogReport:
    from aict_desktop.store.audit import ANCHOR_KEY, BASE_KEY, GENESIS, _read_json, entry_hash

    report = LogReport()
    with store.session() as s:
        base_row, base = _read_json(s, BASE_KEY)
        anchor_row, anchor = _read_json(s, ANCHOR_KEY)
        prev = base.get("hash", GENESIS)
        through = int(base.get("through_id", 0) or 0)
        count, last, newest_at, last_prune, by_id = 0, None, None, None, {}
        oldest_at, printed = None, Counter[str]()
        for e in s.exec(select(AccessLog).order_by(col(AccessLog.id))):
            if e.id <= through or e.prev_hash != prev or entry_hash(e, prev) != e.hash:
                report.problems.append(_(
                    "Access log entry {id} ({at}, {action}) has been altered or an entry before it was removed."
                ).format(id=e.id, at=_when(e.at), action=e.action))
                return report
            prev = e.hash
            count += 1
            last = e
            by_id[e.id] = e.hash
            newest_at = e.at if newest_at is None or e.at > newest_at else newest_at
            oldest_at = oldest_at or e.at
            if e.action in PRINT_ACTIONS:
                printed[e.target] += 1
            if e.action == "log.prune":
                last_prune = e
        _check_anchor(report, anchor_row, anchor, count, last)
        if base_row is not None:
            _check_base(report, base, through, last_prune)
        _check_data(report, s, count, newest_at)
        if count:
            _check_prints(report, s, printed, oldest_at if base_row is not None else None)
        _check_seal(report, s, base if base_row is not None else {}, anchor, by_id, last)
    return report


def _check_anchor(report: LogReport, anchor_row, anchor: dict, count: int, last) -> None:
    if anchor.get("damaged"):
        report.problems.append(_("The access log's end marker has been altered."))
        return
    if last is None and anchor_row is None:
        return
    if anchor_row is None:
        report.problems.append(_("The access log's end marker is missing: entries at the end of the log may have "
                                 "been removed (the log now ends at entry {id}).").format(id=last.id))
        return
    if "gap_before" in anchor:
        report.problems.append(_("The access log's end marker was missing when entry {id} was written: entries "
                                 "before it may have been removed.").format(id=anchor["gap_before"]))
        return
    a_count, a_last = int(anchor.get("count", -1)), int(anchor.get("last_id", -1))
    if last is not None and a_count == count and a_last == last.id and anchor.get("last_hash") == last.hash:
        return
    if last is not None and a_count > count and a_last > last.id:
        report.problems.append(_("The last {n} access log entries have been removed (the log ends at entry {id}; "
                                 "it should end at entry {expected}).").format(n=a_count - count, id=last.id,
                                                                               expected=a_last))
    elif last is None:
        report.problems.append(_("All {n} access log entries have been removed.").format(n=a_count))
    else:
        report.problems.append(_("The access log's end marker does not match the log (it should end at entry "
                                 "{expected}, with {n} entries; it ends at entry {id}, with {count}).").format(
                                     expected=a_last, n=a_count, id=last.id, count=count))


def _check_base(report: LogReport, base: dict, through: int, last_prune) -> None:
    """A base is only ever written by ``prune``, together with its own ``log.prune`` entry."""
    from aict_desktop.store.audit import RETENTION_YEARS, retention_cutoff

    match = PRUNE_SUBJECT.match(last_prune.subject) if last_prune is not None else None
    if match is None or int(match.group(2)) != through or not base.get("hash"):
        report.problems.append(_("The access log says its entries up to no. {id} were archived, but the log holds "
                                 "no archive entry for them: the beginning of the log was removed.").format(
                                     id=through))
        return
    found = _ISO_DATE.search(last_prune.detail)
    before = dt.date.fromisoformat(found.group(0)) if found else None
    if before is None or before > retention_cutoff(last_prune.at.date()):
        report.problems.append(_("Access log entry {id} archived entries younger than {years} years, which the "
                                 "program never does: the beginning of the log was removed.").format(
                                     id=last_prune.id, years=RETENTION_YEARS))


def _data_evidence(s) -> tuple[list[str], list[tuple[dt.datetime, str]]]:
    """What in the file must have been logged: kinds present, and the newest logged-at times."""
    kinds = []
    personal = s.exec(select(func.count()).select_from(Person).where(
        col(Person.rrn_enc).is_not(None) | col(Person.bank_enc).is_not(None))).one()
    if personal:
        kinds.append(_("personal data of {n} people").format(n=personal))
    prints, printed_at = s.exec(select(func.count(), func.max(CertificatePrint.at))).one()
    if prints:
        kinds.append(_("{n} certificate prints").format(n=prints))
    confirmed, confirmed_at = s.exec(select(func.count(), func.max(Meeting.minutes_confirmed_at)).where(
        col(Meeting.minutes_confirmed_at).is_not(None))).one()
    if confirmed:
        kinds.append(_("{n} confirmed minutes").format(n=confirmed))
    times = [(printed_at, _("a certificate was printed")), (confirmed_at, _("minutes were confirmed"))]
    return kinds, [(t, what) for t, what in times if t is not None]


def _check_data(report: LogReport, s, count: int, newest_at) -> None:
    kinds, times = _data_evidence(s)
    if count == 0:
        if kinds:
            report.problems.append(_("The data file holds {what}, but its access log is empty: the log has been "
                                     "deleted.").format(what=", ".join(kinds)))
        return
    for at, what in times:
        if at > newest_at + CLOCK_SLACK:
            report.problems.append(_("The data file says {what} at {at}, after the newest access log entry "
                                     "({last}): entries at the end of the log were removed.").format(
                                         what=what, at=_when(at), last=_when(newest_at)))


def _check_prints(report: LogReport, s, logged: Counter, since) -> None:
    """Every certificate print (issue, reprint) was logged with its serial in the same transaction.

    After an archive (``since``: the oldest entry kept) only prints younger than that are counted.
    """
    q = select(Certificate.serial, func.count()).join(CertificatePrint,
                                                      col(CertificatePrint.certificate_id) == Certificate.id)
    if since is not None:
        q = q.where(CertificatePrint.at > since + CLOCK_SLACK)
    for serial, n in s.exec(q.group_by(Certificate.serial)):
        if n > logged[serial]:
            report.problems.append(_("Certificate {serial} was printed {n} time(s), but the access log records "
                                     "{m}: entries were removed from the log.").format(serial=serial, n=n,
                                                                                        m=logged[serial]))
            return


def _check_seal(report: LogReport, s, base: dict, anchor: dict, by_id: dict, last) -> None:
    info = audit_mac.mac_info(s)
    db_id = audit_mac.database_id(s)
    if info is None:
        if db_id and audit_mac.keyring_key(db_id)[1] is not None:
            report.problems.append(_("This computer holds the seal key of this data file's access log, but the file "
                                     "has no seal: the seal was removed, or the file was replaced by an older "
                                     "copy."))
        else:
            report.notes.append(_("Access log: not sealed (no key in a system keyring was available when it was "
                                  "written); protected by its hash chain."))
        return
    if info.get("damaged"):
        report.problems.append(_("The access log's seal settings have been altered."))
        return
    key = audit_mac.file_key(s, db_id)
    if key is None and audit_mac.keyring_key(db_id)[1] is not None:
        report.problems.append(_("The access log's seal settings do not match this computer's seal key for this "
                                 "data file: they were altered, or the file was sealed on another computer."))
        return
    if key is None:
        report.notes.append(_("Access log: sealed, but the seal key is not on this computer, so the seal was not "
                              "checked here (check on the computer that holds the key)."))
        return
    seal = anchor.get("seal")
    if not isinstance(seal, dict):
        report.problems.append(_("The access log's seal has been removed from its end marker."))
        return
    if not audit_mac.seal_valid(key, db_id, base, seal):
        report.problems.append(_("The access log's seal does not match: the log or its archive base was changed and "
                                 "the hashes recomputed, or the seal was edited."))
        return
    sealed_id = int(seal["id"])
    if by_id.get(sealed_id) != seal["hash"]:
        if sealed_id not in by_id:
            report.problems.append(_("Access log entry {id}, the last sealed one, is missing: entries at the end of "
                                     "the log were removed.").format(id=sealed_id))
        else:
            report.problems.append(_("Access log entry {id} does not match its seal: the log was changed and the "
                                     "hashes recomputed.").format(id=sealed_id))
        return
    unsealed = sum(1 for i in by_id if i > sealed_id)
    if unsealed:
        report.notes.append(_("Access log: sealed up to entry {id}; the {n} entries after it were written without "
                              "the seal key and are protected by the hash chain only.").format(id=sealed_id,
                                                                                             n=unsealed))
    else:
        report.notes.append(_("Access log: seal verified."))
