"""Hangul helpers: 초성 for search and the 으로/로 particle."""

from __future__ import annotations

_BASE, _LAST = 0xAC00, 0xD7A3
_CHOSUNG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JAMO_CONSONANTS = set("ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")


def is_syllable(ch: str) -> bool:
    return _BASE <= ord(ch) <= _LAST


def initials(text: str) -> str:
    """홍길동 → ㅎㄱㄷ; other characters pass through unchanged."""
    out = []
    for ch in text:
        if is_syllable(ch):
            out.append(_CHOSUNG[(ord(ch) - _BASE) // 588])
        else:
            out.append(ch)
    return "".join(out)


def matches(query: str, name: str) -> bool:
    """Search-as-you-type on Korean names, 초성 and mixed input.

    Each query character matches at the same position of a substring of
    ``name``: a consonant jamo (ㅎ) matches any syllable with that 초성
    (or itself); a full syllable matches itself. So ``ㅎㄱㄷ``, ``홍ㄱ``,
    ``길동`` and ``홍길동`` all find 홍길동. Latin text matches case-insensitively.
    """
    q = query.strip().lower()
    if not q:
        return True
    n = name.lower()
    if q in n:
        return True
    if not any(c in _JAMO_CONSONANTS for c in q):
        return False
    ini = initials(n)
    for start in range(len(n) - len(q) + 1):
        for i, qc in enumerate(q):
            if qc in _JAMO_CONSONANTS:
                if ini[start + i] != qc:
                    break
            elif n[start + i] != qc:
                break
        else:
            return True
    return False


# What a Korean IME makes of consonants typed one after another for a 초성 search: ㄱ+ㅅ become the
# compound ㄳ, and a consonant after a syllable becomes its 받침 (이+ㅅ → 잇, 이+ㄹ+ㄱ → 읽).
_COMPOUND = {"ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
             "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ"}
_JONGSUNG = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ",
             "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


def _split_final(ch: str) -> str:
    """잇 → 이ㅅ, 읽 → 이ㄹㄱ: the syllable without its 받침, then the 받침 as typed consonants."""
    code = ord(ch) - _BASE
    final = _JONGSUNG[code % 28]
    return chr(_BASE + code - code % 28) + _COMPOUND.get(final, final)


def query_variants(query: str) -> list[str]:
    """The query as typed, and as the consonants were meant before the IME joined them.

    ``ㄳㅁ`` → ``ㄱㅅㅁ``; ``잇`` or ``잇ㅁ`` → ``이ㅅ`` / ``이ㅅㅁ`` (a syllable whose 받침 ends the query or is
    followed by a consonant). A name matching any variant is found; the first is the query itself.
    """
    out = [query]
    chars = [_COMPOUND.get(c, c) for c in query]
    for i, ch in enumerate(chars):
        nxt = chars[i + 1][:1] if i + 1 < len(chars) else ""
        if len(ch) == 1 and is_syllable(ch) and (ord(ch) - _BASE) % 28 and (not nxt or nxt in _JAMO_CONSONANTS):
            chars[i] = _split_final(ch)
    joined = "".join(chars)
    if joined != query:
        out.append(joined)
    return out


def has_final_consonant(word: str) -> bool | None:
    """Whether the last syllable has a 받침 (None if it is not Hangul)."""
    for ch in reversed(word.strip()):
        if is_syllable(ch):
            return (ord(ch) - _BASE) % 28 != 0
        if ch.isalnum():
            return None
    return None


def particle_euro(word: str) -> str:
    """The 으로/로 particle after ``word``: 위원으로, 위원장으로, 간사로, 분과장으로.

    로 after a vowel or after ㄹ 받침 (e.g. 서울로); 으로 after any other 받침.
    """
    for ch in reversed(word.strip()):
        if is_syllable(ch):
            final = (ord(ch) - _BASE) % 28
            return "로" if final in (0, 8) else "으로"  # 8 = ㄹ
        if ch.isalnum():
            break
    return "(으)로"
