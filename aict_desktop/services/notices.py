"""Notices that reach every member: per recipient, by e-mail with a calendar entry, and 문자.

The invitees are the meeting's invited members (its attendance list). Each
e-mail goes to one person alone with the notice PDF addressed to them and an
``.ics`` (:mod:`notice_ics`). What was sent is recorded per meeting, recipient
and calendar SEQUENCE in the Setting table (``notice.sent.<meeting>``), so a
retry sends only what failed and a changed meeting (a higher SEQUENCE) is sent
again as a 변경 알림. The late-notice rule (긴급 사유) applies to every way out:
each goes through :meth:`ExportService.notice_data`.

SMTP host, port, security, user and sender are kept in the Setting table
(``smtp``); the password only in the system keyring.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from aict_desktop.documents.notice import Recipient
from aict_desktop.domain.enums import MeetingStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Body, Meeting, Person, Setting
from aict_desktop.i18n import _
from aict_desktop.services import notice_ics, notice_mail
from aict_desktop.services.attendees import meeting_attendees
from aict_desktop.services.notice_mail import SendResult, SmtpConfig, Template
from aict_desktop.store.audit import log_access
from aict_desktop.store.identity import ensure_identity

if TYPE_CHECKING:
    from aict_desktop.services.exporting import ExportService
    from aict_desktop.store.engine import Store

SMTP_KEY = "smtp"
KEYRING_SERVICE = "AICT Secretariat SMTP"
SECURITY = ("starttls", "ssl", "none")


def _json(s: Session, key: str) -> dict:
    row = s.get(Setting, key)
    try:
        return json.loads(row.value) if row and row.value else {}
    except ValueError:
        return {}


def _put(s: Session, key: str, value: dict) -> None:
    row = s.get(Setting, key) or Setting(key=key)
    row.value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    s.add(row)


class NoticeService:
    def __init__(self, store: Store, exports: ExportService) -> None:
        self.store = store
        self.exports = exports

    # --- settings ----------------------------------------------------------------------------

    def smtp_settings(self) -> SmtpConfig:
        with self.store.session() as s:
            v = _json(s, SMTP_KEY)
        return SmtpConfig(host=v.get("host", ""), port=int(v.get("port", 587) or 587),
                          security=v.get("security", "starttls"), user=v.get("user", ""), sender=v.get("sender", ""))

    def save_smtp_settings(self, cfg: SmtpConfig) -> SmtpConfig:
        cfg = self.check_smtp(cfg)
        with self.store.write() as s:
            _put(s, SMTP_KEY, {"host": cfg.host, "port": cfg.port, "security": cfg.security, "user": cfg.user,
                               "sender": cfg.sender})
        return cfg

    def test_smtp(self, cfg: SmtpConfig, password: str | None = None) -> str:
        """연결 시험: connect (and log in) to the server and leave; the server's greeting, or a ValidationError."""
        import contextlib
        import smtplib

        from aict_desktop.services.notice_mail import connect

        cfg = self.check_smtp(cfg)
        smtp = connect(cfg, password if password is not None else self.smtp_password(cfg))
        greeting = getattr(smtp, "ehlo_resp", None) or b""
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.quit()
        return greeting.decode("utf-8", "replace").splitlines()[0] if greeting else ""

    @staticmethod
    def check_smtp(cfg: SmtpConfig) -> SmtpConfig:
        cfg.host, cfg.user, cfg.sender = cfg.host.strip(), cfg.user.strip(), cfg.sender.strip()
        if cfg.security not in SECURITY:
            raise ValidationError(_("SMTP security is starttls, ssl or none, not '{value}'.").format(value=cfg.security))
        if not 0 < int(cfg.port) < 65536:
            raise ValidationError(_("'{value}' is not a port number (1-65535).").format(value=cfg.port))
        if cfg.sender and not notice_mail.valid_email(cfg.sender):
            raise ValidationError(_("'{value}' is not an e-mail address.").format(value=cfg.sender))
        return cfg

    @staticmethod
    def parse_server(text: str, default_port: int = 587) -> tuple[str, int]:
        """``HOST:PORT`` (or ``HOST``) → (host, port)."""
        host, sep, port = (text or "").strip().rpartition(":")
        if not sep:
            host, port = port, str(default_port)
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValidationError(_("'{value}' is not HOST:PORT (e.g. mail.example.go.kr:587).").format(value=text))
        return host, int(port)

    @staticmethod
    def _account(cfg: SmtpConfig) -> str:
        return f"{cfg.user}@{cfg.host}"

    def smtp_password(self, cfg: SmtpConfig) -> str | None:
        """The password kept in the keyring for this server and user (``None``: none kept, or no keyring)."""
        from aict_desktop import system_keyring
        from keyring.errors import KeyringError

        from aict_desktop.security.keys import keyring_usable

        if not cfg.user or not keyring_usable():
            return None
        try:
            return system_keyring.get_password(KEYRING_SERVICE, self._account(cfg))
        except KeyringError:
            return None

    def set_smtp_password(self, cfg: SmtpConfig, password: str) -> bool:
        """Keep the password in the keyring; False where there is none (it is then asked each time)."""
        from aict_desktop import system_keyring
        from keyring.errors import KeyringError

        from aict_desktop.security.keys import keyring_usable

        if not cfg.user or not keyring_usable():
            return False
        try:
            system_keyring.set_password(KEYRING_SERVICE, self._account(cfg), password)
        except KeyringError:
            return False
        return True

    def template(self, body_id: int) -> Template:
        with self.store.session() as s:
            v = _json(s, f"notice.template.{body_id}")
        return Template(subject=v.get("subject") or notice_mail.DEFAULT_SUBJECT,
                        body=v.get("body") or notice_mail.DEFAULT_BODY)

    def set_template(self, body_id: int, subject: str, body: str) -> Template:
        t = Template(subject=notice_mail.check_template(subject.strip(), _("subject")),
                     body=notice_mail.check_template(body, _("message")))
        with self.store.write() as s:
            if s.get(Body, body_id) is None:
                raise NotFound(_("The body no longer exists."))
            _put(s, f"notice.template.{body_id}", {"subject": t.subject, "body": t.body})
        return t

    # --- recipients ----------------------------------------------------------------------------

    def recipients(self, meeting_id: int) -> list[Recipient]:
        """The invited members in role order, with their e-mail and 휴대전화."""
        with self.store.session() as s:
            self._meeting(s, meeting_id)
            out = []
            for a in meeting_attendees(s, meeting_id):
                if not a.is_member or a.person_id is None:
                    continue
                p = s.get(Person, a.person_id)
                assert p is not None  # an attendance's person (foreign key)
                out.append(Recipient(name=a.name, institution=a.institution, position=a.position,
                                     person_id=a.person_id, email=(p.email or "").strip(), mobile=(p.mobile or "").strip()))
            return out

    def without_email(self, meeting_id: int) -> list[Recipient]:
        """Invitees without a usable e-mail address: they get a printed letter."""
        return [r for r in self.recipients(meeting_id) if not notice_mail.valid_email(r.email)]

    @staticmethod
    def _meeting(s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("There is no meeting {id}.").format(id=meeting_id))
        return m

    # --- documents ------------------------------------------------------------------------------

    def per_recipient(self, meeting_id: int, fmt: str = "pdf", *, urgent_reason: str | None = None,
                      only: list[Recipient] | None = None, issued_on: dt.date | None = None) -> bytes:
        """One page per invitee (or per ``only``), addressed 성명 위원님 (소속); pdf, docx or hwpx."""
        from aict_desktop.services.exporting import notice_renderer

        render = notice_renderer(fmt)
        data = self.exports.notice_data(meeting_id, urgent_reason=urgent_reason, issued_on=issued_on)
        people = self.recipients(meeting_id) if only is None else only
        if not people:
            raise ValidationError(_("The meeting has no invited members to address."))
        out = render(data, people)
        self._log("notice.per_recipient", data.title, people, fmt)
        return out

    def _calendar(self, meeting_id: int, data) -> tuple[notice_ics.CalendarEntry, bool]:
        """The meeting's calendar entry (moving its SEQUENCE on a change) and whether it changed since first sent."""
        from aict_desktop.documents.notice import agenda_lines

        db_id = ensure_identity(self.store)
        with self.store.write() as s:
            m = self._meeting(s, meeting_id)
            cancelled = m.status is MeetingStatus.CANCELLED
            fp = notice_ics.fingerprint(m.title, m.starts_at, m.ends_at, m.place, cancelled)
            seq, state = notice_ics.next_sequence(_json(s, f"notice.calendar.{meeting_id}"), fp)
            _put(s, f"notice.calendar.{meeting_id}", state)
            desc = "안건\n" + ("\n".join(agenda_lines(data)) or "-")
            if data.contact:
                desc += f"\n\n문의: {data.contact}"
            entry = notice_ics.CalendarEntry(
                uid=f"meeting-{meeting_id}-{db_id}@aict-desktop", sequence=seq, cancelled=cancelled, title=m.title,
                starts_at=m.starts_at, ends_at=m.ends_at, place=m.place, description=desc)
        return entry, seq > 0

    def calendar_ics(self, meeting_id: int, *, organizer: str = "", urgent_reason: str | None = None) -> bytes:
        entry, _changed = self._calendar(meeting_id, self.exports.notice_data(meeting_id, urgent_reason=urgent_reason))
        return notice_ics.build_ics(entry, organizer=organizer)

    def messages(self, meeting_id: int, *, sender: str = "", urgent_reason: str | None = None,
                 for_outlook: bool = False) -> tuple[int, list[tuple[Recipient, EmailMessage]]]:
        """(SEQUENCE, [(recipient, message)]) for every invitee with an e-mail address."""
        from aict_desktop.documents import notice

        data = self.exports.notice_data(meeting_id, urgent_reason=urgent_reason)  # the 긴급 사유 rule
        entry, changed = self._calendar(meeting_id, data)
        with self.store.session() as s:
            body_id = self._meeting(s, meeting_id).body_id
        template = self.template(body_id)
        out = []
        for r in self.recipients(meeting_id):
            if not notice_mail.valid_email(r.email):
                continue
            subject, text = notice_mail.subject_and_body(template, data, r, changed=changed, cancelled=entry.cancelled)
            pdf = None if entry.cancelled else notice.render_pdf(data, [r])
            ics = notice_ics.build_ics(entry, organizer=sender, attendee=(r.name, r.email))
            msg = notice_mail.build_message(sender=sender, sender_name=data.issuer or data.body_name, r=r,
                                            subject=subject, body=text, pdf=pdf, pdf_name=f"{data.title} 개최 알림.pdf",
                                            ics=ics, cancelled=entry.cancelled)
            if for_outlook:
                msg["X-Unsent"] = "1"  # Outlook opens it as a message to send, not one received
            out.append((r, msg))
        return entry.sequence, out

    def write_eml(self, meeting_id: int, out_dir: str | Path, *, urgent_reason: str | None = None) -> list[Path]:
        """One ``.eml`` per invitee with an e-mail address, to open and send from Outlook or the groupware."""
        folder = Path(out_dir)
        if not folder.is_dir():
            raise ValidationError(_("{path} is not a folder.").format(path=folder))
        sender = self.smtp_settings().from_address()
        _seq, msgs = self.messages(meeting_id, sender=sender, urgent_reason=urgent_reason, for_outlook=True)
        paths = []
        for i, (r, msg) in enumerate(msgs, start=1):
            safe = "".join(c for c in r.name if c.isalnum()) or "recipient"
            path = folder / f"{i:02d}_{safe}.eml"
            path.write_bytes(msg.as_bytes())
            paths.append(path)
        self._log("notice.eml", self._title(meeting_id), [r for r, _m in msgs], f"eml {len(paths)}")
        return paths

    # --- 문자 -------------------------------------------------------------------------------------

    def sms_rows(self, meeting_id: int, *, urgent_reason: str | None = None) -> list[tuple[Recipient, str, str]]:
        """(recipient, 단문 ≤ 90 bytes, 장문) per invitee."""
        data = self.exports.notice_data(meeting_id, urgent_reason=urgent_reason)
        with self.store.session() as s:
            body = s.get(Body, self._meeting(s, meeting_id).body_id)
            assert body is not None  # a meeting's body (foreign key)
            short_name, body_name = body.short_name or body.name, body.name
        return [(r, notice_mail.sms_short(data, r, short_name, body_name), notice_mail.sms_long(data, r))
                for r in self.recipients(meeting_id)]

    def sms_csv(self, meeting_id: int, *, urgent_reason: str | None = None, long: bool = False) -> bytes:
        """``성명,휴대전화,문구`` (UTF-8 with BOM, for Excel and the office's SMS service)."""
        rows = self.sms_rows(meeting_id, urgent_reason=urgent_reason)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["성명", "휴대전화", "문구"])
        for r, short, full in rows:
            w.writerow([r.name, r.mobile, full if long else short])
        self._log("notice.sms", self._title(meeting_id), [r for r, *_x in rows], "long" if long else "short")
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    # --- sending -----------------------------------------------------------------------------------

    def sent(self, meeting_id: int) -> dict[str, dict[str, str]]:
        """``{sequence: {person_id: sent at}}``."""
        with self.store.session() as s:
            return _json(s, f"notice.sent.{meeting_id}")

    def _record_sent(self, meeting_id: int, seq: int, r: Recipient) -> None:
        with self.store.write() as s:
            v = _json(s, f"notice.sent.{meeting_id}")
            v.setdefault(str(seq), {})[str(r.person_id)] = dt.datetime.now().isoformat(timespec="seconds")
            _put(s, f"notice.sent.{meeting_id}", v)

    def send(self, meeting_id: int, cfg: SmtpConfig, password: str | None = None, *, urgent_reason: str | None = None,
             progress: Callable[[int, int, SendResult], None] | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> list[SendResult]:
        """Send each invitee's message not sent before for this SEQUENCE; a result per invitee with e-mail."""
        cfg = self.check_smtp(cfg)
        sender = cfg.from_address()
        if not sender:
            raise ValidationError(_("Set the sender's e-mail address (보내는 사람) for notices in 설정, or use an "
                                    "e-mail address as the SMTP user."))
        if password is None:
            password = self.smtp_password(cfg)
        seq, msgs = self.messages(meeting_id, sender=sender, urgent_reason=urgent_reason)
        done = self.sent(meeting_id).get(str(seq), {})
        results: list[SendResult] = []
        todo = []
        for r, msg in msgs:
            if str(r.person_id) in done:
                results.append(SendResult(r.person_id, r.name, r.email, "skipped", done[str(r.person_id)]))
            else:
                todo.append((r, msg))
        if todo:
            smtp = notice_mail.connect(cfg, password)
            try:
                for i, (r, msg) in enumerate(todo, start=1):
                    if cancelled():
                        results.append(SendResult(r.person_id, r.name, r.email, "failed", _("Cancelled")))
                        continue
                    try:
                        status, reason = notice_mail.send_one(smtp, msg, sender, r.email)
                    except (OSError, notice_mail.smtplib.SMTPException) as exc:
                        status, reason = "failed", str(exc)
                    if status == "sent":
                        self._record_sent(meeting_id, seq, r)
                    res = SendResult(r.person_id, r.name, r.email, status, reason)
                    results.append(res)
                    if progress:
                        progress(i, len(todo), res)
            finally:
                try:
                    smtp.quit()
                except Exception:  # the server may already have closed the connection
                    pass
        sent = [r for r in results if r.status == "sent"]
        if todo:
            self._log("notice.send", self._title(meeting_id), sent,
                      f"sequence {seq}: sent {len(sent)}, not sent {sum(r.status in ('refused', 'failed') for r in results)}"
                      f" via {cfg.host}:{cfg.port}")
        return results

    # --- helpers -------------------------------------------------------------------------------------

    def _title(self, meeting_id: int) -> str:
        with self.store.session() as s:
            return self._meeting(s, meeting_id).title

    def _log(self, action: str, target: str, people, detail: str) -> None:
        with self.store.write() as s:
            log_access(s, action, target=target, subject=", ".join(p.name for p in people), detail=detail)
