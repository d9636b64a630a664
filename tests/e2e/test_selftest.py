"""``aict-desktop --self-test`` from source: every check passes, and a missing file is a clear failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path, lang: str = "ko") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AICT_LANG": lang, "AICT_DATA_DIR": str(tmp_path / "data")}
    env.pop("DISPLAY", None)  # no screen: the self-test must go offscreen by itself
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=240, cwd=tmp_path)


def test_self_test_passes_and_says_what_it_checked(tmp_path):
    r = _run("import sys; from aict_desktop.__main__ import main; sys.exit(main(['--self-test']))", tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    ok = [line for line in lines if line.startswith("OK")]
    assert len(ok) == 10, r.stdout
    for what in ("프로그램 파일", "번역", "임시 데이터 파일", "예시 데이터", "위촉장", "편집", "서버", "키링", "주 창",
                 "미리보기"):
        assert any(what in line for line in ok), (what, r.stdout)
    assert "offscreen" in r.stdout and "NanumGothic" in r.stdout
    assert "자체 점검 통과" in lines[-1]
    assert not (tmp_path / "data").exists()  # the user's data folder was not touched
    used = next(line for line in ok if "self-test.sqlite" in line)
    folder = Path(used[used.index("/"):used.index("self-test.sqlite")])
    assert folder.name.startswith("aict-self-test-") and not folder.exists()  # the temporary folder is gone


def test_self_test_in_english(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"language": "en"}', encoding="utf-8")  # the GUI's language
    r = _run("import sys; from aict_desktop.__main__ import main; sys.exit(main(['--self-test']))", tmp_path, "en")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "OK      Program files:" in r.stdout and r.stdout.rstrip().endswith("Self-test passed: 10 checks.")


def test_a_bundle_without_its_files_fails_with_the_reason(tmp_path):
    empty = tmp_path / "_internal"
    empty.mkdir()
    code = (f"import sys; sys._MEIPASS = {str(empty)!r}\n"
            "from aict_desktop.__main__ import main; sys.exit(main(['--self-test']))")
    r = _run(code, tmp_path)
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    failed = [line for line in r.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and "NanumGothic.ttf" in failed[0] and "demo/demo.json" in failed[0], r.stdout
    assert "migrations/env.py" in failed[0]
    assert not any(line.startswith("OK") for line in r.stdout.splitlines())


def test_the_keyring_check_fails_on_windows_when_no_keyring_works(monkeypatch, tmp_path):
    """Windows always has the Credential Manager: a bundle that cannot use it must not pass (issue 21 item 12)."""
    import types

    import keyring
    import pytest
    from keyring.backends import fail

    from aict_desktop import selftest

    keyring.set_keyring(fail.Keyring())
    run = selftest._Run(tmp_path)
    assert "passphrase" in run.keyring() or "암호" in run.keyring()  # a headless Linux PC: said, not failed
    monkeypatch.setattr(selftest, "sys", types.SimpleNamespace(platform="win32", argv=[]))
    with pytest.raises(selftest.CheckFailed):
        run.keyring()


def test_a_plaintext_keyring_is_not_a_working_keyring_on_windows(monkeypatch, tmp_path):
    """A backend that keeps secrets in a plain file answers the round trip, but the program never uses it
    (``system_keyring.usable``): on Windows the self-test fails and says what is wrong."""
    import types

    import keyring
    import pytest

    from aict_desktop import selftest
    from tests.conftest import MemoryKeyring

    class PlaintextKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(PlaintextKeyring())
    run = selftest._Run(tmp_path)
    monkeypatch.setattr(selftest, "sys", types.SimpleNamespace(platform="win32", argv=[]))
    with pytest.raises(selftest.CheckFailed) as err:
        run.keyring()
    assert "PlaintextKeyring" in str(err.value) and ("Credential Manager" in str(err.value) or "자격 증명" in str(err.value))
    assert keyring.get_keyring().secrets == {}  # nothing was written into the plain file
    keyring.set_keyring(MemoryKeyring())
    assert "saved, read back and removed" in run.keyring() or "저장" in run.keyring()  # a real backend passes
