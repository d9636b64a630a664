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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from aict_desktop.domain.enums import CertificateStatus, PrintKind
from aict_desktop.domain.errors import ConflictError, NotFound, ValidationError
from aict_desktop.domain.models import (
    Appointment,
    Body,
    Certificate,
    CertificatePrint,
    CertificateSeal,
    Institution,
    Person,
)
from aict_desktop.domain.serials import format_serial, parse_serial
from aict_desktop.domain.rules import gets_certificate, printed_position, role_sort_key, rules_of, serves_on
from aict_desktop.i18n import _
from aict_desktop.services.appointments import AppointmentService
from aict_desktop.services.rows import AppointmentRow, CertificateRow
from aict_desktop.services.validation import clean_text
from aict_desktop.services.lookup import require_body
from aict_desktop.store.audit import log_access, os_user

ISSUE_LOCK = 0x41494356  # PostgreSQL advisory lock (with the body id): one issuing transaction per body at a time

RETRIES = 10


_PREFIXED = re.compile(r"^(.*?)\s*(제?\d{4}-\d{3,}호?)$")
SealKind = str  # "own", "sample" or "none"


@dataclass
class IssueResult:
    pdf: bytes
    certificates: list[CertificateRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def serial_text(prefix: str, year: int, seq: int) -> str:
    """``제2026-001호``, or with the body's prefix ``운영위 제2026-001호``."""
    core = format_serial(year, seq)
    return f"{prefix} {core}" if prefix else core


def seal_kind(png: bytes | None) -> SealKind:
    from aict_desktop.documents.certificate import is_sample_seal

    return "none" if not png else "sample" if is_sample_seal(png) else "own"


def seal_notice(body_name: str, png: bytes | None) -> str:
    """What the certificates of a body print as 직인, when it is not the body's own seal ('' when it is)."""
    kind = seal_kind(png)
    if kind == "none":
        return _("{body} has no seal image, so the certificates print without a seal: stamp the 직인 by hand "
                 "(or choose the body's seal in Settings → Settings per body).").format(body=body_name)
    if kind == "sample":
        return _("{body} prints the bundled sample seal: every page is marked 견본 (sample) and is not a valid "
                 "certificate.").format(body=body_name)
    return ""


# the fields a certificate keeps of what it printed (Certificate columns and CertificateData fields alike)
FROZEN = ("person_name", "institution_name", "position_title", "role_label", "term_start", "term_end",
          "body_name", "issuer", "wording", "border")


def _frozen(s: Session, body: Body, a: Appointment) -> dict:
    """What the certificate prints about the appointee and the body, as of now."""
    person = s.get(Person, a.person_id)
    inst = s.get(Institution, person.institution_id) if person.institution_id else None
    return {
        "person_name": person.name,
        "institution_name": inst.name if inst else "",
        "position_title": printed_position(a.position_title, person.position),
        "role_label": a.role.value,
        "term_start": a.term_start,
        "term_end": a.term_end,
        "body_name": body.name,
        "issuer": body.issuer or body.name,
        "wording": body.certificate_wording,
        "border": body.certificate_border,
    }


def _data(frozen: dict, seal_png: bytes | None, serial: str, issued_on: dt.date):
    from aict_desktop.documents.data import CertificateData

    return CertificateData(serial=serial, issued_on=issued_on, seal_png=seal_png, **frozen)


def _keep_seal(s: Session, png: bytes | None) -> str:
    """Store the seal image once; its SHA-256 ('' when no seal was printed)."""
    if not png:
        return ""
    digest = hashlib.sha256(png).hexdigest()
    if s.get(CertificateSeal, digest) is None:
        s.add(CertificateSeal(sha256=digest, png=png))
    return digest


def _issue_date(on) -> dt.date:
    """The 발급일 printed and kept in the register (a four-digit year: it is part of the serial)."""
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime) or not 1900 <= on.year <= 9999:
        raise ValidationError(_("'{value}' is not an issue date (write it as 2026-03-02).").format(value=on),
                              field="issued_on")
    return on


class CertificateService:
    def __init__(self, store, today=dt.date.today, appointments: AppointmentService | None = None):
        self.store = store
        self._today = today
        # the rows of the pending list; the container passes its own (same "today")
        self.appointments = appointments or AppointmentService(store, today=today)

    # --- reading -------------------------------------------------------------

    def _body(self, s: Session, body_id: int) -> Body:
        return require_body(s, body_id)

    def _valid_cert(self, s: Session, appointment_id: int) -> Certificate | None:
        return s.exec(select(Certificate).where(Certificate.appointment_id == appointment_id,
                                                Certificate.status == CertificateStatus.VALID)).first()

    def _waiting(self, s: Session, body_id: int, on: dt.date) -> list[Appointment]:
        """Current appointees without a valid certificate for this term, in role order."""
        current = [
            a for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
            if serves_on(a, on)
        ]
        waiting = [a for a in current if self._valid_cert(s, a.id) is None]
        names = {a.id: s.get(Person, a.person_id).name for a in waiting}
        return sorted(waiting, key=lambda a: role_sort_key(a.role, a.kind, names[a.id], a.id))

    def _pending(self, s: Session, body: Body, on: dt.date, include_ex_officio: bool = False) -> list[Appointment]:
        """Those of them a batch gives a 위촉장: 위촉직 only, unless 당연직 are asked for or the body says so."""
        rules = rules_of(body)
        return [a for a in self._waiting(s, body.id, on)
                if gets_certificate(a.kind, rules, chosen=include_ex_officio)]

    def pending(self, body_id: int, *, include_ex_officio: bool = False) -> list[AppointmentRow]:
        """Current appointees of the body without a valid certificate for this term (당연직 only when asked)."""
        with self.store.session() as s:
            body = self._body(s, body_id)
            ids = [a.id for a in self._pending(s, body, self._today(), include_ex_officio)]
        by_id = {r.id: r for r in self.appointments.list(body_id=body_id)}
        return [by_id[i] for i in ids if i in by_id]

    def list(self, body_id: int | None = None) -> list[CertificateRow]:
        with self.store.session() as s:
            q = select(Certificate, Body.name).join(Body, Certificate.body_id == Body.id)
            if body_id is not None:
                q = q.where(Certificate.body_id == body_id)
            prints = dict(s.exec(select(CertificatePrint.certificate_id, func.count())
                                 .group_by(CertificatePrint.certificate_id)).all())
            return [self._row(c, name, prints.get(c.id, 0))
                    for c, name in s.exec(q.order_by(Certificate.body_id, Certificate.year, Certificate.seq)).all()]

    def seal_prints(self, year: int, body_id: int | None = None):
        """Every print job of ``year`` that printed a seal image (the 견본 aside): the 관인 관리대장 lines.

        One line per PDF printed (an issue batch or a reprint), oldest first.
        """
        from aict_desktop.documents.certificate import sample_seal_png
        from aict_desktop.documents.registers import SealPrint

        sample = hashlib.sha256(sample_seal_png()).hexdigest()
        start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        with self.store.session() as s:
            q = (select(CertificatePrint, Certificate).join(Certificate, CertificatePrint.certificate_id == Certificate.id)
                 .where(Certificate.seal_sha256 != "", Certificate.seal_sha256 != sample,
                        CertificatePrint.at >= start, CertificatePrint.at < end))
            if body_id is not None:
                q = q.where(Certificate.body_id == body_id)
            jobs: dict[tuple, list] = {}
            for pr, c in s.exec(q.order_by(CertificatePrint.at, CertificatePrint.id)).all():
                jobs.setdefault((pr.file_sha256 or pr.id, pr.kind), []).append((pr, c))
        out = []
        for (_file, kind), rows in jobs.items():
            first, last = rows[0][1], rows[-1][1]
            span = first.serial if len(rows) == 1 else f"{first.serial}~{last.serial}"
            out.append(SealPrint(on=rows[0][0].at.date(), document=f"{first.body_name} 위촉장 {span}",
                                 kind=kind.value, sheets=len(rows), by=rows[0][0].by,
                                 basis=f"발급대장 등재 ({kind.value})"))
        return out

    @staticmethod
    def _row(c: Certificate, body_name: str, prints: int) -> CertificateRow:
        return CertificateRow(
            serial=c.serial, person=c.person_name, body=body_name, role=c.role_label, issued_on=c.issued_on,
            status=c.status.value, id=c.id, body_id=c.body_id, appointment_id=c.appointment_id,
            institution=c.institution_name, position=c.position_title, term_start=c.term_start,
            term_end=c.term_end, year=c.year, seq=c.seq, prints=prints, void_reason=c.void_reason,
        )

    # --- issuing -------------------------------------------------------------

    def _chosen(self, s: Session, body: Body, appointment_ids, on: dt.date) -> list[Appointment]:
        """The batch: the pending appointees, or exactly the appointments named (당연직 included)."""
        if appointment_ids is None:
            chosen = self._pending(s, body, on)
            if not chosen:
                if self._waiting(s, body.id, on):  # only members a batch leaves out (당연직) are waiting
                    raise ValidationError(_(
                        "No appointed member of {body} is waiting for a certificate; ex officio members get one "
                        "only when chosen (--appointment ID).").format(body=body.name))
                raise ValidationError(
                    _("Every current appointee of {body} already has a certificate for this term.").format(body=body.name)
                )
            return chosen
        chosen = []
        for aid in dict.fromkeys(appointment_ids):
            a = s.get(Appointment, int(aid))
            if a is None:
                raise NotFound(_("There is no appointment {id}.").format(id=aid))
            if a.body_id != body.id:
                raise ValidationError(_("Appointment {id} is not in {body}.").format(id=aid, body=body.name))
            held = self._valid_cert(s, a.id)
            if held is not None:
                raise ValidationError(
                    _("{name} already holds certificate {serial} for this term; reprint it or void it first.").format(
                        name=held.person_name, serial=held.serial)
                )
            chosen.append(a)
        if not chosen:
            raise ValidationError(_("Choose at least one appointment."))
        return chosen

    @staticmethod
    def _next_seq(s: Session, body_id: int, year: int) -> int:
        top = s.exec(select(func.max(Certificate.seq)).where(Certificate.body_id == body_id,
                                                             Certificate.year == year)).one()
        return (top or 0) + 1

    def seal_notice(self, body_id: int) -> str:
        """'' when the body prints its own seal; else what its certificates print instead (a warning)."""
        with self.store.session() as s:
            body = self._body(s, body_id)
            return seal_notice(body.name, body.seal_png)

    def preview(self, body_id: int, appointment_ids=None, on: dt.date | None = None) -> bytes:
        """The PDF marked "미리보기 — 발급되지 않음", without a serial (``제2026-    호``); nothing is recorded."""
        from aict_desktop.documents import certificate

        on = _issue_date(on or self._today())
        with self.store.session() as s:
            body = self._body(s, body_id)
            chosen = self._chosen(s, body, appointment_ids, on)
            serial = certificate.preview_serial(rules_of(body).certificate_serial_prefix, on.year)
            items = [_data(_frozen(s, body, a), body.seal_png, serial, on) for a in chosen]
        return certificate.render(items, title=f"{body.name} 위촉장 (미리보기 — 발급되지 않음)", preview=True)

    def issue(self, body_id: int, appointment_ids=None, on: dt.date | None = None,
              deliver: Callable[[bytes], None] | None = None) -> IssueResult:
        """Assign serials, print, and record the issue; all or nothing.

        ``deliver(pdf)`` runs before the commit: if it raises (a full disk), nothing is recorded.
        """
        from aict_desktop.documents import certificate

        on = _issue_date(on or self._today())
        with self.store.session() as s:  # refuse bad input before taking the write lock
            body = self._body(s, body_id)
            chosen = self._chosen(s, body, appointment_ids, on)
            first = serial_text(rules_of(body).certificate_serial_prefix, on.year, 1)
            certificate.preflight([_data(_frozen(s, body, a), body.seal_png, first, on) for a in chosen])
            notice = seal_notice(body.name, body.seal_png)
        ids = [a.id for a in chosen]
        for _attempt in range(RETRIES):
            try:
                result = self._issue_once(body_id, ids, on, deliver)
                result.warnings = [w for w in (notice, self._shared_serials(body_id, result.certificates)) if w]
                return result
            except IntegrityError:  # another machine took the number first: take the next one
                time.sleep(random.uniform(0.01, 0.05) * (_attempt + 1))
        raise ConflictError(_("Could not assign a certificate serial; others are issuing at the same time. Try again."))

    def _shared_serials(self, body_id: int, certs: list[CertificateRow]) -> str:
        """A warning when another body of the same 위촉권자 has printed one of these serials too."""
        with self.store.session() as s:
            body = self._body(s, body_id)
            other = s.exec(select(Certificate.body_name).where(
                Certificate.body_id != body_id, Certificate.issuer == (body.issuer or body.name),
                Certificate.serial.in_([c.serial for c in certs]))).first()
        if other is None:
            return ""
        return _("{other} has issued certificates with the same serials in the name of the same issuer; give each "
                 "body a serial prefix in Settings → Settings per body.").format(other=other)

    def _issue_once(self, body_id: int, ids: list[int], on: dt.date, deliver=None) -> IssueResult:
        from aict_desktop.documents import certificate

        with self.store.write() as s:
            if s.get_bind().dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises writers
                s.execute(text("SELECT pg_advisory_xact_lock(:k, :b)"), {"k": ISSUE_LOCK, "b": body_id})
            body = self._body(s, body_id)
            chosen = self._chosen(s, body, ids, on)  # again, under the lock
            first = self._next_seq(s, body.id, on.year)
            frozen = [_frozen(s, body, a) for a in chosen]
            prefix = rules_of(body).certificate_serial_prefix
            serials = [serial_text(prefix, on.year, first + i) for i in range(len(chosen))]
            pdf = certificate.render([_data(f, body.seal_png, serial, on) for f, serial in zip(frozen, serials)],
                                     title=f"{body.name} 위촉장")
            digest = hashlib.sha256(pdf).hexdigest()
            who = os_user()
            seal = _keep_seal(s, body.seal_png)
            certs = []
            for i, (a, f, serial) in enumerate(zip(chosen, frozen, serials)):
                c = Certificate(body_id=body.id, year=on.year, seq=first + i, serial=serial, appointment_id=a.id,
                                issued_on=on, status=CertificateStatus.VALID, seal_sha256=seal, **f)
                s.add(c)
                s.flush()
                s.add(CertificatePrint(certificate_id=c.id, kind=PrintKind.ISSUE, by=who, file_sha256=digest))
                log_access(s, "certificate.issue", target=serial, subject=f["person_name"], detail=body.name)
                certs.append(self._row(c, body.name, 1))
            s.flush()  # a clash of serials shows here, before the file is written
            if deliver is not None:
                deliver(pdf)
            return IssueResult(pdf=pdf, certificates=certs)

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
            pdf = certificate.render([_data(frozen, seal.png if seal else None, c.serial, c.issued_on)],
                                     title=f"{c.body_name} 위촉장 (재발급)")
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
