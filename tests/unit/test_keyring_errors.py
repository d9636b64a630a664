"""Keyring backends fail with errors of their own (issue 21 item 8): Windows raises pywintypes.error.

Such an error is not a KeyringError, so the passphrase fallback never ran and the program crashed.
Every keyring call goes through ``aict_desktop.system_keyring``, which turns them into KeyringError.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from aict_desktop import system_keyring


class error(Exception):  # noqa: N801 (named as pywin32 names it: pywintypes.error)
    """What pywin32 raises: (winerror, funcname, message)."""


class WindowsCredentialFailure(KeyringBackend):
    """A Windows Credential Manager that refuses (a locked profile, a policy)."""

    priority = 5

    def get_password(self, service, username):
        raise error(1312, "CredRead", "지정된 로그온 세션이 없습니다.")

    def set_password(self, service, username, password):
        raise error(1312, "CredWrite", "지정된 로그온 세션이 없습니다.")

    def delete_password(self, service, username):
        raise error(1168, "CredDelete", "요소를 찾을 수 없습니다.")


@pytest.fixture
def failing():
    keyring.set_keyring(WindowsCredentialFailure())


def test_the_backend_s_own_error_becomes_a_keyring_error(failing):
    for call in (lambda: system_keyring.get_password("s", "a"), lambda: system_keyring.set_password("s", "a", "p"),
                 lambda: system_keyring.delete_password("s", "a")):
        with pytest.raises(KeyringError) as err:
            call()
        assert isinstance(err.value.__cause__, error)


def test_the_personal_data_falls_back_to_the_passphrase(failing, services):
    inst = services.roster.create_institution(name="서초구청")
    p = services.roster.create_person(name="홍길동", institution_id=inst.id)
    services.keys.set_passphrase_provider(lambda new: "아주 긴 암호 문구 2026")
    services.personal.set_rrn(p.id, "800101-1234567")  # crashed with pywintypes.error before
    assert services.keys.mode() == "passphrase"
    assert services.personal.reveal_rrn(p.id) == "800101-1234567"


def test_a_server_password_lookup_does_not_crash(failing):
    from aict_desktop.store import server

    assert server.saved_password("postgresql+psycopg://kim@db.office/aict") is None



def test_choosing_a_backend_skips_the_macos_library_search_elsewhere():
    """keyring imports its macOS backend to choose one; that import searched for three macOS libraries
    (``ctypes.util.find_library``: 0.18 s on Linux, a fifth of ``aict certificates issue``)."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import ctypes.util, json, sys\n"
        "asked = []\n"
        "real = ctypes.util.find_library\n"
        "ctypes.util.find_library = lambda name: asked.append(name) or real(name)\n"
        "from aict_desktop import system_keyring\n"
        "ring = system_keyring.backend()\n"
        "print(json.dumps([type(ring).__module__, asked, sys.platform]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    module, asked, platform = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                                        text=True, check=True, env=env).stdout)
    assert module.startswith("keyring.backends.")  # a backend was chosen the usual way
    if platform != "darwin":
        assert "Security" not in asked  # the macOS library was never searched for
