"""Who did the customer mean? Names in "who helped you?" and in the text, matched to staff.

Names are compared folded (case and diacritics ignored, German umlauts also as ae/oe/ue, so
Jürgen = Juergen = Jurgen) and small typos are tolerated by edit distance. Matching is always
within one site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import User

from .models import StaffProfile

CONFIDENT = 0.8  # a unique near miss (one typo) still counts; the moderator confirms
# Words that split "who helped you?" into several people.
SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bund\b|\bsowie\b|\n)\s*", re.I)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.U)
STOPWORDS = {"the", "der", "die", "das", "und", "and", "mr", "mrs", "ms", "herr", "frau",
             "at", "am", "from", "von", "in", "im", "a", "an", "ein", "eine"}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case without diacritics: 'Jürgen' -> 'jurgen', 'Émilie' -> 'emilie'."""
    text = text.lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ı", "i")


def keys(name: str) -> set[str]:
    """The spellings a name may take: folded, and with umlauts written out (ü -> ue)."""
    lowered = name.lower()
    return {fold(lowered), fold(lowered.translate(_UMLAUTS))}


def distance(a: str, b: str, limit: int = 3) -> int:
    """Edit distance where swapping two neighbours counts once (optimal string alignment)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def token_score(word: str, name_keys: set[str], fuzzy: bool = True) -> float:
    """1.0 for an exact folded match, less for a near miss, 0 otherwise."""
    word_keys = keys(word)
    if word_keys & name_keys:
        return 1.0
    if not fuzzy or len(word) < 4:
        return 0.0
    allowed = 1 if len(word) < 8 else 2
    best = min(distance(w, k, allowed) for w in word_keys for k in name_keys)
    return 0.8 if best <= allowed else 0.0


@dataclass
class Person:
    user_id: int
    first: set[str]
    last: set[str]
    other: set[str]  # display name and aliases (single words)
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # multi-word aliases


@dataclass
class MatchResult:
    """`matched`: people credited with confidence; `candidates`: people it might be."""

    matched: list[int] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        if self.matched:
            return "several" if len(self.matched) > 1 else "one"
        return "candidates" if self.candidates else "none"


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if fold(w) not in STOPWORDS]


def people_of_site(site_id: int) -> list[Person]:
    """Everyone active at the site with the names customers may use for them (one query)."""
    rows = db.session.execute(
        sa.select(User.id, User.first_name, User.last_name, User.display_name,
                  StaffProfile.aliases)
        .outerjoin(StaffProfile, StaffProfile.user_id == User.id)
        .where(User.site_id == site_id, User.active.is_(True), User.department_id.is_not(None))
    )
    people = []
    for user_id, first, last, display, aliases in rows:
        person = Person(user_id, set(), set(), set())
        for part in _words(first):
            person.first |= keys(part)
        for part in _words(last):
            person.last |= keys(part)
        for part in _words(display):
            person.other |= keys(part)
        for alias in (aliases or "").split(","):
            words = _words(alias)
            if len(words) == 1:
                person.other |= keys(words[0])
            elif words:
                person.phrases.append(tuple(fold(w) for w in words))
        people.append(person)
    return people


def _score_mention(words: list[str], person: Person, fuzzy: bool) -> float:
    """How well a run of words names this person; a full name beats a first name."""
    first = max((token_score(w, person.first | person.other, fuzzy) for w in words), default=0)
    last = max((token_score(w, person.last, fuzzy) for w in words), default=0) if len(
        words) > 1 else 0.0
    folded = tuple(fold(w) for w in words)
    for phrase in person.phrases:
        n = len(phrase)
        if any(folded[i:i + n] == phrase for i in range(len(folded) - n + 1)):
            return 2.0
    if first and last:
        return first + last
    if len(words) == 1:
        single = max(first, token_score(words[0], person.last, fuzzy) * 0.9)
        return single
    return first


def _best(words: list[str], people: list[Person], fuzzy: bool) -> tuple[list[int], list[int]]:
    scored = [(s, p.user_id) for p in people if (s := _score_mention(words, p, fuzzy)) > 0]
    if not scored:
        return [], []
    top = max(s for s, _ in scored)
    best = [uid for s, uid in scored if s == top]
    if len(best) == 1 and top >= CONFIDENT:
        return best, []
    ranked = sorted(scored, key=lambda pair: -pair[0])[:5]
    return [], [uid for _, uid in ranked]


def match(staff_names: str, text: str, people: list[Person]) -> MatchResult:
    """Find the people named in `staff_names` (typos tolerated) and in `text` (exact names)."""
    result = MatchResult()

    def add(found: list[int], maybe: list[int]) -> None:
        for uid in found:
            if uid not in result.matched:
                result.matched.append(uid)
        for uid in maybe:
            if uid not in result.candidates:
                result.candidates.append(uid)

    for mention in SEPARATORS.split(staff_names or ""):
        words = _words(mention)
        if words:
            add(*_best(words, people, fuzzy=True))
    # In free text only capitalised words that are exactly someone's name count.
    for word in WORD.findall(text or ""):
        if word[:1].isupper() and fold(word) not in STOPWORDS and len(word) > 2:
            # Last names are skipped here: "Lange" or "Koch" open many German sentences.
            named = [p.user_id for p in people
                     if token_score(word, p.first | p.other, fuzzy=False)]
            if len(named) == 1:
                add(named, [])
            elif named:
                add([], named)
    result.candidates = [uid for uid in result.candidates if uid not in result.matched]
    return result


def match_at_site(site_id: int, staff_names: str, text: str) -> MatchResult:
    """Match against the people of one site."""
    return match(staff_names, text, people_of_site(site_id))
