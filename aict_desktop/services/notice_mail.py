"""The e-mail and 문자 of a 회의 개최 알림: per-body template, one message per invitee, SMTP.

Nothing here opens the database: :mod:`aict_desktop.services.notices` hands in
the notice, the recipient and the attachments, and records what was sent.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from aict_desktop.documents.data import NoticeData
from aict_desktop.documents.notice import Recipient, agenda_lines, when_text
from aict_desktop.domain.hangul import particle
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _, fmt_time

FIELDS = ("성명", "소속", "직위", "회의명", "일시", "장소", "안건", "문의처", "기구")
_FIELD = re.compile(r"\{([^{}]*)\}")

DEFAULT_SUBJECT = "[회의 개최 알림] {회의명}"
DEFAULT_BODY = (
    "{성명} 위원님께\n\n"
    "다음과 같이 회의를 개최하오니 바쁘시더라도 참석하여 주시기 바랍니다.\n\n"
    "  ○ 회 의 명: {회의명}\n"
    "  ○ 일    시: {일시}\n"
    "  ○ 장    소: {장소}\n"
    "  ○ 안    건:\n{안건}\n\n"
    "붙임  1. 회의 개최 알림 1부.\n"
    "      2. 일정 파일(.ics) 1부.  끝.\n\n"
    "문의: {문의처}\n\n"
    "{기구} 드림\n"
)
SMS_SHORT_BYTES = 90  # 단문 (SMS): 90 bytes in EUC-KR/CP949


@dataclass(frozen=True)
class Template:
    subject: str = DEFAULT_SUBJECT
    body: str = DEFAULT_BODY


def check_template(text: str, what: str) -> str:
    """Refuse a field name that is not one of :data:`FIELDS` (a typo would be mailed as is)."""
    unknown = [f for f in _FIELD.findall(text or "") if f not in FIELDS]
    if unknown:
        raise ValidationError(_("The {what} uses {{{field}}}, which is not a field; use {fields}.").format(
            what=what, field=unknown[0], fields=", ".join("{" + f + "}" for f in FIELDS)))
    return text


def fill(text: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def field_values(d: NoticeData, r: Recipient) -> dict[str, str]:
    agenda = "\n".join("     " + line for line in agenda_lines(d)) or "     -"
    return {"성명": r.name, "소속": r.institution, "직위": r.position, "회의명": d.title, "일시": when_text(d),
            "장소": d.place or "-", "안건": agenda, "문의처": d.contact or "-", "기구": d.issuer or d.body_name}


def subject_and_body(t: Template, d: NoticeData, r: Recipient, *, changed: bool, cancelled: bool) -> tuple[str, str]:
    values = field_values(d, r)
    subject, body = fill(t.subject, values).replace("\n", " ").strip(), fill(t.body, values)
    if cancelled:
        subject = f"[취소] {d.title} 개최 취소 알림"
        body = (f"{r.name} 위원님께\n\n{when_text(d)} {d.place} 개최 예정이던 {particle(d.title, '이')} 취소되었음을 알려 드립니다.\n"
                f"일정표의 회의는 붙임 일정 파일로 취소됩니다.\n\n문의: {values['문의처']}\n\n{values['기구']} 드림\n")
    elif changed:
        subject = f"[변경] {subject}"
        body = "※ 회의 일정(일시·장소)이 변경되어 다시 알려 드립니다. 붙임 일정 파일로 일정표가 바뀝니다.\n\n" + body
    if d.urgent_reason and not cancelled:
        body += f"\n※ 긴급 개최 사유: {d.urgent_reason}\n"
    return subject, body


def build_message(*, sender: str, sender_name: str, r: Recipient, subject: str, body: str,
                  pdf: bytes | None, pdf_name: str, ics: bytes, cancelled: bool) -> EmailMessage:
    """One message to ``r`` alone, the notice PDF and the ``.ics`` attached."""
    msg = EmailMessage()
    if sender:  # an .eml without one is sent from the account that opens it
        msg["From"] = Address(display_name=sender_name, addr_spec=sender)
    msg["To"] = Address(display_name=f"{r.name} 위원", addr_spec=r.email)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(_now_local())
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(body, charset="utf-8")
    if pdf is not None:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    msg.add_attachment(ics, maintype="text", subtype="calendar", filename="meeting.ics",
                       params={"method": "CANCEL" if cancelled else "REQUEST", "charset": "utf-8"})
    return msg


def _now_local():
    import datetime as dt

    return dt.datetime.now().astimezone()


def valid_email(text: str) -> bool:
    return bool(re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+", (text or "").strip()))


# --- 문자 ------------------------------------------------------------------------------------------

def sms_bytes(text: str) -> int:
    return len(text.encode("cp949", errors="replace"))


def _short_when(d: NoticeData) -> str:
    w = "월화수목금토일"[d.starts_at.weekday()]
    return f"{d.starts_at.month}.{d.starts_at.day}.({w}) {fmt_time(d.starts_at)}"


def sms_short(d: NoticeData, r: Recipient, body_short: str, body_name: str = "") -> str:
    """≤ 90 bytes (CP949): ``[운영위] 홍길동 위원님, 6.12.(목) 14:00 제3차 정기회의(3층 회의실) 참석 바랍니다.``"""
    head = f"[{body_short}] " if body_short else ""
    when = _short_when(d)
    title, place = d.title, d.place
    for prefix in (body_name, body_short):
        if prefix and title.startswith(prefix) and title[len(prefix):].strip():
            title = title[len(prefix):].strip()  # the head names the body already
            break
    for name in (f"{r.name} 위원님, ", ""):  # the title whole and the place shortened, then the title shortened
        tries = [(title, p) for p in _shrinking(place)] + [(t, "") for t in _shrinking(title)]
        for t, p in tries:
            text = f"{head}{name}{when} {t}" + (f"({p})" if p else "") + " 참석 바랍니다."
            if sms_bytes(text) <= SMS_SHORT_BYTES:
                return text
    return _cut(f"{head}{when} {title}", SMS_SHORT_BYTES)


def _shrinking(text: str):
    yield text
    for n in range(len(text) - 1, 3, -1):
        yield text[:n].rstrip() + "…"
    yield ""


def _cut(text: str, limit: int) -> str:
    while sms_bytes(text) > limit:
        text = text[:-1]
    return text


def sms_long(d: NoticeData, r: Recipient) -> str:
    agenda = " / ".join(f"{a.title}" for a in d.agenda)
    lines = [f"[{d.issuer or d.body_name}] {r.name} 위원님께", f"{particle(d.title, '을')} 다음과 같이 개최합니다.",
             f"- 일시: {when_text(d)}", f"- 장소: {d.place or '-'}"]
    if agenda:
        lines.append(f"- 안건: {agenda}")
    if d.contact:
        lines.append(f"- 문의: {d.contact}")
    lines.append("참석하여 주시기 바랍니다.")
    return "\n".join(lines)


# --- SMTP ---------------------------------------------------------------------------------------------

@dataclass
class SmtpConfig:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    user: str = ""
    sender: str = ""  # From address (the user name when that is an address)
    timeout: float = 30.0

    def from_address(self) -> str:
        return self.sender or (self.user if valid_email(self.user) else "")


@dataclass
class SendResult:
    person_id: int | None
    name: str
    email: str
    status: str  # "sent" | "refused" | "failed" | "skipped" (sent before)
    reason: str = ""


def _reply_text(code, resp) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {text}".strip()


def connect(cfg: SmtpConfig, password: str | None) -> smtplib.SMTP:
    if not cfg.host:
        raise ValidationError(_("No SMTP server is set; give --smtp HOST:PORT or set it in 설정."))
    try:
        if cfg.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            if cfg.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if cfg.user:
            smtp.login(cfg.user, password or "")
    except UnicodeEncodeError as exc:  # smtplib sends the user and password as ASCII
        raise ValidationError(_("The SMTP user name and password can only contain ASCII letters, digits and "
                                "signs.")) from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise ValidationError(_("The SMTP server refused the user name or password ({reason}).").format(
            reason=_reply_text(exc.smtp_code, exc.smtp_error))) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise ValidationError(_("Could not reach the SMTP server {host}:{port} ({reason}).").format(
            host=cfg.host, port=cfg.port, reason=exc)) from exc
    return smtp


def send_one(smtp: smtplib.SMTP, msg: EmailMessage, sender: str, to: str) -> tuple[str, str]:
    """("sent", "") or ("refused", the server's reply) for one message to one address."""
    try:
        refused = smtp.send_message(msg, from_addr=sender, to_addrs=[to])
    except smtplib.SMTPRecipientsRefused as exc:
        code, resp = exc.recipients.get(to, next(iter(exc.recipients.values()), (0, b"")))
        return "refused", _reply_text(code, resp)
    except smtplib.SMTPResponseException as exc:
        return "refused", _reply_text(exc.smtp_code, exc.smtp_error)
    if refused:
        code, resp = next(iter(refused.values()))
        return "refused", _reply_text(code, resp)
    return "sent", ""
