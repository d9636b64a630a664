"""Notices by e-mail: sent to a real SMTP server on loopback (aiosmtpd), parsed as received."""

from __future__ import annotations

import datetime as dt
import email
import socket
from email import policy

import icalendar
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from pypdf import PdfReader
from sqlmodel import select

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog
from aict_desktop.services.notice_mail import SmtpConfig

SENDER = "aict@example.go.kr"

PEOPLE = (  # name, e-mail, 휴대전화, role
    ("김위원장", "chair@example.go.kr", "010-1111-2222", "위원장"),
    ("이위원", "lee@example.go.kr", "010-3333-4444", "위원"),
    ("박위원", "", "010-5555-6666", "위원"),  # no e-mail: a printed letter
    ("최위원", "choi@example.go.kr", "", "위원"),
)


def notice_meeting(services, *, days_ahead: int = 14, people=PEOPLE):
    """A body, four invitees and a meeting ``days_ahead`` days from today, with two agenda items."""
    body = services.bodies.create_body(name="서초AICT 운영위원회", short_name="운영위", issuer="서초구청장",
                                       contact="AICT 사무국 02-2155-0000")
    inst = services.roster.create_institution(name="서초구청", sector="공공기관")
    ids = {}
    for name, address, mobile, role in people:
        p = services.roster.create_person(name=name, institution_id=inst.id, position="과장", email=address,
                                          mobile=mobile)
        services.appointments.appoint(p.id, body.id, role=role, kind="위촉직",
                                      term_start=dt.date.today() - dt.timedelta(days=30))
        ids[name] = p.id
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=days_ahead), dt.time(14, 0))
    m = services.meetings.create(body.id, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                                 place="서초구청 본관 3층 대회의실")
    services.meetings.add_item(m.id, "2026년 하반기 사업계획(안)", kind="의결", presenter="간사")
    services.meetings.add_item(m.id, "상반기 추진 실적", kind="보고")
    return body, m, ids


class Recorder:
    """An SMTP handler that keeps every message and refuses the addresses in ``refuse``."""

    def __init__(self):
        self.received: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _login(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"office" and auth_data.password == "S3cret-pw!".encode()
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


@pytest.fixture
def smtp_server():
    handler = Recorder()
    ctl = Controller(handler, hostname="127.0.0.1", port=_free_port(), authenticator=_login,
                     auth_require_tls=False)
    ctl.start()
    yield handler, ctl
    ctl.stop()


def _parse(raw: bytes):
    return email.message_from_bytes(raw, policy=policy.default)


def test_one_message_each_refused_reported_retried_and_nothing_sent_twice(services, smtp_server, _isolated):
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services)
    cfg = SmtpConfig(host="127.0.0.1", port=ctl.port, security="none", user="office", sender=SENDER)
    services.notices.save_smtp_settings(cfg)
    assert services.notices.set_smtp_password(cfg, "S3cret-pw!")  # kept in the keyring only
    with services.store.session() as s:
        from aict_desktop.domain.models import Setting

        assert "S3cret" not in (s.get(Setting, "smtp").value)
    handler.refuse = {"lee@example.go.kr"}

    results = services.notices.send(m.id, services.notices.smtp_settings())  # the password from the keyring
    by = {r.email: r for r in results}
    assert set(by) == {"chair@example.go.kr", "lee@example.go.kr", "choi@example.go.kr"}  # 박위원 has none
    assert by["chair@example.go.kr"].status == by["choi@example.go.kr"].status == "sent"
    assert by["lee@example.go.kr"].status == "refused" and "550" in by["lee@example.go.kr"].reason
    assert "User unknown" in by["lee@example.go.kr"].reason
    assert len(handler.received) == 2
    for rcpts, raw in handler.received:
        assert len(rcpts) == 1  # each message to one person alone
        msg = _parse(raw)
        assert msg["To"].addresses[0].addr_spec == rcpts[0]
        assert msg["Subject"] == f"[회의 개최 알림] {m.title}"
        names = {part.get_filename(): part for part in msg.iter_attachments()}
        assert set(names) == {f"{m.title} 개최 알림.pdf", "meeting.ics"}
        pdf = names[f"{m.title} 개최 알림.pdf"].get_content()
        text = "".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(pdf)).pages)
        person = {"chair@example.go.kr": "김위원장", "choi@example.go.kr": "최위원"}[rcpts[0]]
        assert f"수신: {person} 위원님" in text  # the notice addressed to that person
        ev = icalendar.Calendar.from_ical(names["meeting.ics"].get_content()).walk("VEVENT")[0]
        start = ev.decoded("DTSTART")
        assert start.replace(tzinfo=None) == m.starts_at and str(start.tzinfo) == "Asia/Seoul"
        body = msg.get_body(("plain",)).get_content()
        assert f"{person} 위원님께" in body and "서초구청 본관 3층 대회의실" in body

    handler.refuse = set()  # the address was fixed on the server: retry
    again = {r.email: r.status for r in services.notices.send(m.id, services.notices.smtp_settings())}
    assert again == {"chair@example.go.kr": "skipped", "choi@example.go.kr": "skipped", "lee@example.go.kr": "sent"}
    assert len(handler.received) == 3 and handler.received[2][0] == ["lee@example.go.kr"]
    third = {r.status for r in services.notices.send(m.id, services.notices.smtp_settings())}
    assert third == {"skipped"} and len(handler.received) == 3  # nothing twice
    with services.store.session() as s:
        logged = s.exec(select(AccessLog).where(AccessLog.action == "notice.send")).all()
    assert len(logged) == 2  # the third run sent nothing
    assert "김위원장" in logged[0].subject and "이위원" not in logged[0].subject and logged[1].subject == "이위원"


def test_a_changed_time_is_sent_again_as_a_change_with_a_higher_sequence(services, smtp_server):
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services)
    cfg = SmtpConfig(host="127.0.0.1", port=ctl.port, security="none", user="office", sender=SENDER)
    services.notices.send(m.id, cfg, "S3cret-pw!")
    later = m.starts_at + dt.timedelta(days=1)
    services.meetings.update(m.id, {"starts_at": later, "ends_at": later + dt.timedelta(hours=2)})
    results = services.notices.send(m.id, cfg, "S3cret-pw!")
    assert [r.status for r in results] == ["sent"] * 3 and len(handler.received) == 6
    msg = _parse(handler.received[-1][1])
    assert msg["Subject"].startswith("[변경] ")
    ics = [p for p in msg.iter_attachments() if p.get_filename() == "meeting.ics"][0].get_content()
    ev = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert int(ev["SEQUENCE"]) == 1 and ev.decoded("DTSTART").replace(tzinfo=None) == later


def test_wrong_password_and_no_server_are_clear_and_record_nothing(services, smtp_server):
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services)
    cfg = SmtpConfig(host="127.0.0.1", port=ctl.port, security="none", user="office", sender=SENDER)
    with pytest.raises(ValidationError, match="password|비밀번호"):
        services.notices.send(m.id, cfg, "wrong")
    with pytest.raises(ValidationError, match="127.0.0.1"):
        services.notices.send(m.id, SmtpConfig(host="127.0.0.1", port=_free_port(), security="none", sender=SENDER))
    with pytest.raises(ValidationError):
        services.notices.send(m.id, SmtpConfig(host="127.0.0.1", port=ctl.port, security="none"))  # no sender
    assert handler.received == [] and services.notices.sent(m.id) == {}


def test_a_late_notice_is_not_sent_without_the_reason(services, smtp_server):
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services, days_ahead=3)  # within the 7 days
    cfg = SmtpConfig(host="127.0.0.1", port=ctl.port, security="none", sender=SENDER)
    with pytest.raises(ValidationError, match="긴급"):
        services.notices.send(m.id, cfg)
    assert handler.received == []
    services.notices.send(m.id, cfg, urgent_reason="예산 심의 일정")
    body = _parse(handler.received[0][1]).get_body(("plain",)).get_content()
    assert "긴급 개최 사유: 예산 심의 일정" in body


def test_a_cancelled_meeting_sends_a_cancel_with_the_same_uid_and_no_notice(services, smtp_server):
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services)
    cfg = SmtpConfig(host="127.0.0.1", port=ctl.port, security="none", sender=SENDER)
    services.notices.send(m.id, cfg)
    services.meetings.update(m.id, {"status": "취소"})
    assert [r.status for r in services.notices.send(m.id, cfg)] == ["sent"] * 3
    first, last = _parse(handler.received[0][1]), _parse(handler.received[-1][1])
    assert last["Subject"] == f"[취소] {m.title} 개최 취소 알림"
    parts = list(last.iter_attachments())
    assert [p.get_content_type() for p in parts] == ["text/calendar"]  # no 개최 알림 for a cancelled meeting
    assert parts[0].get_param("method") == "CANCEL"
    cal = icalendar.Calendar.from_ical(parts[0].get_content())
    ics0 = [p for p in first.iter_attachments() if p.get_filename() == "meeting.ics"][0].get_content()
    assert str(cal["METHOD"]) == "CANCEL"
    ev, ev0 = cal.walk("VEVENT")[0], icalendar.Calendar.from_ical(ics0).walk("VEVENT")[0]
    assert str(ev["UID"]) == str(ev0["UID"]) and int(ev["SEQUENCE"]) > int(ev0["SEQUENCE"])
