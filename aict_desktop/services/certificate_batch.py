"""A batch of 위촉장: who gets one, what each prints, and issuing it — one query per list.

The appointees of a batch are read with their person and institution in one statement, and
the valid certificates they already hold in one more, however many there are; the register's
rows are inserted together. Only the access log still writes one entry per certificate (each
entry's hash covers the one before it: ``store.audit``). See ``services.certificates`` for the
register's rules (serials, prefix, seal, frozen fields).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, insert, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

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
from aict_desktop.domain.rules import gets_certificate, printed_position, role_sort_key, rules_of, serves_on
from aict_desktop.domain.serials import format_serial
from aict_desktop.i18n import _
from aict_desktop.services.lookup import require_body, stored_id
from aict_desktop.services.rows import AppointmentRow, CertificateRow
from aict_desktop.store.audit import log_accesses, os_user

if TYPE_CHECKING:
    from aict_desktop.documents.data import CertificateData
    from aict_desktop.services.appointments import AppointmentService
    from aict_desktop.store.engine import Store

ISSUE_LOCK = 0x41494356  # PostgreSQL advisory lock (with the body id): one issuing transaction per body at a time
RETRIES = 10
SealKind = str  # "own", "sample" or "none"

# the fields a certificate keeps of what it printed (Certificate columns and CertificateData fields alike)
FROZEN = ("person_name", "institution_name", "position_title", "role_label", "term_start", "term_end",
          "body_name", "issuer", "wording", "border")
AppointmentIds = Iterable[int | str]  # as the caller names them (the CLI's --appointment, the dialog's ids)


@dataclass
class IssueResult:
    pdf: bytes
    certificates: list[CertificateRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Appointee:
    """An appointment of the batch with the person and institution it prints (read in one statement)."""

    appointment: Appointment
    person: Person
    institution: Institution | None

    @property
    def id(self) -> int:
        """The appointment's id."""
        return stored_id(self.appointment.id)


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


def certificate_row(c: Certificate, body_name: str, prints: int) -> CertificateRow:
    return CertificateRow(
        serial=c.serial, person=c.person_name, body=body_name, role=c.role_label, issued_on=c.issued_on,
        status=c.status.value, id=stored_id(c.id), body_id=c.body_id, appointment_id=c.appointment_id,
        institution=c.institution_name, position=c.position_title, term_start=c.term_start,
        term_end=c.term_end, year=c.year, seq=c.seq, prints=prints, void_reason=c.void_reason,
    )


def frozen_fields(body: Body, who: Appointee) -> dict[str, Any]:
    """What the certificate prints about the appointee and the body, as of now."""
    a, person, inst = who.appointment, who.person, who.institution
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


def cert_data(frozen: dict[str, Any], seal_png: bytes | None, serial: str, issued_on: dt.date) -> CertificateData:
    from aict_desktop.documents.data import CertificateData

    return CertificateData(serial=serial, issued_on=issued_on, seal_png=seal_png, **frozen)


def keep_seal(s: Session, png: bytes | None) -> str:
    """Store the seal image once; its SHA-256 ('' when no seal was printed)."""
    if not png:
        return ""
    digest = hashlib.sha256(png).hexdigest()
    if s.get(CertificateSeal, digest) is None:
        s.add(CertificateSeal(sha256=digest, png=png))
    return digest


def issue_date(on: object) -> dt.date:
    """The 발급일 printed and kept in the register (a four-digit year: it is part of the serial)."""
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime) or not 1900 <= on.year <= 9999:
        raise ValidationError(_("'{value}' is not an issue date (write it as 2026-03-02).").format(value=on),
                              field="issued_on")
    return on


def _appointees(s: Session, where: ColumnElement[bool]) -> list[Appointee]:
    q = (select(Appointment, Person, Institution)
         .join(Person, col(Appointment.person_id) == Person.id)
         .outerjoin(Institution, col(Person.institution_id) == Institution.id)
         .where(where))
    return [Appointee(a, p, i) for a, p, i in s.exec(q).all()]


def _held(s: Session, appointment_ids: Iterable[int]) -> dict[int, Certificate]:
    """The valid certificate each of these appointments holds (one statement)."""
    ids = list(appointment_ids)
    if not ids:
        return {}
    q = select(Certificate).where(col(Certificate.appointment_id).in_(ids),
                                  Certificate.status == CertificateStatus.VALID)
    held: dict[int, Certificate] = {}
    for c in s.exec(q.order_by(col(Certificate.id))).all():
        held.setdefault(c.appointment_id, c)
    return held


def waiting(s: Session, body_id: int, on: dt.date) -> list[Appointee]:
    """Current appointees without a valid certificate for this term, in role order."""
    current = [w for w in _appointees(s, col(Appointment.body_id) == body_id) if serves_on(w.appointment, on)]
    held = _held(s, [w.id for w in current])
    out = [w for w in current if w.id not in held]
    return sorted(out, key=lambda w: role_sort_key(w.appointment.role, w.appointment.kind, w.person.name, w.id))


def pending_of(s: Session, body: Body, on: dt.date, include_ex_officio: bool = False) -> list[Appointee]:
    """Those of them a batch gives a 위촉장: 위촉직 only, unless 당연직 are asked for or the body says so."""
    rules = rules_of(body)
    return [w for w in waiting(s, stored_id(body.id), on)
            if gets_certificate(w.appointment.kind, rules, chosen=include_ex_officio)]


def chosen(s: Session, body: Body, appointment_ids: AppointmentIds | None, on: dt.date) -> list[Appointee]:
    """The batch: the pending appointees, or exactly the appointments named (당연직 included)."""
    if appointment_ids is None:
        batch = pending_of(s, body, on)
        if not batch:
            if waiting(s, stored_id(body.id), on):  # only members a batch leaves out (당연직) are waiting
                raise ValidationError(_(
                    "No appointed member of {body} is waiting for a certificate; ex officio members get one "
                    "only when chosen (--appointment ID).").format(body=body.name))
            raise ValidationError(
                _("Every current appointee of {body} already has a certificate for this term.").format(body=body.name)
            )
        return batch
    wanted = list(dict.fromkeys(appointment_ids))
    ids = [int(aid) for aid in wanted]
    found = {w.id: w for w in _appointees(s, col(Appointment.id).in_(ids))} if ids else {}
    held = _held(s, found)
    batch = []
    for aid, key in zip(wanted, ids):
        w = found.get(key)
        if w is None:
            raise NotFound(_("There is no appointment {id}.").format(id=aid))
        if w.appointment.body_id != body.id:
            raise ValidationError(_("Appointment {id} is not in {body}.").format(id=aid, body=body.name))
        if key in held:
            raise ValidationError(
                _("{name} already holds certificate {serial} for this term; reprint it or void it first.").format(
                    name=held[key].person_name, serial=held[key].serial)
            )
        batch.append(w)
    if not batch:
        raise ValidationError(_("Choose at least one appointment."))
    return batch


def next_seq(s: Session, body_id: int, year: int) -> int:
    top = s.exec(select(func.max(Certificate.seq)).where(Certificate.body_id == body_id,
                                                         Certificate.year == year)).one()
    return (top or 0) + 1


class IssueMixin:
    """The batch methods of ``CertificateService`` (needs ``store``, ``_today``, ``appointments``)."""

    store: Store
    _today: Callable[[], dt.date]
    appointments: AppointmentService

    def pending(self, body_id: int, *, include_ex_officio: bool = False) -> list[AppointmentRow]:
        """Current appointees of the body without a valid certificate for this term (당연직 only when asked)."""
        with self.store.session() as s:
            body = require_body(s, body_id)
            ids = [w.id for w in pending_of(s, body, self._today(), include_ex_officio)]
        by_id = {r.id: r for r in self.appointments.list(body_id=body_id)}
        return [by_id[i] for i in ids if i in by_id]

    def preview(self, body_id: int, appointment_ids: AppointmentIds | None = None, on: dt.date | None = None) -> bytes:
        """The PDF marked "미리보기 — 발급되지 않음", without a serial (``제2026-    호``); nothing is recorded."""
        from aict_desktop.documents import certificate

        on = issue_date(on or self._today())
        with self.store.session() as s:
            body = require_body(s, body_id)
            batch = chosen(s, body, appointment_ids, on)
            serial = certificate.preview_serial(rules_of(body).certificate_serial_prefix, on.year)
            items = [cert_data(frozen_fields(body, w), body.seal_png, serial, on) for w in batch]
        return certificate.render(items, title=f"{body.name} 위촉장 (미리보기 — 발급되지 않음)", preview=True)

    def issue(self, body_id: int, appointment_ids: AppointmentIds | None = None, on: dt.date | None = None,
              deliver: Callable[[bytes], None] | None = None) -> IssueResult:
        """Assign serials, print, and record the issue; all or nothing.

        ``deliver(pdf)`` runs before the commit: if it raises (a full disk), nothing is recorded.
        """
        from aict_desktop.documents import certificate

        on = issue_date(on or self._today())
        with self.store.session() as s:  # refuse bad input before taking the write lock
            body = require_body(s, body_id)
            batch = chosen(s, body, appointment_ids, on)
            first = serial_text(rules_of(body).certificate_serial_prefix, on.year, 1)
            certificate.preflight([cert_data(frozen_fields(body, w), body.seal_png, first, on) for w in batch])
            notice = seal_notice(body.name, body.seal_png)
        ids = [w.id for w in batch]
        for attempt in range(RETRIES):
            try:
                result = self._issue_once(body_id, ids, on, deliver)
                result.warnings = [w for w in (notice, self._shared_serials(body_id, result.certificates)) if w]
                return result
            except IntegrityError:  # another machine took the number first: take the next one
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise ConflictError(_("Could not assign a certificate serial; others are issuing at the same time. Try again."))

    def _shared_serials(self, body_id: int, certs: list[CertificateRow]) -> str:
        """A warning when another body of the same 위촉권자 has printed one of these serials too."""
        with self.store.session() as s:
            body = require_body(s, body_id)
            other = s.exec(select(Certificate.body_name).where(
                Certificate.body_id != body_id, Certificate.issuer == (body.issuer or body.name),
                col(Certificate.serial).in_([c.serial for c in certs]))).first()
        if other is None:
            return ""
        return _("{other} has issued certificates with the same serials in the name of the same issuer; give each "
                 "body a serial prefix in Settings → Settings per body.").format(other=other)

    def _issue_once(self, body_id: int, ids: list[int], on: dt.date,
                    deliver: Callable[[bytes], None] | None = None) -> IssueResult:
        from aict_desktop.documents import certificate

        with self.store.write() as s:
            if s.get_bind().dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises writers
                s.execute(text("SELECT pg_advisory_xact_lock(:k, :b)"), {"k": ISSUE_LOCK, "b": body_id})
            body = require_body(s, body_id)
            batch = chosen(s, body, ids, on)  # again, under the lock
            first = next_seq(s, stored_id(body.id), on.year)
            frozen = [frozen_fields(body, w) for w in batch]
            prefix = rules_of(body).certificate_serial_prefix
            serials = [serial_text(prefix, on.year, first + i) for i in range(len(batch))]
            pdf = certificate.render([cert_data(f, body.seal_png, serial, on) for f, serial in zip(frozen, serials)],
                                     title=f"{body.name} 위촉장")
            digest = hashlib.sha256(pdf).hexdigest()
            who = os_user()
            seal = keep_seal(s, body.seal_png)
            values = [dict(body_id=body.id, year=on.year, seq=first + i, serial=serial, appointment_id=w.appointment.id,
                           issued_on=on, status=CertificateStatus.VALID, seal_sha256=seal, **f)
                      for i, (w, f, serial) in enumerate(zip(batch, frozen, serials))]
            # one INSERT for the batch (a clash of serials shows here, before the file is written), one SELECT
            # for the ids it got, one INSERT of the print records
            s.execute(insert(Certificate), values)
            got = dict(s.exec(select(Certificate.seq, Certificate.id).where(
                Certificate.body_id == body.id, Certificate.year == on.year,
                col(Certificate.seq).between(first, first + len(values) - 1))).all())
            certs = [Certificate(id=got[v["seq"]], **v) for v in values]
            s.execute(insert(CertificatePrint), [dict(certificate_id=c.id, kind=PrintKind.ISSUE, by=who,
                                                      file_sha256=digest) for c in certs])
            log_accesses(s, [("certificate.issue", c.serial, c.person_name, body.name) for c in certs])
            s.flush()
            if deliver is not None:
                deliver(pdf)
            return IssueResult(pdf=pdf, certificates=[certificate_row(c, body.name, 1) for c in certs])
