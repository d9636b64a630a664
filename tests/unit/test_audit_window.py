"""The 접속기록 window runs the same checks as `aict check`: a wiped log and a recomputed chain show as ✘."""

import pytest

from aict_desktop.i18n import _
from aict_desktop.ui.privacy.access_log_dialog import AccessLogDialog

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def person(services):
    inst = services.roster.create_institution(name="서초구청")
    p = services.roster.create_person(name="홍길동", institution_id=inst.id)
    services.personal.set_rrn(p.id, "800101-1234567")
    return p


def test_the_window_says_the_log_is_sealed_and_shows_a_wiped_log(qtbot, services, person, tmp_path):
    dlg = AccessLogDialog(services.store)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "✔" in dlg.chain.text() and _("Access log: seal verified.") in dlg.chain.text()
    dlg.grab().save(str(tmp_path / "sealed.png"))
    with services.store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM accesslog")
        conn.exec_driver_sql("DELETE FROM setting WHERE key IN ('audit.anchor', 'audit.mac')")
    dlg.reload()
    assert dlg.model.rowCount() == 0
    text = dlg.chain.text()
    assert text.startswith("✘ ") and _("personal data of {n} people").format(n=1) in text, text
    dlg.grab().save(str(tmp_path / "wiped.png"))
