"""Plain-language measures for the content (clinical spec §5, §9): Spanish readability by INFLESZ
(Szigriszt-Pazos) with a rule-based Spanish syllable counter.

textstat 0.7.8 counts Spanish syllables with an English-trained hyphenator, which undercounts vowel
sequences ("agua" and "día" come out as one syllable), so its Szigriszt-Pazos score flatters a text by 4 to 11
points. Here a syllable is a vowel nucleus, counted by the rules of Spanish spelling:

- a, e, o (with or without an accent) are strong vowels; i, u, ü are weak; í and ú (accented) count as strong;
- two strong vowels side by side are two syllables (hiatus: le-er, pa-ís, dí-a); a weak vowel next to a strong
  one, or two weak ones, make one (diphthong, triphthong: a-gua, cui-da-do, buey);
- the u of que, qui, gue, gui is silent (it is no vowel there); ü is heard (pin-güi-no);
- y is a vowel at the end of a word (muy, hoy, y) and a consonant before a vowel (a-yu-da).

Pure: no I/O, no Qt. Used by the content tests and `kiosk text`-style reviews.
"""

from __future__ import annotations

import re

STRONG = set("aeoáéóíú")  # accented i and u break a diphthong, like a strong vowel
WEAK = set("iuü")
VOWELS = STRONG | WEAK
WORD = re.compile(r"[a-záéíóúüñ]+|\d+", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?:;]+")


def spanish_syllables(word: str) -> int:
    """How many syllables a Spanish word has (at least 1). A number counts one syllable a digit."""
    word = word.lower()
    if word.isdigit():
        return max(1, len(word))
    # the silent u of que, qui, gue, gui (but not güe, güi, where ü is heard)
    word = re.sub(r"([qg])u([eéií])", r"\1\2", word)
    letters = list(word)
    for index, letter in enumerate(letters):  # y: a vowel at the end of a word (muy, hoy, y)
        if letter == "y" and (index == len(letters) - 1 or letters[index + 1] not in VOWELS):
            letters[index] = "i"
    count = 0
    previous = None
    for letter in letters:
        if letter in VOWELS:
            if previous is None:
                count += 1  # a new vowel run: a new nucleus
            elif previous in STRONG and letter in STRONG:
                count += 1  # hiatus: two strong vowels are two syllables
            previous = letter
        else:
            previous = None
    return max(1, count)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentence_count(text: str) -> int:
    """Sentences end with . ! ? : or ; (a lead-in such as "Llame al 911 si tiene:" is one)."""
    parts = [part for part in SENTENCE_END.split(text) if words(part)]
    return max(1, len(parts))


def inflesz(text: str) -> float:
    """Szigriszt-Pazos perspicuity (INFLESZ scale): 206.835 - 62.3 x syllables/words - words/sentences.
    55 to 65 is "somewhat difficult"; 65 to 80 "normal" (everyday reading); the kiosk asks for 65 or more."""
    found = words(text)
    if not found:
        return 100.0
    syllables = sum(spanish_syllables(word) for word in found)
    return round(206.835 - 62.3 * syllables / len(found) - len(found) / sentence_count(text), 1)


def as_reading_text(lines: list[str]) -> str:
    """Lines (a title, list items) read as sentences: one without an ending gets a full stop."""
    return " ".join(line if line.rstrip().endswith((".", "!", "?", ":")) else line + "." for line in lines)
