"""A data file on a network share or in a OneDrive folder is warned about (issue 21 item 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aict_desktop.store import location


def test_a_onedrive_folder_is_named(tmp_path, monkeypatch):
    onedrive = tmp_path / "OneDrive - 서초구청"
    monkeypatch.setenv("OneDriveCommercial", str(onedrive))
    assert location.sync_folder(onedrive / "문서" / "aict.sqlite") == "OneDrive"
    assert location.sync_folder(tmp_path / "Dropbox" / "aict.sqlite") == "Dropbox"
    assert location.sync_folder(tmp_path / "업무" / "aict.sqlite") is None
    assert "OneDrive" in location.location_warning(onedrive / "aict.sqlite")


def test_network_mounts_are_recognised(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n"
                      "//nas/사무국 /mnt/nas cifs rw 0 0\n"
                      "server:/export /mnt/nfs\\040share nfs4 rw 0 0\n", encoding="utf-8")
    assert location._mount_type(Path("/mnt/nas/위원회/aict.sqlite"), str(mounts)) == "cifs"
    assert location._mount_type(Path("/mnt/nfs share/aict.sqlite"), str(mounts)) == "nfs4"
    assert location._mount_type(Path("/home/kim/aict.sqlite"), str(mounts)) == "ext4"
    assert location._mount_type(Path("/mnt/nasty/aict.sqlite"), str(mounts)) == "ext4"  # not /mnt/nas


def test_a_local_file_has_no_warning(tmp_path):
    assert location.location_warning(tmp_path / "aict.sqlite") is None


def test_the_command_warns_when_the_data_file_is_in_a_sync_folder(tmp_path):
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    env = {"AICT_DATA_DIR": str(tmp_path / "data"), "AICT_LANG": "en", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    r = subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(folder / "aict.sqlite"), "init"],
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "OneDrive folder" in r.stderr
