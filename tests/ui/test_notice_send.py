"""알림 보내기 from the 회의 page: typed server, progress, per-recipient results, retry; letters and 문자."""

from __future__ import annotations

import email
from email import policy

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from aict_desktop.i18n import _
from tests.ui.user import answer_next_input, type_text
from tests.unit.test_notice_mail import Recorder, notice_meeting, smtp_server  # noqa: F401  (the loopback SMTP fixture)


def _page(qtbot, services, meeting_id):
    from aict_desktop.ui.pages.meetings import MeetingsPage

    page = MeetingsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.select_id(meeting_id)
    return page


def _open(qtbot, page):
    from aict_desktop.ui.meetings.notice_send_dialog import NoticeSendDialog

    button = page.doc_buttons["send"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = page.findChild(NoticeSendDialog)
    assert dlg is not None and dlg.isVisible()
    qtbot.addWidget(dlg)  # closed after the test even when it fails
    return dlg


def _results(dlg):
    return {dlg.table.item(i, 2).text(): (dlg.table.item(i, 3).text() if dlg.table.item(i, 3) else "")
            for i in range(dlg.table.rowCount())}


def test_send_from_the_meetings_page_shows_results_and_retries(qtbot, services, smtp_server, tmp_path):  # noqa: F811
    handler, ctl = smtp_server
    handler.refuse = {"lee@example.go.kr"}
    _body, m, _ids = notice_meeting(services)
    page = _page(qtbot, services, m.id)
    dlg = _open(qtbot, page)
    assert dlg.table.rowCount() == 3  # 박위원 has no e-mail
    for field, text in ((dlg.host, "127.0.0.1"), (dlg.sender, "aict@example.go.kr")):
        field.setFocus()
        type_text(field, text)
    dlg.port.lineEdit().selectAll()
    type_text(dlg.port.lineEdit(), str(ctl.port))
    dlg.security.setCurrentIndex(dlg.security.findData("none"))
    qtbot.mouseClick(dlg.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.done, timeout=20000)
    got = _results(dlg)
    assert got["chair@example.go.kr"] == got["choi@example.go.kr"] == _("Sent")
    assert got["lee@example.go.kr"].startswith(_("Refused") + ": 550") and "User unknown" in got["lee@example.go.kr"]
    assert dlg.progress.value() == dlg.progress.maximum()
    assert dlg.retry_button.isEnabled() and len(handler.received) == 2
    dlg.grab().save(str(tmp_path / "notice_send.png"))

    handler.refuse = set()
    qtbot.mouseClick(dlg.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job.done and not dlg.retry_button.isEnabled() and dlg.send_button.isEnabled(),
                    timeout=20000)
    got = _results(dlg)
    assert got["lee@example.go.kr"] == _("Sent") and got["chair@example.go.kr"] == _("Sent before")
    assert len(handler.received) == 3 and handler.received[-1][0] == ["lee@example.go.kr"]
    assert email.message_from_bytes(handler.received[-1][1], policy=policy.default)["To"].addresses[0].display_name \
        == "이위원 위원"
    assert services.notices.smtp_settings().host == "127.0.0.1"  # kept for next time

    assert [dlg.no_email.item(i).text() for i in range(dlg.no_email.count())] == ["박위원 위원님 (서초구청 과장)"]
    dlg.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dlg.make_sms, Qt.MouseButton.LeftButton)
    assert dlg.sms_table.rowCount() == 4 and dlg.sms_table.item(1, 1).text() == "010-5555-6666"
    qtbot.mouseClick(dlg.copy_sms, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().splitlines()[0].startswith("김위원장\t010-1111-2222\t[운영위]")
    box = QApplication.activeModalWidget()
    if box is not None and box is not dlg:
        box.close()
    dlg.close()


def test_a_late_notice_asks_for_the_reason_before_sending(qtbot, services, smtp_server):  # noqa: F811
    handler, ctl = smtp_server
    _body, m, _ids = notice_meeting(services, days_ahead=2)
    services.notices.save_smtp_settings(services.notices.check_smtp(
        __import__("aict_desktop.services.notice_mail", fromlist=["SmtpConfig"]).SmtpConfig(
            host="127.0.0.1", port=ctl.port, security="none", sender="aict@example.go.kr")))
    page = _page(qtbot, services, m.id)
    dlg = _open(qtbot, page)
    answer_next_input(None)  # cancelled: nothing is sent
    qtbot.mouseClick(dlg.send_button, Qt.MouseButton.LeftButton)
    assert dlg.job is None and handler.received == []
    answer_next_input("위원 일정 조정")
    qtbot.mouseClick(dlg.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.done, timeout=20000)
    assert len(handler.received) == 3
    body = email.message_from_bytes(handler.received[0][1], policy=policy.default).get_body(("plain",)).get_content()
    assert "긴급 개최 사유: 위원 일정 조정" in body
    dlg.close()


def test_the_official_notice_saved_as_hwpx_one_letter_per_invitee(qtbot, services, tmp_path, monkeypatch):
    import zipfile

    _body, m, _ids = notice_meeting(services)
    page = _page(qtbot, services, m.id)
    dlg = _open(qtbot, page)
    dlg.tabs.setCurrentIndex(1)
    target = tmp_path / "공문.hwpx"
    monkeypatch.setattr("aict_desktop.ui.documents.ask_save_path", lambda *_a, **_k: str(target))  # the user's choice
    qtbot.mouseClick(dlg.per_recipient, Qt.MouseButton.LeftButton)
    assert dlg.per_recipient.isChecked()
    qtbot.mouseClick(dlg.save_hwpx, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    sec = zipfile.ZipFile(target).read("Contents/section0.xml").decode("utf-8")
    assert sec.count("<hp:t>수신  ") == 4 and "수신  박위원 위원님 (서초구청 과장)" in sec
    dlg.close()


def test_the_message_template_is_edited_refused_when_wrong_and_used(qtbot, services, tmp_path):
    from aict_desktop.ui import feedback

    body, m, _ids = notice_meeting(services)
    page = _page(qtbot, services, m.id)
    dlg = _open(qtbot, page)
    qtbot.mouseClick(dlg.template_button, Qt.MouseButton.LeftButton)
    editor = dlg.template_dialog
    qtbot.addWidget(editor)
    assert editor.isVisible() and "{성명}" in editor.body.toPlainText()
    editor.subject.selectAll()
    type_text(editor.subject, "{회의명} 안내 {이름}")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and "{이름}" in feedback.shown[-1]  # refused, the dialog stays
    box = QApplication.activeModalWidget()
    if box is not None and box is not editor and box is not dlg:
        box.close()
    editor.subject.selectAll()
    type_text(editor.subject, "{회의명} 안내 ({성명})")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert services.notices.template(body.id).subject == "{회의명} 안내 ({성명})"
    dlg.close()
