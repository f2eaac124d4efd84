"""Well-known actors: canonical names, roles and sides (ISO 3166-1 alpha-3, INT, MEDIA).

Used by statements (speaker side), figures (claimant and group side), events
(actor sides) and fusion (one entity, many names). The table is small and
curated: people and bodies that speak again and again in reporting on the war
in Ukraine. Anything not in it is still handled: :func:`side_of` reads sides
from demonyms and place names in the phrase itself ("Ukrainian officials",
"an adviser to Ukraine's defence ministry").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unfog.text import fold_case


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name ("Sergei Shoigu", "Russia's defence ministry")
    side: str | None = None  # RUS, UKR, INT, MEDIA, ... or None
    role: str | None = None  # "defence minister", "mayor of Mariupol", ...
    kind: str = "person"  # person | organisation | collective | state | media | unit


# canonical name, side, role, kind, other names (matched case-insensitively after folding)
_TABLE: list[tuple[str, str | None, str | None, str, tuple[str, ...]]] = [
    # Russia
    ("Vladimir Putin", "RUS", "President of Russia", "person", ("Putin", "President Putin", "Vladimir Vladimirovich Putin")),
    ("Sergei Shoigu", "RUS", "defence minister", "person", ("Shoigu", "Sergey Shoigu")),
    ("Igor Konashenkov", "RUS", "defence ministry spokesman", "person", ("Konashenkov",)),
    ("Dmitry Peskov", "RUS", "Kremlin spokesman", "person", ("Peskov", "Dmitri Peskov")),
    ("Sergei Lavrov", "RUS", "foreign minister", "person", ("Lavrov", "Sergey Lavrov")),
    ("Maria Zakharova", "RUS", "foreign ministry spokeswoman", "person", ("Zakharova",)),
    ("Denis Pushilin", "RUS", "head of the Russian-backed Donetsk People's Republic", "person", ("Pushilin",)),
    ("Ramzan Kadyrov", "RUS", "head of Chechnya", "person", ("Kadyrov",)),
    ("Mikhail Mizintsev", "RUS", "head of the national defence control centre", "person", ("Mizintsev",)),
    ("Valery Gerasimov", "RUS", "chief of the general staff", "person", ("Gerasimov",)),
    ("Kremlin", "RUS", None, "organisation", ("the Kremlin",)),
    ("Russia's defence ministry", "RUS", None, "organisation", (
        "Russian defence ministry", "Russian defense ministry", "Russia's defense ministry",
        "Russian Ministry of Defence", "Russian Ministry of Defense", "Russia's Ministry of Defence",
        "Russia's Ministry of Defense", "Russian MoD", "Russian military", "Moscow's defence ministry")),
    ("Russian foreign ministry", "RUS", None, "organisation", ("Russia's foreign ministry", "Russian Foreign Ministry")),
    ("Russian government", "RUS", None, "organisation", ("Russia's government", "Moscow")),
    ("Donetsk People's Republic", "RUS", None, "organisation", ("DPR", "DNR", "Donetsk separatists")),
    ("Luhansk People's Republic", "RUS", None, "organisation", ("LPR", "LNR")),
    ("TASS", "MEDIA", None, "media", ("Tass",)),
    ("RIA Novosti", "MEDIA", None, "media", ("RIA",)),
    # Ukraine
    ("Volodymyr Zelensky", "UKR", "President of Ukraine", "person", (
        "Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "President Zelensky")),
    ("Vadym Boychenko", "UKR", "mayor of Mariupol", "person", ("Boychenko", "Boichenko", "Vadym Boichenko", "Vadim Boychenko")),
    ("Petro Andryushchenko", "UKR", "adviser to the mayor of Mariupol", "person", ("Andryushchenko", "Petro Andriushchenko")),
    ("Pavlo Kyrylenko", "UKR", "governor of Donetsk region", "person", ("Kyrylenko", "Pavlo Kirilenko")),
    # regional governors (heads of the regional military administrations) who report tolls day after day
    ("Oleh Synehubov", "UKR", "governor of Kharkiv region", "person", ("Synehubov", "Oleg Synegubov", "Synegubov")),
    ("Valentyn Reznichenko", "UKR", "governor of Dnipropetrovsk region", "person", ("Reznichenko", "Valentin Reznichenko")),
    ("Serhiy Haidai", "UKR", "governor of Luhansk region", "person", ("Haidai", "Serhiy Gaidai", "Gaidai", "Serhii Haidai")),
    ("Vitaliy Kim", "UKR", "governor of Mykolaiv region", "person", ("Vitaliy Kim", "Vitaly Kim")),
    ("Dmytro Zhyvytskyi", "UKR", "governor of Sumy region", "person", ("Zhyvytskyi", "Dmytro Zhyvytskyy")),
    ("Maksym Kozytskyi", "UKR", "governor of Lviv region", "person", ("Kozytskyi", "Maksym Kozytsky")),
    ("State Emergency Service of Ukraine", "UKR", None, "organisation", (
        "State Emergency Service", "Ukraine's State Emergency Service", "Ukrainian State Emergency Service",
        "State Emergency Service of Ukraine", "DSNS")),
    ("Dmytro Kuleba", "UKR", "foreign minister", "person", ("Kuleba",)),
    ("Oleksii Reznikov", "UKR", "defence minister", "person", ("Reznikov", "Oleksiy Reznikov")),
    ("Iryna Vereshchuk", "UKR", "deputy prime minister", "person", ("Vereshchuk", "Irina Vereshchuk", "Iryna Vereshchuk")),
    ("Oleksiy Arestovich", "UKR", "adviser to the president", "person", ("Arestovich", "Oleksiy Arestovych", "Arestovych")),
    ("Mykhailo Podolyak", "UKR", "adviser to the president", "person", ("Podolyak", "Mykhailo Podolyak", "Podoliak")),
    ("Denys Prokopenko", "UKR", "commander of the Azov regiment", "person", ("Prokopenko", "Denis Prokopenko")),
    ("Serhiy Volyna", "UKR", "commander of the 36th Marine Brigade", "person", ("Volyna", "Serhiy Volnya", "Volnya")),
    ("Lyudmila Denisova", "UKR", "human rights ombudsman", "person", ("Denisova", "Lyudmyla Denisova")),
    ("Ukraine's general staff", "UKR", None, "organisation", (
        "Ukrainian general staff", "General Staff of the Armed Forces of Ukraine", "Ukraine's General Staff",
        "Ukrainian military", "Ukraine's armed forces", "Ukrainian armed forces")),
    ("Ukraine's defence ministry", "UKR", None, "organisation", (
        "Ukrainian defence ministry", "Ukraine's defense ministry", "Ukrainian defense ministry", "Ukraine's Ministry of Defence")),
    ("Ukrainian government", "UKR", None, "organisation", ("Ukraine's government", "Kyiv", "Kiev")),
    ("Azov regiment", "UKR", None, "unit", ("Azov Regiment", "Azov battalion", "Azov")),
    ("36th Marine Brigade", "UKR", None, "unit", ("36th Separate Marine Brigade",)),
    # International
    ("António Guterres", "INT", "UN Secretary-General", "person", ("Guterres", "Antonio Guterres")),
    ("Michelle Bachelet", "INT", "UN High Commissioner for Human Rights", "person", ("Bachelet",)),
    ("Osnat Lubrani", "INT", "UN humanitarian coordinator for Ukraine", "person", ("Lubrani",)),
    ("Martin Griffiths", "INT", "UN humanitarian chief", "person", ()),
    ("United Nations", "INT", None, "organisation", ("UN", "U.N.", "the UN", "the United Nations")),
    ("OHCHR", "INT", None, "organisation", (
        "UN human rights office", "UN Human Rights Office", "Office of the UN High Commissioner for Human Rights",
        "UN human rights monitoring mission", "UN Human Rights Monitoring Mission in Ukraine", "UN monitors")),
    ("UNHCR", "INT", None, "organisation", ("UN refugee agency", "UN Refugee Agency")),
    ("OCHA", "INT", None, "organisation", ("UN humanitarian office", "UN Office for the Coordination of Humanitarian Affairs")),
    ("UNICEF", "INT", None, "organisation", ()),
    ("WHO", "INT", None, "organisation", ("World Health Organization",)),
    ("ICRC", "INT", None, "organisation", (
        "International Committee of the Red Cross", "Red Cross", "the Red Cross")),
    ("OSCE", "INT", None, "organisation", ("Organization for Security and Co-operation in Europe", "OSCE monitors")),
    ("European Union", "INT", None, "organisation", ("EU", "European Commission")),
    ("International Organization for Migration", "INT", None, "organisation", ("IOM", "International Organisation for Migration")),
    ("NATO", "INT", None, "organisation", ("Nato", "North Atlantic Treaty Organization")),
    ("Amnesty International", "INT", None, "organisation", ("Amnesty",)),
    ("Human Rights Watch", "INT", None, "organisation", ("HRW",)),
    # Others
    ("Pentagon", "USA", None, "organisation", ("the Pentagon", "US Department of Defense", "US defence department")),
    ("John Kirby", "USA", "Pentagon spokesman", "person", ("Kirby",)),
    ("Joe Biden", "USA", "President of the United States", "person", ("Biden", "President Biden")),
    ("Antony Blinken", "USA", "Secretary of State", "person", ("Blinken",)),
    ("Institute for the Study of War", "USA", None, "organisation", ("ISW",)),
    ("UK Ministry of Defence", "GBR", None, "organisation", (
        "UK MoD", "British Ministry of Defence", "Britain's Ministry of Defence", "UK defence ministry",
        "British defence ministry", "UK defence intelligence", "British military intelligence", "Ministry of Defence")),
    ("Boris Johnson", "GBR", "Prime Minister", "person", ()),
    ("Ben Wallace", "GBR", "defence secretary", "person", ()),
    ("BBC", "MEDIA", None, "media", ("the BBC",)),
    ("Reuters", "MEDIA", None, "media", ()),
    ("Associated Press", "MEDIA", None, "media", ("AP", "the Associated Press")),
    ("AFP", "MEDIA", None, "media", ("Agence France-Presse",)),
    ("CNN", "MEDIA", None, "media", ()),
    ("The Telegraph", "MEDIA", None, "media", ("Telegraph",)),
]

# Words that point to a side when the phrase is not a known actor. Matched on word boundaries.
_SIDE_WORDS: list[tuple[str, str]] = [
    ("russian-installed", "RUS"), ("russian-backed", "RUS"), ("pro-russian", "RUS"), ("pro-moscow", "RUS"),
    ("moscow-backed", "RUS"), ("kremlin-backed", "RUS"), ("separatist", "RUS"), ("separatists", "RUS"),
    ("russian", "RUS"), ("russians", "RUS"), ("russia", "RUS"), ("russia's", "RUS"), ("moscow", "RUS"),
    ("kremlin", "RUS"), ("chechen", "RUS"), ("wagner", "RUS"), ("dpr", "RUS"), ("lpr", "RUS"),
    ("ukrainian", "UKR"), ("ukrainians", "UKR"), ("ukraine", "UKR"), ("ukraine's", "UKR"), ("kyiv", "UKR"),
    ("kiev", "UKR"), ("kyiv's", "UKR"), ("azov", "UKR"), ("mariupol", "UKR"),
    ("american", "USA"), ("americans", "USA"), ("washington", "USA"), ("pentagon", "USA"),
    ("british", "GBR"), ("britain", "GBR"), ("britain's", "GBR"), ("whitehall", "GBR"),
    ("french", "FRA"), ("france", "FRA"), ("german", "DEU"), ("germany", "DEU"), ("polish", "POL"),
    ("poland", "POL"), ("belarusian", "BLR"), ("belarus", "BLR"), ("turkish", "TUR"), ("turkey", "TUR"),
    ("un", "INT"), ("united nations", "INT"), ("icrc", "INT"), ("red cross", "INT"), ("osce", "INT"),
    ("nato", "INT"), ("unicef", "INT"), ("unhcr", "INT"), ("ohchr", "INT"),
    ("international committee", "INT"), ("european union", "INT"), ("eu", "INT"),
]
# Capitalised abbreviations that are also ordinary words in lower case ("us", "un").
_CASED_SIDE_WORDS = {"US": "USA", "U.S.": "USA", "UK": "GBR", "U.K.": "GBR", "UN": "INT", "U.N.": "INT", "EU": "INT"}

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "president", "gen", "general",
    "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "commander",
    "minister", "mayor", "governor", "prime", "deputy", "chancellor", "secretary", "senator", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "lord", "lady", "admiral", "marshal",
}
_DETERMINERS = {"the", "a", "an"}


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'António  Guterres' -> 'antonio guterres'."""
    return fold_case(text).strip(".,;:!?\"“”()[]").strip()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Actor], dict[str, list[Actor]]]:
    full: dict[str, Actor] = {}
    surnames: dict[str, list[Actor]] = {}
    for name, side, role, kind, aliases in _TABLE:
        actor = Actor(name=name, side=side, role=role, kind=kind)
        for alias in (name, *aliases):
            full.setdefault(fold(alias), actor)
            if fold(alias).startswith("the "):
                full.setdefault(fold(alias)[4:], actor)
        if kind == "person":
            for alias in (name, *aliases):
                last = fold(alias).split(" ")[-1]
                if actor not in surnames.setdefault(last, []):
                    surnames[last].append(actor)
    return full, surnames


def strip_titles(text: str) -> str:
    """'Mr Putin' -> 'Putin'; 'the mayor' stays (a bare title is not a name)."""
    words = (text or "").split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in TITLES | _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def lookup_actor(text: str) -> Actor | None:
    """The known actor a mention refers to ("Mr Shoigu", "the Kremlin"), or None."""
    if not text or not isinstance(text, str) or len(text) > 300:
        return None
    full, surnames = _index()
    key = fold(text)
    if key.endswith("'s"):
        key = key[:-2]
    if key in full:
        return full[key]
    bare = fold(strip_titles(text))
    if bare.endswith("'s"):
        bare = bare[:-2]
    if bare in full:
        return full[bare]
    words = bare.split(" ")
    # "Ukraine's President Zelensky", "Russian Defence Minister Sergei Shoigu": try the tail.
    for n in (3, 2):
        if len(words) > n and " ".join(words[-n:]) in full and full[" ".join(words[-n:])].kind == "person":
            return full[" ".join(words[-n:])]
    if words and len(words) <= 4 and words[-1] in surnames and len(surnames[words[-1]]) == 1:
        actor = surnames[words[-1]][0]
        # The other words must be titles or agree with the actor's name ("Irina" ~ "Iryna" is an alias).
        if len(words) == 1 or all(w.rstrip(".") in TITLES or w in fold(actor.name) for w in words[:-1]):
            return actor
    return None


@lru_cache(maxsize=1)
def _side_patterns():
    """Two alternations (actor names, side words), compiled once; group names map to sides."""
    full, _ = _index()
    names = {k: a.side for k, a in full.items()
             if a.side and len(k) > 3 and k not in ("moscow", "kyiv", "kiev", "azov")}
    words = {w: side for w, side in _SIDE_WORDS if w not in ("un", "eu")}
    out = []
    for table, tail in ((names, r"(?![\w-])"), (words, r"(?!\w)")):
        keys = sorted(table, key=len, reverse=True)
        sides = {f"g{i}": table[k] for i, k in enumerate(keys)}
        alt = "|".join(f"(?P<g{i}>{re.escape(k)})" for i, k in enumerate(keys))
        out.append((re.compile(r"(?<![\w-])(?:" + alt + ")" + tail), sides))
    return out


def side_of(text: str) -> str | None:
    """The side a phrase points to ("Russian forces" -> RUS, "the UN" -> INT), or None.

    A known actor wins; otherwise the first side word in the phrase ("an adviser to
    Ukraine's defence ministry" -> UKR).
    """
    if not text or not isinstance(text, str):
        return None
    text = text[:500]
    actor = lookup_actor(text)
    if actor is not None and actor.side:
        return actor.side
    best: tuple[int, str] | None = None
    for m in re.finditer(r"[A-Z][A-Z.]{1,4}", text):
        side = _CASED_SIDE_WORDS.get(m.group(0))
        if side and (m.end() == len(text) or not text[m.end()].isalpha()) and (m.start() == 0 or not text[m.start() - 1].isalpha()):
            best = (m.start(), side)
            break
    low = fold(text)
    # Known actors named inside the phrase ("Mr Putin's defence minister"), then side words.
    for pattern, sides in _side_patterns():
        m = pattern.search(low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), sides[m.lastgroup])
    return best[1] if best else None
