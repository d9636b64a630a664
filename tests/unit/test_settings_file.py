"""settings.json as Windows tools write it (issue 21 item 6): with a BOM, in CP949, or broken."""

from __future__ import annotations

import json
import subprocess
import sys

from aict_desktop.config import Settings

WANTED = {"database": "D:\\\\업무\\\\위원회.sqlite", "user_name": "김주무관", "expiring_days": 90}


def _write(path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))


def test_a_file_with_a_bom_is_read(tmp_path):
    f = tmp_path / "settings.json"
    _write(f, json.dumps(WANTED, ensure_ascii=False), "utf-8-sig")  # Notepad, PowerShell 5.1 Out-File -Encoding utf8
    s = Settings.load(f)
    assert (s.database, s.user_name, s.expiring_days, s.problem) == (WANTED["database"], "김주무관", 90, "")


def test_a_file_in_cp949_is_read(tmp_path):
    f = tmp_path / "settings.json"
    _write(f, json.dumps(WANTED, ensure_ascii=False), "cp949")
    s = Settings.load(f)
    assert (s.database, s.user_name, s.problem) == (WANTED["database"], "김주무관", "")


def test_a_broken_file_gives_the_defaults_with_a_message_and_is_kept_before_a_save(tmp_path):
    f = tmp_path / "settings.json"
    broken = '{"database": "D:\\\\업무\\\\위원회.sqlite", "user_name": "김주무관",'  # cut short
    f.write_text(broken, encoding="utf-8")
    s = Settings.load(f)
    assert s.database == "" and str(f) in s.problem
    assert f.read_text(encoding="utf-8") == broken  # loading never touches it

    s.language = "en"
    s.save(f)
    (kept,) = tmp_path.glob("settings.json.unreadable-*")
    assert kept.read_text(encoding="utf-8") == broken
    assert json.loads(f.read_text(encoding="utf-8"))["language"] == "en"


def test_the_command_says_so_when_the_settings_cannot_be_read(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_bytes(b'{"database": ')
    env = {"AICT_DATA_DIR": str(data), "AICT_LANG": "ko", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "aict_desktop.cli", "list", "bodies"], env=env,
                       capture_output=True, text=True, timeout=120)
    assert "settings.json" in r.stderr and "기본 설정" in r.stderr, r.stderr
