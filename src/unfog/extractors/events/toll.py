"""The toll of an incident (docs/events.md, 'Fatalities'): ACLED's rule, the most conservative count attributed to
that incident's dead; counts of different dead (each side's armed men, civilians named as such) add up, counts
of the same dead compete and the lowest stands; a part of a total, a cumulative tally or another incident's dead
never stands for it; a toll raised later (by the same teller) replaces the earlier one."""
from __future__ import annotations

import re

from unfog.lexicons.actors import known_group
from unfog.lexicons.countries import _alpha3 as _alpha3_codes
from unfog.lexicons import events as lex
from unfog.lexicons import people, singular
from unfog.extractors.query import doc_text
from unfog.model import Figure
from unfog.extractors.events.common import _is_heading
from unfog.extractors.events.arguments import _figure_count


TOLL_RISE = re.compile(r"\b(?:toll|tally|number (?:of \w+|killed|dead))\b[^.;]{0,60}\b(?:ris|rose|climb|reach|jump)\w*", re.I)
TOLL_UPDATE = re.compile(r"\b(?:toll|tally|number (?:of (?:dead|deaths|victims|those killed)|killed|dead))\b[^.;:]{0,40}\b(?:to|at)\s+(?:at least\s+)?$", re.I)
# "the number of people killed in an air strike on X the day before ... has risen to eight": the toll named
# as the subject of the rise, however long the incident's name between them
TOLL_RISEN_TO = re.compile(r"\b(?:toll|tally|number (?:of \w+ )?(?:killed|dead))\b[^.;:]{0,120}\b(?:ha[sd] |have )?"
                           r"(?:risen|rose|climbed|jumped|increased) to\s+(?:at least\s+|over\s+|more than\s+)?$", re.I)


def _updated_toll(text: str, f: Figure) -> bool:
    """"bringing the toll in that attack to two", "raising the death toll to 12", "the number killed in the
    strike has risen to eight": a count told as the toll risen to, after more died."""
    before = text[max(0, f.start - 60):f.start]
    long_before = text[max(0, f.start - 180):f.start].split("\n")[-1]
    rise = TOLL_RISEN_TO.search(long_before)
    update = TOLL_UPDATE.search(before) if re.search(r"\b(?:bring|brought|rais|push|rose|risen|climb)\w*\b", before, re.I) else None
    if rise is None and update is None:
        return False
    # "the day's toll has risen to 22, the number killed over the past 24 hours in attacks on the
    # countryside", "the toll since the start of the war rose to 40": a tally over a span, not this incident's
    # toll raised
    told = (long_before[rise.start():] if rise else before[update.start():]).lower()
    end = text.find(".", f.end)
    after = text[f.end:end if end >= 0 else len(text)].lower()
    return not any(c in after or c in told for c in lex.CUMULATIVE_CUES)


_STATE_CODES = frozenset(_alpha3_codes().values())
PARTY_PART = re.compile(r"\S+\s+of\s+(?:its|their|them)\b", re.I)


def _toll(figures: list[Figure], summed: dict, text: str = "", doers: set[str] = frozenset(),
          listed: list[Figure] = ()) -> int | None:
    """ACLED's toll of one incident: the lowest of the counts that compete for the same dead; the
    counts of different kinds of armed men (a state's soldiers, its police, a non-state group's men:
    "seven policemen ... three of the attackers") and of civilians named as such ("one fighter and two
    children") are different dead and add up; a count of people of no kind competes with that sum.
    Parts of a whole never compete with it: the people a total lists ("six people, including four
    officials and a soldier", ``listed``: the article's figures told as parts), counted again elsewhere
    ("soldier killed" in the headline), and the counts of other dead ("another person was slain")."""
    raised = _raised_toll(figures, summed, text)
    if raised is not None:  # "bringing the toll to two": the latest count replaces the earlier ones
        return raised
    by_kind = _counts_by_kind(figures, summed, text, doers, listed)
    if not by_kind:
        return None
    _join_kinds_of_the_same_men(by_kind, figures, text)
    return _lowest_sum(by_kind)


def _raised_toll(figures: list[Figure], summed: dict, text: str) -> int | None:
    """The latest count told as the toll risen to ("bringing the toll to two"), if any."""
    updates = [f for f in figures if _updated_toll(text, f) and summed.get(f.id, _figure_count(f)) is not None]
    if not updates:
        return None
    last = max(updates, key=lambda f: f.start)
    return summed.get(last.id, _figure_count(last))


def _counts_by_kind(figures: list[Figure], summed: dict, text: str, doers: set[str],
                    listed: list[Figure]) -> dict[str | None, list[int]]:
    """The incident's own counts of its dead, by the kind of dead they count (None: people of no kind;
    "vague": "dozens", a count with no number); a state's soldiers apart by state only when two states'
    soldiers are counted."""
    entries: list[tuple[str | None, int, Figure]] = []
    states: set[str] = set()
    parts = _parts_of_sums(figures, summed)
    wholes = _part_lists(figures, listed, text)
    own = [f for f in figures if not _other_dead(f) and summed.get(f.id, _figure_count(f)) is not None]
    for f in figures:
        whole = _whole_of_its_list(text, f) or f.id in doers or (_noun_borrowed(f) and (
            _told_as_the_toll(text, f) or _doers_noun(text, f)))
        c = _figure_count(f) if whole else summed.get(f.id, _figure_count(f))
        if c is None or (f.id not in summed and c in parts):
            continue  # "two cooks" in a headline, "eight guards as well as two cooks" told below: a part
        if (_part_of_a_total(f, c, wholes) or _group_counted(f) or _age_told(text, f)
                or (own and f.id not in summed and _other_dead(f))):
            continue  # a listed part told again, "one family", "five other civilians" (other dead)
        if _group_size(text, f) and any(g is not f and not _group_size(text, g) for g in own):
            continue  # "a group of nearly 50 militants", "a whole family of 5" beside the incident's own count
        kind = None if whole else _kind_of_dead(text, f)  # the whole toll ("five dead: ...", "put the toll at four")
        if f.value is None and (kind is not None or not any(ch.isdigit() for ch in f.text)):
            kind = "vague"  # '"several dozen" attackers were killed', "dozens": no count beside a number told
        side = f.group_side or (f.claimant_side if f.claimant_side in _STATE_CODES else None)  # (not "MEDIA")
        if kind == "state" and side:
            states.add(side)
            kind = f"state:{side}"  # two states' soldiers: each side's own dead
        entries.append((kind, c, f))
    by_kind: dict[str | None, list[int]] = {}
    for kind, c, f in entries:
        if _exceeded_bound(kind, c, f, entries):
            continue  # "more than 20 civilians" beside "the violence that claimed 22 lives": 22 agrees with it, 20 does not
        if len(states) < 2 and kind and kind.startswith("state:"):
            kind = "state"  # one state's soldiers (or sides unknown): competing counts
        by_kind.setdefault(kind, []).append(c)
    return by_kind


def _group_size(text: str, f: Figure) -> bool:
    """"a group of nearly 50 militants", "a whole family of 5 people": the size of a group, told before its
    members are counted."""
    m = re.search(r"\b([a-z]+)\s+of\s+$", text[max(0, f.start - 30):f.start].lower())
    return bool(m and m.group(1) in lex.GROUP_SIZE_NOUNS)


def _exceeded_bound(kind: str | None, count: int, f: Figure, entries: list[tuple[str | None, int, Figure]]) -> bool:
    """A count the toll is told to exceed ("more than 20 civilians") beside an exact count above it of the
    same dead or of people of no kind ("22 lives"): the bound rules its own number out."""
    if (f.qualifier or "").lower() not in lex.TOLL_ABOVE_QUALIFIERS:
        return False
    return any(c > count and k in (kind, None) and (g.qualifier or "").lower() not in lex.TOLL_ABOVE_QUALIFIERS
               for k, c, g in entries if g is not f)


def _kind_of_dead(text: str, f: Figure) -> str | None:
    """Whose dead a count counts: "state", "police", "either" (officers of whichever state force),
    "party" ("four of them"), "nonstate", "own" (a group's count of its own men), "civilian", "armed"
    (fighters of an untold side), or None (people of no kind: competes with any sum)."""
    kind = people.force_kind(f.counted)  # ("Jihadists kill at least 23": the headline's doers, told whole)
    noun = (f.counted or "").lower().split()
    if noun and noun[-1] in lex.EITHER_FORCE_NOUNS and (kind is not None or f.group == "combatants"):
        kind = "either"  # ("District Reserve Guards": armed men of the state, whichever force)
    if PARTY_PART.match(text, f.start) and kind != "state":
        # "killing five of its members", "four of them": one party's men, counted apart; but "the police force
        # mourned one of its men": the men of the force "its" stands for
        kind = _owner_force(text, f) or "party"
    if kind is None and f.group == "combatants" and _nonstate_named(f.text):
        kind = "nonstate"  # "three soldiers and at least 12 rebel fighters": the rebels' own dead (whatever side they fight for)
    if kind in (None, "either") and f.group == "combatants" and f.group_side in _STATE_CODES:
        kind = "state"  # "three Afghan border guards": a state's men, by the demonym
    elif kind is None and f.group == "combatants" and _own_men_of_a_group(text, f):
        kind = "own"  # "the group had lost five fighters": a non-state party's count of its own men
    if kind is None and _civilians_named(f):
        kind = "civilian"  # "two children" beside "one fighter": other dead than the armed men
    elif kind is None and f.group == "combatants" and not _generic_noun(f):
        kind = "armed"  # "one dead fighter" (whose side untold) beside "two children"
    return kind


def _owner_force(text: str, f: Figure) -> str | None:
    """The kind of force "its" stands for in "one of its men": the first body named by a singular noun in the
    sentence, its subject most often ("the police force was pained at the loss of one of its men": police); None
    when that body is a group of no state ("the group said the army killed three of its fighters")."""
    if not re.match(r"\S+\s+of\s+its\b", text[f.start:], re.I):
        return None  # ("four of them": whoever "them" points back to, maybe named sentences before)
    start = max(text.rfind(".", 0, f.start), text.rfind("\n", 0, f.start)) + 1
    for w in re.findall(r"[a-z]+", text[start:f.start].lower()):
        if singular(w) != w:
            continue  # ("its" names one body: "the army", not "soldiers")
        if w in lex.NONSTATE_NOUNS:
            return None
        if (kind := people.force_kind(w)) is not None:
            return kind
    return None


def _join_kinds_of_the_same_men(by_kind: dict[str | None, list[int]], figures: list[Figure], text: str) -> None:
    """Counts read as of different kinds that count the same men: they compete, in one kind."""
    if "own" in by_kind:  # the group's own count competes with the other counts of its men
        by_kind.setdefault("nonstate" if "nonstate" in by_kind else "party", []).extend(by_kind.pop("own"))
    if "party" in by_kind and "nonstate" in by_kind and _told_by_their_group(figures, text):
        # "two Hezbollah fighters" (a source) and "two of its fighters" (the group): one party's men, told twice
        by_kind["nonstate"] += by_kind.pop("party")
    if "either" in by_kind:  # "officers": the same men as the soldiers or the police counted beside them
        by_kind["either"] += by_kind.pop("state", []) + by_kind.pop("police", [])


def _lowest_sum(by_kind: dict[str | None, list[int]]) -> int:
    """Each side's lowest count, summed over the sides (soldiers, police, rebels, civilians); the lowest
    of that sum and the counts of people of no kind."""
    sides = [min(v) for k, v in by_kind.items() if k not in (None, "vague", "armed", "civilian")]  # soldiers, police, rebels
    if "armed" in by_kind:  # "12 security forces" beside "11 soldiers and a policeman": the same armed men
        armed = min(by_kind["armed"])
        sides = [min(sum(sides), armed)] if sides else [armed]
    if "civilian" in by_kind:
        sides.append(min(by_kind["civilian"]))
    # ("dozens" counts only when no number is told: ACLED's 12 for a vague plural is no rival to "43")
    candidates = ([sum(sides)] if sides else []) + [min(by_kind[k]) for k in (None, "vague") if k in by_kind
                                                     and not (k == "vague" and (sides or None in by_kind))]
    return min(candidates)


def _noun_of(f: Figure) -> str:
    words = (f.counted or "").lower().split()
    return singular(words[-1]) if words else ""


def _generic_noun(f: Figure) -> bool:
    """"people", "dead", "bodies", or no noun at all: a count of victims of any kind."""
    noun = _noun_of(f)
    return not noun or noun in lex.GENERIC_PERSON_NOUNS or noun in lex.DEAD_NOUNS or noun in people.COUNT_NOUNS \
        or (f.counted or "").lower() in lex.DEAD_NOUNS or noun in lex.VICTIM_COUNT_NOUNS


def _civilians_named(f: Figure) -> bool:
    """"two children", "five civilians", "three women": dead named as civilians (not "people")."""
    return f.group == "civilians" and not _generic_noun(f)  # (the figure reader's group: "children", "women" too)


def _group_counted(f: Figure) -> bool:
    """"five civilians from one family": the count of a group, not of the dead."""
    return _noun_of(f) in lex.GROUP_NOUNS or (f.counted or "").lower() in lex.GROUP_NOUNS


def _other_dead(f: Figure) -> bool:
    """"Another person was slain ...", "Five other civilians were killed in raids on other towns": dead
    counted apart from the incident's own counts (summed with them where the parse joined them; the
    incident's toll when it has no other count: "Three others were killed in a strike on X")."""
    return bool(set(re.findall(r"[a-z]+", (f.text or "").lower())) & lex.OTHER_DEAD_WORDS)


def _age_told(text: str, f: Figure) -> bool:
    """"One of the men, 57, was killed": a bare number set off by commas after a person is his age."""
    return (f.text or "").isdigit() and text[max(0, f.start - 2):f.start] == ", " and text[f.end:f.end + 1] in (",", ")") \
        and bool(re.search(r"[A-Za-z]$", text[max(0, f.start - 3):f.start - 2]))


def _noun_borrowed(f: Figure) -> bool:
    """A count whose noun is not among its words ("four", "killing five"): the reader took it from
    around the count, where it may name other people than the dead."""
    return bool(f.counted) and f.counted.lower() not in (f.text or "").lower()


def _doers_noun(text: str, f: Figure) -> bool:
    """"villagers accuse troops of killing five": the noun before the act names who killed, not the dead."""
    noun = re.escape(f.counted.lower())
    # (the act right after the noun, one word between at most: "troops of killing five", not "clashed
    # with rebels in the bush, killing four of them")
    return bool(re.search(rf"\b{noun}\s+(?:\w+\s+)?(?:kill\w*|shot|shoot\w*|massacr\w*)\s+(?:at least\s+)?$",
                          text[max(0, f.start - 80):f.start].lower()))


TOLL_TOLD = re.compile(r"\b(?:toll|tally|number of (?:dead|deaths|victims|fatalities))\b[^.;:]{0,25}?"
                       r"\b(?:at|to|of|was|is|stood at|reached)\s+(?:at least\s+|about\s+|around\s+|nearly\s+)?$", re.I)


def _told_as_the_toll(text: str, f: Figure) -> bool:
    """"The army put the toll at four and said its troops ...": a count told as the toll counts all the
    dead, whatever noun the reader found after it."""
    return bool(TOLL_TOLD.search(text[max(0, f.start - 60):f.start]))


def _whole_of_its_list(text: str, f: Figure) -> bool:
    """"five dead: two police and three soldiers": a count (with its dead noun) followed by the list of
    its parts is the whole, whatever noun of the list the reader took it to count."""
    m = re.match(r"\s*(\w+)?\s*(\S)\s", text[f.end:f.end + 24])
    return bool(m and m.group(2) in lex.PART_LIST_MARKS
                and (m.group(1) is None or m.group(1).lower() in lex.DEAD_NOUNS | lex.GENERIC_PERSON_NOUNS))


def _part_lists(figures: list[Figure], listed, text: str) -> list[tuple[int, set[str], int | None]]:
    """The totals of the incident that list their parts ("six people, including four officials and a
    soldier"): each total's count, the nouns of its list (read from the text, so that "a soldier",
    which no count holds, is named too) and the rest of the total its counted parts leave (None when a
    part has no number)."""
    out = []
    for total in figures:
        parts = [g for g in listed if g.subset_of == total.id]
        count = _figure_count(total)
        if not parts or count is None:
            continue
        start = min(g.start for g in parts)
        clause = re.split(r"[,;.()]", text[start:start + 200])[0]
        counts = [_figure_count(g) for g in parts]
        rest = None if None in counts else count - sum(counts)
        out.append((count, {singular(w) for w in re.findall(r"[a-z]+", clause.lower())}, rest))
    return out


def _part_of_a_total(f: Figure, count: int, wholes: list[tuple[int, set[str], int | None]]) -> bool:
    """A count lower than a total, of people the total's list names ("two customs officials" beside "six
    people, including four government officials and a soldier"), or the rest its list leaves ("six people,
    including five civilians" and "one fighter was killed"): a part of that total, told again."""
    noun = _noun_of(f)
    return any(count < total and ((bool(noun) and not _generic_noun(f) and noun in words) or count == rest)
               for total, words, rest in wholes)


def _told_by_their_group(figures: list[Figure], text: str) -> bool:
    """A party's count of "its" men ("two of its fighters", said by the group) and another count naming that
    group's men ("two Hezbollah fighters"): one group's dead, told by it and by a source."""
    own = [f for f in figures if PARTY_PART.match(text, f.start) and f.claimant]
    named = [f for f in figures if _nonstate_named(f.text)]
    return any(f.claimant.lower() in g.text.lower() for f in own for g in named)


def _nonstate_named(text: str) -> bool:
    """A count of armed men named as a non-state group's ("12 rebel fighters", "five Houthi fighters")."""
    words = set(re.findall(r"[a-z]+", (text or "").lower()))
    return bool(words & lex.NONSTATE_NOUNS) or known_group(text or "") is not None


def _own_men_of_a_group(text: str, f: Figure) -> bool:
    """A non-state group's count of its own dead ("a spokesman said the group had lost five fighters"), or
    the attackers of an attack counted dead ("its troops had killed 26 attackers"): counts of one party's men."""
    noun = (f.counted or "").lower().split()[-1:]
    if noun and (noun[0] in lex.PERPETRATOR_NOUNS or noun[0].rstrip("s") in lex.PERPETRATOR_NOUNS):
        return True
    return f.claimant_side not in _STATE_CODES and people.counts_own_men(f.text, text[max(0, f.start - 40):f.start])


def _parts_of_sums(figures: list[Figure], summed: dict) -> set[int]:
    """The addends of the sums an incident tells ("eight guards as well as two cooks": 8 and 2):
    a count of the incident equal to one of them counts that part of the dead, not all of them."""
    parts: set[int] = set()
    for f in figures:
        own, total = _figure_count(f), summed.get(f.id)
        if own is not None and total is not None and total > own:
            parts |= {own, total - own}
    return parts


def _headline_doers(doc, figures: list[Figure]) -> set[str]:
    """Counts in a headline whose counted noun is the headline's subject ("Gunmen kill 9 in ..."): the
    figure reader took the doers for the dead."""
    out = set()
    for f in figures:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if (span is not None and f.counted and f.counted.lower() not in f.text.lower() and _is_heading(span.sent)
                and f.counted.lower() in doc_text(doc)[span.sent.start_char:f.start].lower()):
            out.add(f.id)
    return out
