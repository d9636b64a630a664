"""Hangul helpers: 초성 for search and the particles (은/는, 이/가, 을/를, 과/와, 으로/로) after a value."""

from __future__ import annotations

import re

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


def particle_euro(word: str) -> str:
    """The 으로/로 particle after ``word``: 위원으로, 위원장으로, 간사로, 분과장으로 (``(으)로`` when unknown)."""
    return particle(word, "으로")[len(word):]


# --- particles after a value put into a message ------------------------------------------------------

_DIGIT_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                "8": True, "9": False}  # 영 일 이 삼 사 오 육 칠 팔 구
_LATIN_FINAL = set("lmnr")  # 엘 엠 엔 알 (the other letters are read without 받침)
_PAIRS = {"을": ("을", "를"), "를": ("을", "를"), "이": ("이", "가"), "가": ("이", "가"), "은": ("은", "는"),
          "는": ("은", "는"), "과": ("과", "와"), "와": ("과", "와"), "으로": ("으로", "로"), "로": ("으로", "로"),
          "이다": ("이다", "다"), "이라": ("이라", "라")}


def last_sound(word: str) -> int | None:
    """The 받침 of the last sound of ``word`` (0 = none, 8 = ㄹ, else its index), None when unknown.

    A trailing bracket group is not read (``계획(안)`` is read 계획; ``제2026-003호`` is read …호),
    digits are read as Sino-Korean numbers (``2026`` ends in 육, ``10`` in 십) and Latin letters by name.
    """
    text = word.rstrip()
    while True:
        stripped = re.sub(r"\s*(\([^()]*\)|\[[^\[\]]*\])$", "", text)
        if stripped == text or not stripped:
            break
        text = stripped.rstrip()
    text = text.rstrip(" .,'\"”’")
    if not text:
        return None
    ch = text[-1]
    if 0xAC00 <= ord(ch) <= 0xD7A3:
        return (ord(ch) - 0xAC00) % 28
    if ch in _DIGIT_FINAL:  # ASCII digits only: ¹, ٣ and the like are not read (the pair stays)
        found = re.search(r"[0-9]+$", text)
        assert found is not None  # text ends in a digit
        digits = found.group()
        if set(digits) == {"0"} or digits.lstrip("0") == "":
            return 21  # 영
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros:  # 십 백 천 만 …: ㅂ ㄱ ㄴ ㄴ
            return {1: 17, 2: 1, 3: 4}.get(zeros, 4)
        return {"1": 8, "7": 8, "8": 8}.get(ch, 21 if _DIGIT_FINAL[ch] else 0)
    if ch.isascii() and ch.isalpha():
        return 8 if ch.lower() in "lr" else (16 if ch.lower() in "mn" else 0)
    return None


def particle(word: str, which: str) -> str:
    """``word`` with the particle that follows it: ``particle("제2026-003호", "을")`` → ``제2026-003호를``.

    ``which`` is either form of 을/를, 이/가, 은/는, 과/와, 으로/로, 이다/다, 이라/라; when the sound cannot
    be known the pair is written out (``을(를)``).
    """
    with_final, without = _PAIRS[which]
    final = last_sound(word)
    if final is None:
        return f"{word}{with_final}({without})"
    if with_final == "으로":
        return word + ("로" if final in (0, 8) else "으로")
    return word + (with_final if final else without)


_PARTICLES = {"은(는)": ("은", "는"), "이(가)": ("이", "가"), "을(를)": ("을", "를"), "과(와)": ("과", "와"),
              "와(과)": ("과", "와"), "(으)로": ("으로", "로")}
_PARTICLE_RE = re.compile("|".join(re.escape(k) for k in _PARTICLES))


def has_particle_pair(text: str) -> bool:
    return _PARTICLE_RE.search(text) is not None


def attach_particles(text: str) -> str:
    """``홍세아이(가)`` → ``홍세아가``, ``위원회은(는)`` → ``위원회는``, ``서울(으)로`` → ``서울로``.

    The Korean catalog writes both forms after a value it cannot know (``{name}이(가)``); once the
    value is in, the one that fits how it ends is kept. Text after which nothing readable comes stays
    with both forms.
    """
    def pick(m: re.Match) -> str:
        final = last_sound(text[: m.start()])
        if final is None:
            return m.group(0)
        with_final, without = _PARTICLES[m.group(0)]
        if m.group(0) == "(으)로":
            return without if final in (0, 8) else with_final
        return with_final if final else without

    return _PARTICLE_RE.sub(pick, text)
