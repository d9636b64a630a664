"""Notices per recipient: one page each, .eml files, 문자, members without e-mail, and the ``aict`` verbs."""

from __future__ import annotations

import csv
import email
import io
from email import policy

import pytest
from sqlmodel import select

from aict_desktop.cli import main as aict_main
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog
from aict_desktop.services.notice_mail import sms_bytes
from tests.unit.test_documents_render import font_problems, pdf_pages
from tests.unit.test_notice_mail import Recorder, notice_meeting, smtp_server  # noqa: F401  (the loopback SMTP fixture)

ADDRESSED = ["김위원장 위원님 (서초구청 과장)", "박위원 위원님 (서초구청 과장)", "이위원 위원님 (서초구청 과장)",
             "최위원 위원님 (서초구청 과장)"]


def _logged(services, action):
    with services.store.session() as s:
        return s.exec(select(AccessLog).where(AccessLog.action == action)).all()


def test_per_recipient_pdf_one_page_each_addressed_and_logged(services, tmp_path):
    _body, m, _ids = notice_meeting(services)
    pdf = services.notices.per_recipient(m.id)
    assert font_problems(pdf) == []
    pages = pdf_pages(pdf)
    assert len(pages) == 4
    for page, to in zip(pages, ADDRESSED):
        assert f"수신: {to}" in page and m.title in page and "서초구청 본관 3층 대회의실" in page
    entry = _logged(services, "notice.per_recipient")[0]
    assert entry.subject == "김위원장, 박위원, 이위원, 최위원" and entry.detail == "pdf"
    assert "위원 제위" in pdf_pages(services.exports.notice_pdf(m.id))[0]  # the shared notice stays as it was


def test_eml_files_parse_with_korean_headers_one_recipient_each(services, tmp_path):
    _body, m, _ids = notice_meeting(services)
    paths = services.notices.write_eml(m.id, tmp_path)
    assert [p.name for p in paths] == ["01_김위원장.eml", "02_이위원.eml", "03_최위원.eml"]  # 박위원: no e-mail
    raw = paths[1].read_bytes()
    assert b"=?utf-8?" in raw  # RFC 2047 encoded words in the headers, the bytes ASCII
    raw.decode("ascii")
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"] == f"[회의 개최 알림] {m.title}"
    assert str(msg["To"]) == "이위원 위원 <lee@example.go.kr>"
    assert len(msg["To"].addresses) == 1 and msg["Cc"] is None and msg["Bcc"] is None
    assert msg["X-Unsent"] == "1"  # Outlook opens it as a message to send
    kinds = sorted(p.get_content_type() for p in msg.iter_attachments())
    assert kinds == ["application/pdf", "text/calendar"]
    assert "이위원 위원님께" in msg.get_body(("plain",)).get_content()
    with pytest.raises(ValidationError):
        services.notices.write_eml(m.id, tmp_path / "missing")
    assert _logged(services, "notice.eml")[0].subject == "김위원장, 이위원, 최위원"


def test_members_without_email_and_sms_forms(services):
    _body, m, _ids = notice_meeting(services)
    assert [r.name for r in services.notices.without_email(m.id)] == ["박위원"]
    rows = services.notices.sms_rows(m.id)
    assert len(rows) == 4
    for r, short, long in rows:
        assert sms_bytes(short) <= 90 and short.startswith(f"[운영위] {r.name} 위원님")
        assert "14:00" in short and "제1차 정기회의" in short
        assert "서초구청 본관 3층 대회의실" in long and "2026년 하반기 사업계획(안)" in long
    data = services.notices.sms_csv(m.id)
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == ["성명", "휴대전화", "문구"]
    assert table[2][:2] == ["박위원", "010-5555-6666"] and table[2][2] == rows[1][1]
    assert table[4][1] == ""  # 최위원 has no 휴대전화: listed, to be seen
    assert _logged(services, "notice.sms")


def test_a_long_title_and_place_are_shortened_to_90_bytes(services):
    body, m, _ids = notice_meeting(services)
    services.meetings.update(m.id, {"title": "서초AICT 운영위원회 제1차 인공지능 산업 육성 기본계획 수립을 위한 임시회의",
                                    "place": "서초구청 신관 7층 스마트도시 통합운영센터 대회의실(주차 지원)"})
    for _r, short, _long in services.notices.sms_rows(m.id):
        assert sms_bytes(short) <= 90 and "14:00" in short and "…" in short


def test_the_template_per_body_fills_the_fields_and_refuses_unknown_ones(services, tmp_path):
    body, m, _ids = notice_meeting(services)
    services.notices.set_template(body.id, "{회의명} 안내 ({성명})", "{성명} 위원님, {일시} {장소}에서 뵙겠습니다.\n{안건}")
    path = services.notices.write_eml(m.id, tmp_path)[0]
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["Subject"] == f"{m.title} 안내 (김위원장)"
    text = msg.get_body(("plain",)).get_content()
    assert "김위원장 위원님, " in text and "14:00~16:00 서초구청 본관 3층 대회의실에서" in text
    assert "1. [의결] 2026년 하반기 사업계획(안) (간사)" in text
    with pytest.raises(ValidationError, match="이름"):
        services.notices.set_template(body.id, "{이름} 안내", "본문")
    assert services.notices.template(body.id).subject == "{회의명} 안내 ({성명})"  # unchanged


def test_a_late_notice_needs_the_reason_for_every_form(services, tmp_path):
    _body, m, _ids = notice_meeting(services, days_ahead=2)
    folder = tmp_path / "out"
    folder.mkdir()
    for make in (lambda: services.notices.per_recipient(m.id), lambda: services.notices.write_eml(m.id, folder),
                 lambda: services.notices.sms_csv(m.id)):
        with pytest.raises(ValidationError, match="긴급"):
            make()
    assert list(folder.iterdir()) == []
    assert "긴급 개최 사유: 위원 일정" in pdf_pages(services.notices.per_recipient(m.id, urgent_reason="위원 일정"))[0]


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_per_recipient_eml_sms_and_send(services, db_path, tmp_path, smtp_server, capsys):  # noqa: F811
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services)
    mid = str(m.id)
    out = tmp_path / "each.pdf"
    assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--per-recipient",
                      "--out", str(out)]) == 0
    assert len(pdf_pages(out.read_bytes())) == 4
    folder = tmp_path / "eml"
    folder.mkdir()
    assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--format", "eml",
                      "--out", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert len(list(folder.glob("*.eml"))) == 3 and "박위원 위원님 (서초구청 과장)" in printed
    assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--format", "eml",
                      "--out", str(tmp_path / "nofolder")]) == 1
    sms = tmp_path / "sms.csv"
    assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--format", "sms",
                      "--out", str(sms)]) == 0
    assert sms.read_bytes().decode("utf-8-sig").splitlines()[0] == "성명,휴대전화,문구"

    handler.refuse = {"choi@example.go.kr"}
    send = ["--db", str(db_path), "notices", "send", "--meeting", mid, "--smtp", f"127.0.0.1:{ctl.port}",
            "--from", "aict@example.go.kr"]
    capsys.readouterr()
    assert aict_main(send) == 1  # one refused: say so
    cap = capsys.readouterr()
    assert "choi@example.go.kr" in cap.out and "550" in cap.out and "박위원" in cap.out
    assert len(handler.received) == 2
    handler.refuse = set()
    assert aict_main(send) == 0
    assert len(handler.received) == 3 and handler.received[-1][0] == ["choi@example.go.kr"]
    assert aict_main(["--db", str(db_path), "notices", "send", "--meeting", "abc"]) == 1
    for fmt, per in (("docx", False), ("hwpx", True)):
        target = tmp_path / f"notice.{fmt}"
        assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--format", fmt,
                          "--out", str(target)] + (["--per-recipient"] if per else [])) == 0
        assert target.read_bytes()[:2] == b"PK"
    assert "수신  최위원 위원님" in _zip_text((tmp_path / "notice.hwpx").read_bytes(), "Contents/section0.xml")
    assert aict_main(["--db", str(db_path), "export", "notice", "--meeting", mid, "--format", "docx",
                      "--out", str(tmp_path / "wrong.pdf")]) == 1  # a .pdf that would hold a Word file
    assert not (tmp_path / "wrong.pdf").exists()
    assert aict_main(["--db", str(db_path), "export", "roster", "--body", "1", "--per-recipient",
                      "--out", str(tmp_path / "r.pdf")]) == 1


def _zip_text(data: bytes, name: str) -> str:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def test_notice_as_docx_in_official_style_with_hanging_items_and_one_letter_each(services):
    import re

    _body, m, _ids = notice_meeting(services)
    xml = _zip_text(services.exports.notice(m.id, "docx"), "word/document.xml")
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    for part in ("수신", "위원 제위", "제목", f"{m.title} 개최 알림", "1. 서초AICT 운영위원회 제1차 정기회의를 다음과 같이",
                 "가. 일시: ", "14:00~16:00", "나. 장소: 서초구청 본관 3층 대회의실", "다. 안건",
                 "1) [의결] 2026년 하반기 사업계획(안) (간사)", "라. 문의: AICT 사무국", "붙임  회의 자료 1부.  끝."):
        assert part in text, part
    item = next(p for p in xml.split("</w:p>") if "가. 일시" in p)
    assert re.search(r'<w:ind [^>]*w:hanging="\d+"', item)  # wrapped lines hang under the text
    per = _zip_text(services.notices.per_recipient(m.id, "docx"), "word/document.xml")
    assert per.count('w:type="page"') == 3
    assert all(f"{to}" in per for to in ADDRESSED)


def test_notice_as_hwpx_in_official_style_with_styles_metadata_and_one_letter_each(services):
    import re

    _body, m, _ids = notice_meeting(services)
    data = services.exports.notice(m.id, "hwpx")
    sec, head = _zip_text(data, "Contents/section0.xml"), _zip_text(data, "Contents/header.xml")
    texts = re.findall(r"<hp:t>([^<]*)</hp:t>", sec)
    assert "수신  위원 제위" in texts and f"제목  {m.title} 개최 알림" in texts and "붙임  회의 자료 1부.  끝." in texts
    assert "1) [의결] 2026년 하반기 사업계획(안) (간사)" in texts
    pr = {i: body for i, body in re.findall(r'<hh:paraPr [^>]*id="(\d+)"[^>]*>(.*?)</hh:paraPr>', head, re.S)}
    para = re.search(r'<hp:p [^>]*paraPrIDRef="(\d+)"[^>]*>(?:(?!</hp:p>).)*가\. 일시', sec, re.S)
    assert para and re.search(r'<hc:intent value="-\d+"', pr[para.group(1)])  # a hanging indent
    assert 'horizontal="CENTER"' in pr[re.search(r'<hp:p [^>]*paraPrIDRef="(\d+)"[^>]*>(?:(?!</hp:p>).)*'
                                                r'<hp:t>서초AICT 운영위원회</hp:t>', sec, re.S).group(1)]
    assert f"<opf:title>{m.title} 개최 알림" in _zip_text(data, "Contents/content.hpf")
    assert "제목" in _zip_text(data, "Preview/PrvText.txt")
    per = services.notices.per_recipient(m.id, "hwpx")
    psec = _zip_text(per, "Contents/section0.xml")
    assert len(re.findall(r'<hp:p [^>]*pageBreak="1"', psec)) == 3
    assert all(f"수신  {to}" in psec for to in ADDRESSED)
    with pytest.raises(ValidationError):
        services.exports.notice(m.id, "xlsx")
