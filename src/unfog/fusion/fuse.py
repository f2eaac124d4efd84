"""Across articles: merged events and relations between figures and statements.

Pure functions over records; :func:`relate_with_store` is the one edge that
reads the store, so a newly ingested article is related to what is stored.

- figures that count the same quantity (same category, group, side of the
  counted group, place and kind of period) are compared: ``corroborates``
  (agreeing values from other claimants, or the same claim repeated later),
  ``contradicts`` (non-overlapping values from different claimants at about
  the same time) and ``updates`` (a later, different value from the same
  claimant or side; ``a`` is the older);
- a denial ``contradicts`` the assertion it denies (opposite polarity,
  different sides, shared topic and place, close in time);
- the same incident reported by several articles becomes one event.

The rules are described in docs/fusion.md.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable

from unfog.days import day_number
from unfog.geo import distance_km
from unfog.groups import cluster
from unfog.fusion.entities import Resolver, fold
from unfog.model import ArticleRecords, Batch, Event, Figure, Place, Relation, Statement, stable_id

SAME_TIME_DAYS = 3  # "about the same time" for contradictions and statements
STOCK_WINDOW_DAYS = 31  # how far apart agreeing counts of a stock still corroborate
STATEMENT_STORE_DAYS = 7  # stored articles this close in publication are searched for claims a denial answers
EVENT_WINDOW_DAYS = 1  # counts of one incident (evacuations, a day's losses)
INCIDENT_REVISION_DAYS = 7  # how long a source keeps revising one incident's toll
AGREE_TOLERANCE = 0.15  # relative difference of point values that still agree
DISAGREE_GAP = 0.25  # relative gap between value ranges that is a real disagreement
# Claims ten times apart rarely count the same thing (a city's trapped vs one plant's sheltering);
# above this ratio two figures from different claimants are taken for different quantities.
MAX_CONTRADICTION_RATIO = 10.0

# What kind of quantity a category counts decides how its figures relate over time.
STOCK = {"trapped", "troops"}  # a level at a moment: later values update earlier ones
TALLY = {"killed", "wounded", "captured", "missing", "displaced"}  # running totals: do not shrink
INCIDENT = {"evacuated"}  # counts of one operation: compared only within a day or so

_DAILY_RE = re.compile(
    r"\b(overnight|in the (?:past|last) (?:24|twenty-four) hours|in the (?:past|last) day|last night|"
    r"this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|over the weekend|today)\b",
    re.I,
)
_CUMULATIVE_RE = re.compile(
    r"\b(since|so far|in total|a total of|to date|overall|altogether|during the (?:siege|war|fighting|battle|"
    r"invasion|offensive|conflict)|in the (?:siege|war|fighting|battle))\b",
    re.I,
)
_MORE = {"more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than", "above"}
_LESS = {"up to", "fewer than", "less than", "under", "nearly", "almost", "no more than", "below", "just under"}
_ABOUT = {"about", "around", "approximately", "roughly", "some", "estimated", "an estimated", "close to",
          "perhaps", "reportedly", "approx", "circa", "c"}


# -- small helpers ---------------------------------------------------------


def place_key(name: str | None, geonames_id: int | None = None) -> str | None:
    """Equal for spellings of one place: the GeoNames id, else a consonant skeleton."""
    if geonames_id:
        return f"g{geonames_id}"
    f = fold(name)
    if not f:
        return None
    f = re.sub(r"^(?:the )?(?:city|town|village|port|region|oblast) of ", "", f)
    skel = re.sub(r"[aeiouyh\s]", "", f)
    skel = re.sub(r"(.)\1+", r"\1", skel)  # Zaporizhia ~ Zaporizhzhia, Kyiv ~ Kiev
    return "n" + (skel if len(skel) >= 3 else f)


def _place_keys(p: Place) -> str | None:
    return place_key(p.canonical or p.name, p.geonames_id)


def article_topic_place(places: list[Place]) -> str | None:
    """The place an article is mostly about: its most mentioned place (first on ties)."""
    keys = [k for k in (_place_keys(p) for p in sorted(places, key=lambda p: p.start)) if k]
    if not keys:
        return None
    counts = Counter(keys)
    best = max(counts.values())
    return next(k for k in keys if counts[k] == best)


def period_kind(text: str | None) -> str | None:
    """'cumulative' (since..., during the siege), 'daily' (overnight, on Monday) or None."""
    if not text:
        return None
    if _CUMULATIVE_RE.search(text):
        return "cumulative"
    if _DAILY_RE.search(text):
        return "daily"
    return None


def value_range(f: Figure) -> tuple[float, float, float] | None:
    """(low, point, high) for a figure, widening by its qualifier; None for vague amounts."""
    q = fold(f.qualifier)
    v = f.value
    lo, hi = f.low, f.high
    if v is None and lo is None and hi is None:
        return None
    if v is not None:
        v = float(v)
        if q in _MORE:
            lo2, hi2 = v, (float(hi) if hi is not None else math.inf)
        elif q in _LESS:
            lo2, hi2 = (float(lo) if lo is not None else v * 0.7), v
        elif q in _ABOUT:
            lo2, hi2 = v * 0.85, v * 1.15
        else:
            lo2 = float(lo) if lo is not None else v
            hi2 = float(hi) if hi is not None else v
        return lo2, v, hi2
    lo2 = float(lo) if lo is not None else 0.0
    hi2 = float(hi) if hi is not None else math.inf
    point = (lo2 + hi2) / 2 if hi2 != math.inf else lo2
    return lo2, point, hi2


def range_gap(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Relative gap between two value ranges (0 when they overlap)."""
    (alo, _, ahi), (blo, _, bhi) = a, b
    if ahi < blo:
        return (blo - ahi) / max(blo, 1.0)
    if bhi < alo:
        return (alo - bhi) / max(alo, 1.0)
    return 0.0


def points_agree(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    pa, pb = a[1], b[1]
    return range_gap(a, b) == 0.0 and abs(pa - pb) <= AGREE_TOLERANCE * max(pa, pb, 1.0)


# -- figures -----------------------------------------------------------------
@dataclass
class FigureView:
    """A figure with what comparison needs, computed once."""

    fig: Figure
    day: int | None
    claimant: str
    side: str | None
    place: str | None
    period: str | None
    rng: tuple[float, float, float]

    @property
    def quantity(self) -> tuple:
        # a running total ("since the siege began") is another quantity than a count of one
        # day or incident; a figure with no period cue may be either and groups with the latter
        f = self.fig
        return (f.category, f.group or "", self.place or "", self.period == "cumulative")


def figure_views(figures: Iterable[Figure], published: dict[str, str | None], places: dict[str, list[Place]],
                 resolver: Resolver | None = None) -> list[FigureView]:
    figures = list(figures)
    resolver = resolver or Resolver((f.claimant, None) for f in figures)
    place_by_id = {p.id: p for ps in places.values() for p in ps}
    topic = {aid: article_topic_place(ps) for aid, ps in places.items()}
    out = []
    for f in figures:
        if f.category in (None, "", "other"):
            continue
        rng = value_range(f)
        if rng is None:
            continue
        p = place_by_id.get(f.place_id) if f.place_id else None
        if p is not None:
            pk = _place_keys(p)
        elif f.place:
            pk = place_key(f.place)
        else:
            pk = topic.get(f.article_id)
        out.append(FigureView(
            fig=f,
            day=day_number(f.date) or day_number(published.get(f.article_id)),
            claimant=resolver.key(f.claimant) if f.claimant else "",
            side=f.claimant_side,
            place=pk,
            # only running totals have periods; a stock is a level at a moment, an evacuation one operation
            period=period_kind(f.sentence or f.text) if f.category in TALLY else None,
            rng=rng,
        ))
    return out


def quantity_id(v: FigureView) -> str:
    f = v.fig
    return stable_id("qty", f.category, f.group or "", f.group_side or "", v.place or "", v.period == "cumulative")


def _sides_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def compare_figures(a: FigureView, b: FigureView) -> tuple[str, str] | None:
    """The relation between two figures of one quantity, ``a`` not later than ``b``; or None."""
    fa, fb = a.fig, b.fig
    if not _sides_compatible(fa.group_side, fb.group_side):
        return None
    if a.fig.article_id == b.fig.article_id and (a.claimant == b.claimant or not a.claimant or not b.claimant):
        return None  # one source repeating itself, or an unattributed restatement
    if a.day is None or b.day is None:
        return None
    gap_days = b.day - a.day
    same_claimant = bool(a.claimant) and a.claimant == b.claimant
    same_side = a.side is not None and a.side == b.side
    # vague amounts ("hundreds") on both sides agree with anything: no corroboration from them
    agree = points_agree(a.rng, b.rng) and fa.value is not None and fb.value is not None
    disagree = range_gap(a.rng, b.rng) > DISAGREE_GAP
    cat = fa.category
    ratio = max(a.rng[1], b.rng[1]) / max(min(a.rng[1], b.rng[1]), 1.0)
    if ratio > MAX_CONTRADICTION_RATIO and not same_claimant:
        return None  # "dozens" against "thousands": not one quantity
    incident = cat in INCIDENT or a.period == "daily" or b.period == "daily"
    window = EVENT_WINDOW_DAYS if incident else (STOCK_WINDOW_DAYS if cat in STOCK else 10_000)
    if incident and same_claimant and cat in TALLY and gap_days <= INCIDENT_REVISION_DAYS and b.rng[1] > a.rng[1]:
        # the toll of one incident, revised upwards by the same source as bodies are found
        return ("updates", "the same claimant revises the toll")
    if gap_days > window:
        return None
    if agree:
        if same_claimant and gap_days == 0:
            return ("corroborates", "the same claim reported by two sources")
        if same_claimant:
            return ("corroborates", f"the same claimant repeats the figure {gap_days} days later")
        return ("corroborates", "independent claimants agree" if not same_side else "claimants on one side agree")
    # the same claimant changing its number is an update; another claimant of the side must differ clearly
    tolerance = 0.005 if same_claimant else AGREE_TOLERANCE
    later_differs = gap_days >= 1 and abs(a.rng[1] - b.rng[1]) > tolerance * max(a.rng[1], b.rng[1], 1.0)
    if later_differs and not incident and (same_claimant or (same_side and gap_days > SAME_TIME_DAYS)):
        if cat in TALLY and b.rng[1] < a.rng[1] * (1 - AGREE_TOLERANCE):
            return None  # a running total does not shrink: more likely another count than an update
        return ("updates", "a later figure from the same claimant" if same_claimant else "a later figure from the same side")
    if disagree and not same_claimant and gap_days <= SAME_TIME_DAYS:
        return ("contradicts", "different claimants give non-overlapping figures at about the same time")
    return None


def relate_figures(views: list[FigureView]) -> list[Relation]:
    """Relations within groups of figures counting one quantity."""
    groups: dict[tuple, list[FigureView]] = defaultdict(list)
    for v in views:
        if v.place is None:
            continue  # a count with no place and no article topic is too vague to compare
        groups[v.quantity].append(v)
    out: list[Relation] = []
    for items in groups.values():
        items.sort(key=lambda v: (v.day or 0, v.fig.article_id, v.fig.start))
        for j, b in enumerate(items):
            found: dict[tuple[str, str], Relation] = {}
            for a in items[:j]:
                rel = compare_figures(a, b)
                if rel is None:
                    continue
                kind, note = rel
                # one relation of a kind per earlier claimant: the latest such figure
                key = (kind, a.claimant or a.fig.id)
                found[key] = Relation(type=kind, a=a.fig.id, b=b.fig.id, note=note, group_id=quantity_id(a))
            updates = [r for (k, _), r in found.items() if k == "updates"]
            for (kind, _), r in found.items():
                if kind != "updates":
                    out.append(r)
            if updates:
                # only the most recent figure is updated, and not one that a later figure
                # this one agrees with has already updated (A -> B, B ~ C: no A -> C)
                last = updates[-1]
                pos = {v.fig.id: i for i, v in enumerate(items)}
                if not any(r.type == "corroborates" and pos[r.a] > pos[last.a] for r in found.values()):
                    out.append(last)
    return out


# -- statements ---------------------------------------------------------------
# Words that name the same kind of happening, so that "denied any ground assault" meets
# "pushed into the perimeter". Stems (see _stem) map to a topic.
TOPICS = {
    "attack": "assault attack storm push advanc offens strike struck bomb shell hit fire launch raid shoot "
              "invad invasion incurs breach ground missile rocket airstrike target",
    "control": "liberat fall fell fallen captur seiz take taken took control occup retak recaptur withdr "
               "surrender hold held encircl surround",
    "casualty": "kill dead death die wound injur casualt loss",
    "evacuation": "evacu corridor evacue leav escap",
    "ceasefire": "ceasefir truce paus",
    "responsibility": "respons blame behind stag provoc fake",
}
_TOPIC_OF: dict[str, str] = {}
STOPWORDS = set(
    "a an the and or but of to in on at by for from with without into onto over under as is are was were be been "
    "being has have had do does did not no any there their they them it its this that these those he she his her "
    "we our you your i me my will would could should can may might must also still just only than then so such "
    "about up down out off said says say told claim claimed claims deny denied denies what which who whom whose "
    "very more most some all each other another been being like".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _stem(word: str) -> str:
    w = word.lower().strip("'-")
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "e"):
        if len(w) - len(suf) >= 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_stems(text: str | None) -> set[str]:
    return {_stem(w) for w in _WORD_RE.findall(text or "") if w.lower() not in STOPWORDS}


def topics_of(stems: set[str]) -> set[str]:
    """The topics named by a set of stems ("struck" and "assault" are both 'attack')."""
    if not _TOPIC_OF:
        for topic, words in TOPICS.items():
            for w in words.split():
                _TOPIC_OF[w] = topic
                _TOPIC_OF[_stem(w)] = topic
    out = set()
    for s in stems:
        for k in range(len(s), 3, -1):
            t = _TOPIC_OF.get(s[:k]) if k >= 5 or k == len(s) else None
            if t:
                out.add(t)
                break
    return out


# Calling a claim premature or false is denying it, whatever the cue verb.
_DISMISS_RE = re.compile(r"\b(premature|false|untrue|not true|a lie|fake|propaganda|nonsense|fabricat\w*|"
                         r"baseless|groundless|staged)\b", re.I)


def is_denial(s: Statement) -> bool:
    return s.polarity == "denies" or bool(_DISMISS_RE.search(s.content or ""))


_CLAUSE_BREAK_RE = re.compile(r"(?:;|,|\bbut\b|\band\b|\bwhile\b)", re.I)


def dismissed_clause(s: Statement) -> str:
    """The clause of a statement in which a claim is dismissed: 'called the claim that it had fallen premature'."""
    text = s.text or ""
    m = _DISMISS_RE.search(text)
    if not m:
        return s.content or text
    breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(text, 0, m.start())]
    return text[(breaks[-1] if breaks else 0): m.end()]


@dataclass
class StatementView:
    st: Statement
    day: int | None
    speaker: str
    side: str | None
    stems: set[str]
    topics: set[str]
    places: set[str] = field(default_factory=set)
    denial: bool = False


def statement_views(statements: Iterable[Statement], published: dict[str, str | None],
                    places: dict[str, list[Place]], resolver: Resolver | None = None) -> list[StatementView]:
    statements = list(statements)
    resolver = resolver or Resolver((s.speaker, s.speaker_role) for s in statements)
    out = []
    for s in statements:
        denial = is_denial(s)
        # a dismissal ("called the claim premature") names what it dismisses around the quote
        content = dismissed_clause(s) if denial and s.polarity != "denies" else (s.content or s.text)
        # the speaker's own name is not part of what is claimed
        stems = content_stems(content) - content_stems(s.speaker) - content_stems(s.speaker_text)
        lo, hi = (s.start, s.end)
        pks = {k for p in places.get(s.article_id, []) if lo <= p.start < hi for k in [_place_keys(p)] if k}
        if not pks:
            t = article_topic_place(places.get(s.article_id, []))
            pks = {t} if t else set()
        out.append(StatementView(
            st=s,
            day=day_number(s.date) or day_number(published.get(s.article_id)),
            speaker=resolver.key(s.speaker, s.speaker_role),
            side=s.speaker_side,
            stems=stems,
            topics=topics_of(stems),
            places=pks,
            denial=denial,
        ))
    return out


def denial_score(denial: StatementView, claim: StatementView) -> float:
    """How well a denial answers a claim: 0 when it cannot be its denial."""
    if not denial.denial or claim.denial:
        return 0.0
    if denial.side and claim.side:
        if denial.side == claim.side:
            return 0.0
    elif not denial.speaker or denial.speaker == claim.speaker:
        return 0.0
    if denial.day is None or claim.day is None or abs(denial.day - claim.day) > SAME_TIME_DAYS:
        return 0.0
    same_article = denial.st.article_id == claim.st.article_id
    if not same_article and not (denial.places & claim.places):
        return 0.0
    shared_topics = denial.topics & claim.topics
    if not shared_topics:
        return 0.0
    shared_words = denial.stems & claim.stems
    # the answer to a claim is usually in the same report and the same days
    if same_article:  # within a report, dates of statements are too noisy to rank by
        return len(shared_topics) + 0.5 * len(shared_words) + 1.0
    return len(shared_topics) + 0.5 * len(shared_words) - 0.25 * abs(denial.day - claim.day)


def relate_statements(views: list[StatementView]) -> list[Relation]:
    """Each denial contradicts the one assertion it most plausibly answers."""
    out = []
    for d in views:
        if not d.denial:
            continue
        best, best_score = None, 0.0
        for c in views:
            s = denial_score(d, c)
            if s > best_score or (s == best_score and s > 0 and best is not None
                                  and abs(c.st.start - d.st.start) < abs(best.st.start - d.st.start)):
                best, best_score = c, s
        if best is not None:
            a, b = sorted([best, d], key=lambda v: (v.day or 0, v.st.article_id, v.st.start))
            out.append(Relation(type="contradicts", a=a.st.id, b=b.st.id,
                                note=f"denial of the claim (shared topic: {', '.join(sorted(d.topics & best.topics))})"))
    return out


# -- events -------------------------------------------------------------------
_km = distance_km


MERGE_KM = 25.0


def _same_place(a: Event, b: Event) -> bool:
    if a.geonames_id and b.geonames_id and a.geonames_id == b.geonames_id:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM
    ka, kb = place_key(a.place), place_key(b.place)
    return ka is not None and ka == kb


def _day_span(e: Event) -> tuple[int, int] | None:
    d0 = day_number(e.date)
    if d0 is None or (e.time_precision or 1) > 2:
        return None
    return d0, max(d0, day_number(e.date_end) or d0)


def same_incident(a: Event, b: Event) -> bool:
    """Two events (from different articles) reporting one incident."""
    if a.event_type != b.event_type:
        return False
    subs = {a.sub_event_type, b.sub_event_type}
    if len(subs) > 1 and not (subs & {"Other", "", None}):
        return False
    for x, y in ((a.actor1_side, b.actor1_side), (a.actor2_side, b.actor2_side)):
        if x and y and x != y:
            return False
    if "Other" in subs and a.tags and b.tags and not set(a.tags) & set(b.tags):
        return False  # the catch-all sub-type: only one kind of development (evacuation, surrender...)
    sa, sb = _day_span(a), _day_span(b)
    if sa is None or sb is None:
        return False
    # a day apart for day-precise reports (publication lag), two when either is a range or week
    slack = 1 if (a.time_precision or 1) == 1 and (b.time_precision or 1) == 1 else 2
    if sb[0] - sa[1] > slack or sa[0] - sb[1] > slack:
        return False
    return _same_place(a, b)


def merge_events(events: list[Event], order: dict[str, int] | None = None) -> list[Event]:
    """One event per incident: events from different articles that match are merged.

    The merged id derives from the sorted member ids, so the same inputs give
    the same id; text/start/end stay those of the first member (the earliest
    article), whose id comes first in ``article_ids``.
    """
    order = order or {}
    def linked(a: Event, b: Event) -> bool:
        # within an article the events extractor decides
        return not (set(a.article_ids) & set(b.article_ids)) and same_incident(a, b)

    clusters = cluster(events, linked)
    out = []
    for members in clusters:
        if len(members) == 1:
            out.append(members[0])
            continue
        members.sort(key=lambda e: (min(order.get(a, 0) for a in e.article_ids), e.start))
        out.append(_merged(members))
    return out


def _merged(members: list[Event]) -> Event:
    base = members[0]
    ids = sorted({m.id for m in members})
    article_ids: list[str] = []
    evidence: list[dict] = []
    for m in members:
        for aid in m.article_ids:
            if aid not in article_ids:
                article_ids.append(aid)
        spans = m.evidence or [{"text": m.text, "start": m.start, "end": m.end}]
        for ev in spans:
            ev = dict(ev)
            ev.setdefault("article_id", m.article_ids[0] if m.article_ids else None)
            if ev not in evidence:
                evidence.append(ev)

    def union(attr):
        seen: list = []
        for m in members:
            for x in getattr(m, attr) or []:
                if x not in seen:
                    seen.append(x)
        return seen

    fatalities = [m.fatalities for m in members if m.fatalities is not None]
    precise = min(members, key=lambda m: (m.time_precision or 3, m.geo_precision or 3))
    merged = replace(
        base,
        id=stable_id("evt", "merged", *ids),
        article_ids=article_ids,
        evidence=evidence,
        figure_ids=union("figure_ids"),
        statement_ids=union("statement_ids"),
        tags=union("tags"),
        fatalities=min(fatalities) if fatalities else None,
        date=precise.date, date_end=precise.date_end, time_precision=precise.time_precision,
    )
    if hasattr(merged, "merged_from"):
        merged.merged_from = ids
    for attr in ("actor1", "actor1_side", "actor2", "actor2_side", "place", "lat", "lon", "geonames_id", "geo_precision",
                 "claimed_by", "claimed_by_side"):
        if getattr(merged, attr) is None:
            for m in members:
                if getattr(m, attr) is not None:
                    setattr(merged, attr, getattr(m, attr))
                    break
    return merged


# -- entry points ---------------------------------------------------------------
def relate_records(figures: list[Figure], statements: list[Statement], places: dict[str, list[Place]],
                   published: dict[str, str | None]) -> list[Relation]:
    """All relations among the given records (pure)."""
    resolver = Resolver([(f.claimant, None) for f in figures] + [(s.speaker, s.speaker_role) for s in statements])
    rels = relate_figures(figure_views(figures, published, places, resolver))
    rels += relate_statements(statement_views(statements, published, places, resolver))
    seen, out = set(), []
    for r in rels:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _gather(results: Iterable[ArticleRecords]):
    figures, statements, places, published = [], [], {}, {}
    for r in results:
        if r.article.status != "ok":
            continue
        figures += r.figures
        statements += r.statements
        places[r.article.id] = list(r.places)
        published[r.article.id] = r.article.published
    return figures, statements, places, published


def relate(results: list[ArticleRecords]) -> list[Relation]:
    """Relations among the statements and figures of a batch."""
    return relate_records(*_gather(results))


def fuse(results: list[ArticleRecords]) -> Batch:
    """Relate the records of a batch and merge events reported by several articles."""
    results = list(results)
    try:
        relations = relate(results)
    except Exception as exc:  # fusion must never lose the batch's records
        import warnings

        warnings.warn(f"relating records failed: {exc!r}")
        relations = []
    order = {r.article.id: i for i, r in enumerate(results)}
    events = [e for r in results for e in r.events]
    try:
        merged = merge_events(events, order)
    except Exception as exc:
        import warnings

        warnings.warn(f"merging events failed: {exc!r}")
        merged = events
    return Batch(results=results, relations=relations, events=merged)


def relate_with_store(results: list[ArticleRecords], store) -> list[Relation]:
    """Relations of new records among themselves and with what the store holds.

    Only relations that touch at least one new record are returned; relations
    among stored records were written when they were ingested.
    """
    figures, statements, places, published = _gather(results)
    new_ids = {x.id for x in figures} | {x.id for x in statements}
    new_articles = set(published)
    cats = sorted({f.category for f in figures if f.category and f.category != "other"})
    old_figs: list[Figure] = []
    if cats:
        marks = ", ".join("?" for _ in cats)
        old_figs = [f for f in store.records("figures", where=f"category IN ({marks})", params=cats)
                    if f.article_id not in new_articles]
    old_sts: list[Statement] = []
    days = [d for d in (day_number(p) for p in published.values()) if d is not None]
    if statements and days:
        # a denial answers claims of the same days: only statements of articles published near the new ones
        near = [a["id"] for a in store.rows("articles") if a["id"] not in new_articles
                and (lambda d: d is not None and min(days) - STATEMENT_STORE_DAYS <= d <= max(days) + STATEMENT_STORE_DAYS)(
                    day_number(a.get("published")))]
        for i in range(0, len(near), 500):
            chunk = near[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            old_sts += store.records("statements", where=f"article_id IN ({marks})", params=chunk)
    old_articles = {x.article_id for x in old_figs} | {x.article_id for x in old_sts}
    if old_articles:
        ids = sorted(old_articles)
        marks = ", ".join("?" for _ in ids)
        for a in store.rows("articles", where=f"id IN ({marks})", params=ids):
            published[a["id"]] = a.get("published")
        for p in store.records("places", where=f"article_id IN ({marks})", params=ids):
            places.setdefault(p.article_id, []).append(p)
    rels = relate_records(figures + old_figs, statements + old_sts, places, published)
    return [r for r in rels if r.a in new_ids or r.b in new_ids]


def stored_events(store) -> list[Event]:
    """The store keeps per-article events; this merges them on demand."""
    events = store.records("events")
    arts = store.rows("articles", order="published, id")
    order = {a["id"]: i for i, a in enumerate(arts)}
    return merge_events(events, order)
