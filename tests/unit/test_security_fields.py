"""Field encryption (AES-GCM bound to record and column), masks, 주민등록번호 validation."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aict_desktop.domain.cells import safe_cell
from aict_desktop.domain.ciphertext import looks_encrypted
from aict_desktop.domain.errors import ValidationError
from aict_desktop.security import fields
from aict_desktop.security.fields import BankAccount, UndecryptableError
from aict_desktop.services.personal import clean_bank, normalise_rrn

KEY = bytes(range(32))


def test_round_trip_and_nonce_is_fresh():
    a = fields.encrypt(KEY, "8001011234567", 7, fields.RRN)
    b = fields.encrypt(KEY, "8001011234567", 7, fields.RRN)
    assert a != b and a.startswith("v1:")
    assert "8001011234567" not in a
    assert fields.decrypt(KEY, a, 7, fields.RRN) == "8001011234567"


@pytest.mark.parametrize("record_id, column, key", [
    (8, fields.RRN, KEY),  # copied onto another person
    (7, fields.BANK, KEY),  # moved into the other column
    (7, fields.RRN, bytes(range(100, 132))),  # another data file's key
], ids=["another-person", "another-column", "another-key"])
def test_value_is_bound_to_record_column_and_key(record_id, column, key):
    token = fields.encrypt(KEY, "8001011234567", 7, fields.RRN)
    with pytest.raises(UndecryptableError, match="decrypted|복호화"):
        fields.decrypt(key, token, record_id, column)


def test_tampered_value_is_refused():
    token = fields.encrypt(KEY, "secret", 1, fields.BANK)
    raw = bytearray(token.encode())
    raw[-5] = ord("A") if raw[-5] != ord("A") else ord("B")
    with pytest.raises(UndecryptableError):
        fields.decrypt(KEY, raw.decode(), 1, fields.BANK)
    with pytest.raises(UndecryptableError):
        fields.decrypt(KEY, "8001011234567", 1, fields.BANK)  # clear text put in by hand


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=1, max_value=2**40))
def test_any_text_round_trips(text, record_id):
    token = fields.encrypt(KEY, text, record_id, fields.BANK)
    assert looks_encrypted(token)
    assert fields.decrypt(KEY, token, record_id, fields.BANK) == text


def test_looks_encrypted_spots_clear_text():
    assert looks_encrypted(None)
    assert not looks_encrypted("800101-1234567")
    assert not looks_encrypted("v1:not base64!")
    assert looks_encrypted(fields.encrypt(KEY, "x", 1, fields.RRN))


def test_masks():
    assert fields.mask_rrn("8001011234567") == "800101-1******"
    assert fields.mask_rrn("junk") == "******-*******"
    assert fields.mask_account("110-123-456789") == "***-***-**6789"
    assert fields.mask_account("1002345678901") == "*********8901"
    acct = BankAccount("국민은행", "123456-01-234567", "홍길동")
    assert acct.masked() == "국민은행 ******-**-**4567 (예금주 홍길동)"
    assert BankAccount.from_json(acct.to_json()) == acct


@pytest.mark.parametrize("text, digits", [
    ("800101-1234567", "8001011234567"),
    ("800101 1234567", "8001011234567"),
    ("8001011234567", "8001011234567"),
    ("０５０２２９-３２３４５６７", "0502293234567"),  # full-width digits, 2005-02-29 is not a date... see below
])
def test_rrn_accepted_forms(text, digits):
    if digits == "0502293234567":
        with pytest.raises(ValidationError, match="birth date|생년월일"):
            normalise_rrn(text)
        return
    assert normalise_rrn(text) == digits


def test_rrn_accepts_new_numbers_without_the_old_check_digit_and_foreigners():
    assert normalise_rrn("200229-4000001") == "2002294000001"  # born 2020-02-29, check digit not enforced
    assert normalise_rrn("900515-5123456") == "9005155123456"  # 외국인등록번호


@pytest.mark.parametrize("text", [
    "", "abc", "800101-123456", "800101-12345678", "800101-9234567", "801301-1234567", "800132-1234567",
    "800101--1234567", "800101-1234567; DROP TABLE person", "8001O1-1234567",
])
def test_rrn_garbage_is_refused(text):
    with pytest.raises(ValidationError):
        normalise_rrn(text)


def test_rrn_in_the_future_is_refused():
    with pytest.raises(ValidationError, match="future|미래"):
        normalise_rrn("991231-3234567", today=dt.date(2025, 6, 5))  # 2099


def test_bank_validation():
    assert clean_bank("신한은행", "110 123 456789", "홍길동").account == "110-123-456789"
    for account in ("12345", "abc-def", "110-123-456789-123456789012"):
        with pytest.raises(ValidationError):
            clean_bank("신한은행", account, "홍길동")
    with pytest.raises(ValidationError):
        clean_bank("", "110-123-456789", "홍길동")


@pytest.mark.parametrize("value, expected", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("  =1+2", "'  =1+2"),
    ("-5", "-5"),
    ("홍길동", "홍길동"),
    (42, 42),
])
def test_spreadsheet_cells_are_neutralised(value, expected):
    assert safe_cell(value) == expected
