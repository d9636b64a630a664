"""위촉장 issue register (발급대장): serials, issue, reprint, void.

Serials are unique per body and year (제2025-001호). They are assigned inside
``store.write()`` (BEGIN IMMEDIATE on SQLite) from the highest number of that
body and year plus one — void numbers count, so a number is never reused —
and the UniqueConstraint(body_id, year, seq) backs it with a retry, so two
machines on one PostgreSQL server cannot share a number either.

A body may put a prefix before its serials (``운영위 제2026-001호``, ``BodyRules.certificate_serial_prefix``),
so two bodies issuing in the name of one 위촉권자 do not print the same number; a serial is found
again by its number, with or without the prefix.

Every character is checked against the font before anything is recorded.
The PDF is rendered and handed to ``deliver`` (the CLI writes and fsyncs it
beside ``--out``) inside the writing transaction, so a disk that is full or
a file that cannot be written records nothing.

A body without its own seal prints none (stamped by hand: ``seal_notice`` says so);
the bundled sample prints only when chosen, marked 견본.

What was printed — the appointee's fields and the body's name, 위촉권자,
wording, border and 직인 — is frozen in the register, so a reprint matches
the original even after the body has changed.

Choosing and issuing a batch lives in ``services.certificate_batch`` (one query per list);
this module keeps the register: listing, the seal register, reprint and void.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

from sqlalchemy import func
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import CertificateStatus, PrintKind
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Body, Certificate, CertificatePrint, CertificateSeal
from aict_desktop.domain.serials import parse_serial
from aict_desktop.i18n import _
from aict_desktop.services.appointments import AppointmentService
from aict_desktop.services.certificate_batch import (  # noqa: F401 - re-exported: the register's one import
    FROZEN,
    ISSUE_LOCK,
    RETRIES,
    IssueMixin,
    IssueResult,
    SealKind,
    cert_data,
    certificate_row,
    seal_kind,
    seal_notice,
    serial_text,
)
from aict_desktop.services.lookup import require_body, stored_id
from aict_desktop.services.rows import CertificateRow
from aict_desktop.services.validation import clean_text
from aict_desktop.store.audit import log_access, os_user

_PREFIXED = re.compile(r"^(.*?)\s*(제?\d{4}-\d{3,}호?)$")


class CertificateService(IssueMixin):
    def __init__(self, store, today=dt.date.today, appointments: AppointmentService | None = None):
        self.store = store
        self._today = today
        # the rows of the pending list; the container passes its own (same "today")
        self.appointments = appointments or AppointmentService(store, today=today)

    # --- reading -------------------------------------------------------------

    def _body(self, s: Session, body_id: int) -> Body:
        return require_body(s, body_id)

    def list(self, body_id: int | None = None) -> list[CertificateRow]:
        with self.store.session() as s:
            q = select(Certificate, Body.name).join(Body, col(Certificate.body_id) == Body.id)
            if body_id is not None:
                q = q.where(Certificate.body_id == body_id)
            prints = dict(s.exec(select(CertificatePrint.certificate_id, func.count())
                                 .group_by(col(CertificatePrint.certificate_id))).all())
            return [certificate_row(c, name, prints.get(stored_id(c.id), 0))
                    for c, name in s.exec(q.order_by(col(Certificate.body_id), col(Certificate.year), col(Certificate.seq))).all()]

    def seal_prints(self, year: int, body_id: int | None = None):
        """Every print job of ``year`` that printed a seal image (the 견본 aside): the 관인 관리대장 lines.

        One line per PDF printed (an issue batch or a reprint), oldest first.
        """
        from aict_desktop.documents.certificate import sample_seal_png
        from aict_desktop.documents.registers import SealPrint

        sample = hashlib.sha256(sample_seal_png()).hexdigest()
        start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        with self.store.session() as s:
            q = (select(CertificatePrint, Certificate).join(Certificate, col(CertificatePrint.certificate_id) == Certificate.id)
                 .where(Certificate.seal_sha256 != "", Certificate.seal_sha256 != sample,
                        CertificatePrint.at >= start, CertificatePrint.at < end))
            if body_id is not None:
                q = q.where(Certificate.body_id == body_id)
            jobs: dict[tuple, list] = {}
            for pr, c in s.exec(q.order_by(col(CertificatePrint.at), col(CertificatePrint.id))).all():
                jobs.setdefault((pr.file_sha256 or pr.id, pr.kind), []).append((pr, c))
        out = []
        for (_file, kind), rows in jobs.items():
            first, last = rows[0][1], rows[-1][1]
            span = first.serial if len(rows) == 1 else f"{first.serial}~{last.serial}"
            out.append(SealPrint(on=rows[0][0].at.date(), document=f"{first.body_name} 위촉장 {span}",
                                 kind=kind.value, sheets=len(rows), by=rows[0][0].by,
                                 basis=f"발급대장 등재 ({kind.value})"))
        return out

    def seal_notice(self, body_id: int) -> str:
        """'' when the body prints its own seal; else what its certificates print instead (a warning)."""
        with self.store.session() as s:
            body = self._body(s, body_id)
            return seal_notice(body.name, body.seal_png)

    # --- reprint and void ------------------------------------------------------

    def _find(self, s: Session, serial: str, body_id: int | None) -> Certificate:
        """By number (``2026-001``, ``제2026-001호``) or as printed, prefix and all (``운영위 제2026-001호``)."""
        m = _PREFIXED.match((serial or "").strip())
        prefix, core = (m.group(1).strip(), m.group(2)) if m else ("", serial)
        year, seq = parse_serial(core)
        text = serial_text(prefix, year, seq)
        q = select(Certificate).where(Certificate.year == year, Certificate.seq == seq)
        if body_id is not None:
            q = q.where(Certificate.body_id == body_id)
        found = [c for c in s.exec(q) if not prefix or c.serial == text]
        if not found:
            raise NotFound(_("There is no certificate {serial}.").format(serial=text))
        if len(found) > 1:
            names = ", ".join(self._body(s, c.body_id).name for c in found)
            raise ValidationError(
                _("Certificate {serial} exists in several bodies ({bodies}); say which body.").format(serial=text, bodies=names)
            )
        return found[0]

    def reprint(self, serial: str, body_id: int | None = None, deliver: Callable[[bytes], None] | None = None) -> bytes:
        """The same certificate again (same serial, frozen fields), recorded as 재발급 (``deliver`` as for issue)."""
        from aict_desktop.documents import certificate

        with self.store.write() as s:
            c = self._find(s, serial, body_id)
            if c.status is CertificateStatus.VOID:
                raise ValidationError(
                    _("Certificate {serial} was voided ({reason}) and cannot be reprinted.").format(
                        serial=c.serial, reason=c.void_reason)
                )
            seal = s.get(CertificateSeal, c.seal_sha256) if c.seal_sha256 else None
            if c.seal_sha256 and seal is None:
                raise ValidationError(
                    _("The seal image certificate {serial} was printed with is missing from the data file, so it "
                      "cannot be reprinted as it was.").format(serial=c.serial))
            frozen = {k: getattr(c, k) for k in FROZEN}
            pdf = certificate.render([cert_data(frozen, seal.png if seal else None, c.serial, c.issued_on)],
                                     title=f"{c.body_name} 위촉장 (재발급)")
            assert c.id is not None  # a stored certificate
            s.add(CertificatePrint(certificate_id=c.id, kind=PrintKind.REPRINT, by=os_user(),
                                   file_sha256=hashlib.sha256(pdf).hexdigest()))
            log_access(s, "certificate.reprint", target=c.serial, subject=c.person_name, detail=c.body_name)
            s.flush()
            if deliver is not None:
                deliver(pdf)
            return pdf

    def void(self, serial: str, reason: str, body_id: int | None = None) -> None:
        """폐기: the certificate stops being valid; its number is never given again."""
        why = clean_text(reason, _("Reason"), required=True, max_len=500, field="reason")
        with self.store.write() as s:
            c = self._find(s, serial, body_id)
            if c.status is CertificateStatus.VOID:
                raise ValidationError(_("Certificate {serial} is already void.").format(serial=c.serial))
            c.status = CertificateStatus.VOID
            c.void_reason = why
            c.voided_at = dt.datetime.now().replace(microsecond=0)
            s.add(c)
            log_access(s, "certificate.void", target=c.serial, subject=c.person_name, detail=why)
