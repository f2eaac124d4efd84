"""Who holds a place, by whose account: a per-place timeline of control claims.

A pure function over records and article text. Claims come from events the
events extractor tagged ``territorial-claim`` and from a light pattern pass
over sentences ("has been liberated", "fell to", "captured", "retook",
"withdrew from", "remains part of", "under the control of"). Each claim says
who claimed it (the speaker of the statement the sentence belongs to, else the
reporting outlet), when, which side it says holds the place, and which
claims from the other side dispute it. See docs/fusion.md.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from unfog.fusion.fuse import article_topic_place, day_number, place_key
from unfog.gazetteer.index import get_gazetteer
from unfog.lexicons.actors import lookup_actor, side_of
from unfog.model import ArticleRecords, Place, Statement

DISPUTE_DAYS = 7

_SIDE_OF_FALLBACK = {"russia": "RUS", "russian": "RUS", "moscow": "RUS", "kremlin": "RUS",
                     "ukraine": "UKR", "ukrainian": "UKR", "kyiv": "UKR", "kiev": "UKR"}


def _side_of(text: str | None) -> str | None:
    if not text:
        return None
    s = side_of(text)
    if s:
        return s
    for w in re.findall(r"[A-Za-z]+", text.lower()):
        if w in _SIDE_OF_FALLBACK:
            return _SIDE_OF_FALLBACK[w]
    return None


def _other(side: str | None) -> str | None:
    return {"RUS": "UKR", "UKR": "RUS"}.get(side or "")


# (pattern, what it says about the place) -- 'holder' means the side named after the cue
# holds it, 'subject' the side named before the cue, 'claimant' the side of whoever says it.
CUES: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"\b(?:remains?|remained) (?:part of|in the hands of|with) (?P<who>[\w' -]{2,40})", re.I), "controls", "holder"),
    (re.compile(r"\bunder (?:the )?(?:full |complete )?control of (?P<who>[\w' -]{2,40})", re.I), "controls", "holder"),
    (re.compile(r"\b(?:controlled|held|occupied) by (?P<who>[\w' -]{2,40})", re.I), "controls", "holder"),
    (re.compile(r"\b(?:fell|fallen|fall|falls) to (?P<who>[\w' -]{2,40})", re.I), "controls", "holder"),
    (re.compile(r"\b(?:has|have|had) (?:been )?(?:fully |completely )?liberated\b|\bliberat(?:ed|ion of)\b", re.I), "controls", "liberator"),
    (re.compile(r"\b(?:retook|recaptured|retaken|recaptured|took back|regained control of)\b", re.I), "controls", "subject"),
    (re.compile(r"\b(?:captured|seized|took control of|taken control of|took|has taken|stormed)\b", re.I), "controls", "subject"),
    (re.compile(r"\b(?:control|controls|hold|holds) (?:most of |all of |much of |part of )?(?:the )?", re.I), "controls", "subject"),
    (re.compile(r"\b(?:withdrew|withdrawn|retreated|pulled out|pulled back) from\b", re.I), "lost", "subject"),
    (re.compile(r"\b(?:had|has|have) fallen\b|\bfell\b", re.I), "controls", "captor"),
]
DISPUTE_RE = re.compile(r"\b(premature|not true|false|untrue|lie|denied|denies|deny|refuted|rejected|"
                        r"continu\w* to hold|still hold|holding on|hold on)\b", re.I)
_GENERIC_OBJECT_RE = re.compile(r"\s*(?:most of |all of |much of |part of )?(?:the )?(?:city|town|village|plant|port)\b", re.I)
# hypotheticals ("its fall would...") and history ("seized in 2014") are not claims about now
_HEDGE_RE = re.compile(r"\b(would|could|might|if|unless|whether|close to|about to|trying to|tried to|attempt\w* to|"
                       r"failed to|aim\w* to|plan\w* to|seeking to|sought to)\b", re.I)
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_BY_RE = re.compile(r"\s+by ([\w' -]{2,40})")
_SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019]?|$)")
_CAP_PLACE_RE = re.compile(r"\b(?:the (?:city|town|village|port|region) of )?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")
_NOT_PLACES = {"Russian", "Russians", "Ukrainian", "Ukrainians", "Russia", "Ukraine", "Mr", "Ms", "The", "He", "She",
               "They", "It", "We", "Kremlin", "Moscow", "Kyiv", "President", "However", "But"}


def sentences(text: str) -> Iterable[tuple[int, int]]:
    for m in _SENT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _is_place_name(name: str) -> bool:
    """A capitalised word is taken for a place when the gazetteer knows it and it is no actor."""
    if name in _NOT_PLACES:
        return False
    if lookup_actor(name) is not None:
        return False
    return get_gazetteer().has_name(name)


def _place_near_cue(sent: str, m: re.Match) -> str | None:
    """Without place records: the place named right after the cue, or just before it."""
    after = [c for c in _CAP_PLACE_RE.finditer(sent, m.end()) if c.start() - m.end() <= 25]
    before = [c for c in _CAP_PLACE_RE.finditer(sent, 0, m.start()) if m.start() - c.end() <= 25 and c.start() > 0]
    for c in after[:1] + before[-1:]:
        if _is_place_name(c.group(1)):
            return c.group(1)
    return None


def _places_in(places: list[Place], s: int, e: int) -> list[Place]:
    return [p for p in places if s <= p.start < e and (p.kind in (None, "settlement", "facility", "region", "city"))]


def _statement_at(statements: list[Statement], s: int, e: int) -> Statement | None:
    for st in statements:
        if st.start < e and s < st.end:
            return st
    return None


def claims_in_article(res: ArticleRecords) -> list[dict]:
    """Control claims found in one article's text, statements, places and events."""
    art = res.article
    text = art.text or ""
    out: list[dict] = []
    for s, e in sentences(text):
        sent = text[s:e]
        year = (art.published_date or "")[:4]
        if any(y != year for y in _YEAR_RE.findall(sent)):
            continue
        for pat, status, role in CUES:
            m = pat.search(sent)
            if not m or _HEDGE_RE.search(sent[max(0, m.start() - 40): m.start()]):
                continue
            st = _statement_at(res.statements, s, e)
            claimant = st.speaker if st else (art.source or None)
            claimant_side = st.speaker_side if st else ("MEDIA" if art.source else None)
            if st is not None and not claimant_side:
                claimant_side = _side_of(st.speaker)
            places = _places_in(res.places, s, e)
            if places:
                place = min(places, key=lambda p: abs(p.start - (s + m.start())))
                pname, pkey = place.canonical or place.name, place_key(place.canonical or place.name, place.geonames_id)
            elif res.places and _GENERIC_OBJECT_RE.match(sent, m.end()) and article_topic_place(res.places):
                # "control most of the city": the city the article is about
                topic = article_topic_place(res.places)
                place = next(p for p in res.places if place_key(p.canonical or p.name, p.geonames_id) == topic)
                pname, pkey = place.canonical or place.name, topic
            elif res.places:
                continue  # the places extractor saw no place in this sentence
            else:
                name = _place_near_cue(sent, m)
                if not name:
                    continue
                pname, pkey = name, place_key(name)
            if role == "holder":
                holder = _side_of(m.group("who"))
            elif role in ("subject", "captor"):
                by = _BY_RE.match(sent, m.end())  # passive: "captured by Russian forces"
                holder = (_side_of(by.group(1)) if by else None) or _side_of(sent[: m.start()][-60:]) \
                    or (_side_of(sent) if role == "captor" else None)
            else:  # liberator: whoever calls it liberation
                holder = claimant_side if claimant_side in ("RUS", "UKR") else _side_of(sent[: m.start()][-40:])
            if status == "lost" and holder:
                holder = _other(holder)
            disputed = bool(DISPUTE_RE.search(sent)) or (st is not None and st.polarity == "denies")
            if disputed and claimant_side in ("RUS", "UKR"):
                holder = claimant_side  # denying a loss is claiming to still hold the place
            out.append({
                "place": pname, "place_key": pkey, "holder": holder,
                "status": "disputes" if disputed else "claims",
                "cue": m.group(0).strip(), "claimant": claimant, "claimant_side": claimant_side,
                "date": (st.date if st and st.date else None) or art.published_date,
                "article_id": art.id, "statement_id": st.id if st else None,
                "text": sent, "start": s, "end": e,
            })
            break  # one claim per sentence: the first (most specific) cue
    for ev in res.events:
        if "territorial-claim" not in (ev.tags or []) or not ev.place:
            continue
        out.append({
            "place": ev.place, "place_key": place_key(ev.place, ev.geonames_id), "holder": ev.actor1_side,
            "status": "claims", "cue": ev.trigger, "claimant": ev.claimed_by or ev.actor1,
            "claimant_side": ev.claimed_by_side or ev.actor1_side, "date": ev.date or art.published_date,
            "article_id": art.id, "statement_id": None, "event_id": ev.id,
            "text": ev.text, "start": ev.start, "end": ev.end,
        })
    return out


def control_timeline(results: Iterable[ArticleRecords]) -> dict[str, dict]:
    """Per place: its claims in time order, each with the claims that dispute it.

    Returns ``{place_key: {"place": name, "claims": [claim, ...]}}``; a claim
    dict has place, holder (side said to hold it), status (claims|disputes),
    cue, claimant, claimant_side, date, article_id, statement_id, text,
    start, end and disputed_by (ids "article_id:start" of disputing claims).
    """
    by_place: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for res in results:
        if res.article.status != "ok":
            continue
        for c in claims_in_article(res):
            k = (c["article_id"], c["start"], c["place_key"])
            if k in seen:
                continue
            seen.add(k)
            c["id"] = f"{c['article_id']}:{c['start']}"
            by_place[c["place_key"]].append(c)
    out = {}
    for key, claims in by_place.items():
        claims.sort(key=lambda c: (c["date"] or "", c["article_id"], c["start"]))
        for c in claims:
            c["disputed_by"] = [
                d["id"] for d in claims
                if d is not c and d["status"] == "disputes" and c["status"] == "claims"
                and (d["claimant_side"] != c["claimant_side"] or d["claimant_side"] is None)
                and _close(c["date"], d["date"])
            ]
        out[key] = {"place": claims[0]["place"], "claims": claims}
    return out


def _close(a: str | None, b: str | None) -> bool:
    da, db = day_number(a), day_number(b)
    return da is not None and db is not None and abs(da - db) <= DISPUTE_DAYS


def timeline_from_store(store, place: str | None = None) -> dict[str, dict]:
    """The control timeline of everything stored (optionally one place, by name)."""
    results = []
    for a in store.rows("articles", order="published, id"):
        r = store.article_records(a["id"])
        if r is not None:
            results.append(r)
    tl = control_timeline(results)
    if place:
        want = place_key(place)
        tl = {k: v for k, v in tl.items() if k == want or place_key(v["place"]) == want}
    return tl


def print_timeline(timeline: dict[str, dict], console) -> None:
    from rich.table import Table

    if not timeline:
        console.print("no claims of control found")
        return
    for key in sorted(timeline, key=lambda k: timeline[k]["place"]):
        item = timeline[key]
        t = Table(title=item["place"], title_justify="left")
        for c in ("date", "claimant", "side", "says", "holder", "disputed by", "evidence"):
            t.add_column(c)
        for c in item["claims"]:
            t.add_row(c["date"] or "", c["claimant"] or "", c["claimant_side"] or "", c["status"], c["holder"] or "?",
                      ", ".join(c["disputed_by"]), c["text"][:100])
        console.print(t)
