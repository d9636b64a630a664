"""The data key: OS keyring entry per database, passphrase (scrypt) where no keyring works."""

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from aict_desktop.domain.errors import ValidationError
from aict_desktop.security import keys as keys_mod
from aict_desktop.security.keys import SERVICE, KeyManager, KeyUnavailable
from aict_desktop.services.container import Services
from aict_desktop.store.identity import get_setting
from tests.conftest import MemoryKeyring


def _person(services, name="홍길동"):
    inst = services.roster.create_institution(name="서초구청")
    return services.roster.create_person(name=name, institution_id=inst.id)


@pytest.mark.sqlite_only
def test_key_is_made_once_and_kept_in_the_keyring_under_the_database_id(services, _isolated, db_path):
    p = _person(services)
    services.personal.set_rrn(p.id, "800101-1234567")
    db_id = get_setting(services.store, "database_id")
    stored = _isolated.secrets[(SERVICE, db_id)]
    assert services.keys.mode() == "keyring"
    # the Setting table holds a check value, never the key
    assert stored not in db_path.read_bytes().decode("latin-1")
    assert get_setting(services.store, keys_mod.S_CHECK) and stored not in get_setting(services.store, keys_mod.S_CHECK)
    # a new session (another program start) finds the same key
    again = Services(services.store)
    assert again.personal.reveal_rrn(p.id) == "800101-1234567"


def test_lost_keyring_entry_gives_a_clear_message_and_the_rest_still_works(services, _isolated):
    p = _person(services)
    services.personal.set_rrn(p.id, "800101-1234567")
    _isolated.secrets.clear()  # e.g. the data file was copied to another PC
    fresh = Services(services.store)
    with pytest.raises(KeyUnavailable, match="not on this computer|이 컴퓨터에 없습니다"):
        fresh.personal.reveal_rrn(p.id)
    view = fresh.personal.view(p.id)
    assert view.has_rrn and view.rrn_masked == "******-*******" and "컴퓨터" in view.problem
    # non-encrypted data is untouched and usable
    assert [r.name for r in fresh.roster.list_people()] == ["홍길동"]
    fresh.roster.update_person(p.id, {"position": "위원"})
    assert fresh.roster.get_person(p.id).position == "위원"
    # a lost key is never replaced silently by a new one
    with pytest.raises(KeyUnavailable):
        fresh.personal.set_rrn(p.id, "900101-2234567")


def test_exported_key_moves_the_data_to_another_computer(services, _isolated):
    p = _person(services)
    services.personal.set_bank(p.id, "신한은행", "110-123-456789")
    exported = services.keys.export_key()
    keyring.set_keyring(MemoryKeyring())  # the new computer's empty keyring
    fresh = Services(services.store)
    with pytest.raises(ValidationError):
        fresh.keys.import_key("aict-key-v1:" + "A" * 44)  # someone else's key
    with pytest.raises(ValidationError):
        fresh.keys.import_key("not a key")
    fresh.keys.import_key(exported)
    assert fresh.personal.reveal_bank(p.id).account == "110-123-456789"


def test_without_a_keyring_a_passphrase_is_asked_once_per_session(services):
    keyring.set_keyring(NoKeyring())
    assert not keys_mod.keyring_usable()
    asked = []

    def provider(new):
        asked.append(new)
        return "correct horse battery"

    p = _person(services)
    services.keys.set_passphrase_provider(provider)
    services.personal.set_rrn(p.id, "800101-1234567")
    services.personal.set_bank(p.id, "국민은행", "123456-01-234567")
    assert services.personal.reveal_rrn(p.id) == "800101-1234567"
    assert asked == [True]  # chosen once, then kept in memory for the session
    assert services.keys.mode() == "passphrase"

    later = Services(services.store)  # the next program start
    later.keys.set_passphrase_provider(lambda new: "wrong passphrase")
    with pytest.raises(ValidationError, match="passphrase|암호"):
        later.personal.reveal_rrn(p.id)
    view = later.personal.view(p.id)
    assert view.problem and view.rrn_masked == "******-*******"  # no prompt, nothing revealed
    later.keys.set_passphrase_provider(lambda new: "correct horse battery")
    assert later.personal.reveal_bank(p.id).account == "123456-01-234567"


@pytest.mark.sqlite_only
def test_no_keyring_and_no_passphrase_refuses_and_never_stores_clear_text(services, db_path):
    keyring.set_keyring(NoKeyring())
    p = _person(services)
    with pytest.raises(KeyUnavailable, match="passphrase|암호"):
        services.personal.set_rrn(p.id, "800101-1234567")
    assert services.roster.get_person(p.id).rrn_enc is None
    assert not services.keys.has_key()
    services.keys.set_passphrase_provider(lambda new: "short")
    with pytest.raises(ValidationError, match="8"):
        services.personal.set_rrn(p.id, "800101-1234567")
    assert b"8001011234567" not in db_path.read_bytes()


def test_reset_erases_only_encrypted_values_and_makes_a_new_key(services, _isolated):
    p = _person(services)
    services.personal.set_rrn(p.id, "800101-1234567")
    _isolated.secrets.clear()
    fresh = Services(services.store)
    with pytest.raises(ValidationError):
        fresh.personal.reset_key(confirm=False)
    assert fresh.personal.reset_key(confirm=True) == 1
    assert fresh.roster.get_person(p.id).name == "홍길동"
    assert fresh.personal.view(p.id).has_rrn is False
    fresh.personal.set_rrn(p.id, "900101-2234567")
    assert fresh.personal.reveal_rrn(p.id) == "900101-2234567"


def test_key_manager_without_data_says_so(store):
    with pytest.raises(KeyUnavailable, match="yet|아직"):
        KeyManager(store).key()
