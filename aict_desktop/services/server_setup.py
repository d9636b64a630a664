"""설정 → 데이터베이스 for the shared office server: try an address, keep its password in the keyring.

The settings file keeps the address only; a password typed into the address is refused (it would be
stored in clear in settings.json), and the password field goes to the OS keyring.
"""

from __future__ import annotations

from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _
from aict_desktop.store import server


def is_server_address(text: str) -> bool:
    return server.is_server_url(text.strip())


def refuse_password_in_address(url: str) -> str:
    """The address as it will be kept; a ValidationError when a password is written into it."""
    address, password = server.split_password(url.strip())
    if password:
        raise ValidationError(_("Do not write the password into the address: it would be kept in clear in the "
                                "settings file. Enter it in the password field; it is kept in the system keyring."),
                              field="database")
    return address


def test_connection(url: str, password: str = "") -> str:
    """What the server says about this address (and password, else the saved one); StoreError if it refuses."""
    return server.test_connection(refuse_password_in_address(url), password or None)


def save_password(url: str, password: str) -> None:
    """Keep the password of this address in the system keyring (StoreError when there is no secure one)."""
    server.save_password(refuse_password_in_address(url), password)


def has_saved_password(url: str) -> bool:
    try:
        return bool(server.saved_password(url.strip()))
    except Exception:  # an address that cannot be read has no saved password
        return False
