"""Words that signal events, and how each kind of event maps to ACLED's codebook.

Triggers are lemmas (verbs and nouns). Each maps to an internal *kind*; the kind
and a few facts about the clause (who acted, where, who asserts it) give the
ACLED ``event_type`` / ``sub_event_type`` and our extra ``tags`` in
:func:`acled_type`. The mapping and its reasons are written up in docs/events.md.
"""
from __future__ import annotations

from unfog.lexicons import denial, people

# -- kinds ---------------------------------------------------------------------
# rank: when several triggers describe one happening (one clause), the lowest rank
# names it. This follows ACLED's hierarchy: a battle absorbs the shelling and the
# killings that happen within it; remote violence absorbs attacks on civilians.
RANK = {
    "battle": 1, "siege": 1, "territory": 1,
    "air": 2, "shelling": 2, "explosive": 2, "chemical": 2,
    "killing": 3, "abduction": 3, "sexual": 3,
    "mass_grave": 4, "surrender": 4, "prisoners": 4, "withdrawal": 4, "ultimatum": 4,
    "offer": 4, "agreement": 4, "corridor": 4, "evacuation": 4, "arrest": 4, "looting": 4,
    "protest": 4, "riot": 4,
}

VIOLENT_KINDS = {"battle", "siege", "territory", "air", "shelling", "explosive", "chemical",
                 "killing", "abduction", "sexual"}

# Kinds whose announcements *are* the event ("Russia said it would open a corridor").
ANNOUNCED_KINDS = {"corridor", "evacuation", "offer", "ultimatum", "agreement"}

VERB_TRIGGERS: dict[str, str] = {
    # battles
    "fight": "battle", "clash": "battle", "attack": "battle", "assault": "battle", "storm": "battle",
    "invade": "battle", "ambush": "battle", "raid": "battle", "repel": "battle", "counterattack": "battle",
    # sieges
    "besiege": "siege", "blockade": "siege", "surround": "siege", "encircle": "siege",
    # territory
    "capture": "territory", "seize": "territory", "liberate": "territory", "retake": "territory",
    "recapture": "territory", "occupy": "territory", "overrun": "territory", "fall": "territory",
    "control": "territory", "regain": "territory", "annex": "territory",
    # remote violence
    "bomb": "air", "shell": "shelling", "pound": "shelling", "bombard": "shelling",
    "strike": "shelling",
    # violence against civilians
    "kill": "killing", "execute": "killing", "murder": "killing", "massacre": "killing",
    "torture": "killing", "rape": "sexual", "abduct": "abduction", "kidnap": "abduction",
    "deport": "abduction",
    # strategic developments
    "surrender": "surrender", "capitulate": "surrender",
    "withdraw": "withdrawal", "retreat": "withdrawal",
    "evacuate": "evacuation",
    "arrest": "arrest", "detain": "arrest",
    "loot": "looting", "rob": "looting", "plunder": "looting",
    "offer": "offer",
    "protest": "protest", "riot": "riot",
}

NOUN_TRIGGERS: dict[str, str] = {
    "battle": "battle", "fighting": "battle", "fight": "battle", "clash": "battle", "assault": "battle",
    "offensive": "battle", "counteroffensive": "battle", "counter-offensive": "battle", "attack": "battle",
    "invasion": "battle", "incursion": "battle", "firefight": "battle", "skirmish": "battle",
    "ambush": "battle", "storming": "battle",
    "siege": "siege", "blockade": "siege", "encirclement": "siege",
    "capture": "territory", "fall": "territory", "liberation": "territory", "annexation": "territory",
    "airstrike": "air", "air-strike": "air", "bombing": "air", "raid": "battle",
    "shelling": "shelling", "bombardment": "shelling", "strike": "shelling", "barrage": "shelling",
    "explosion": "explosive", "landmine": "explosive", "ied": "explosive",
    "killing": "killing", "massacre": "killing", "execution": "killing", "murder": "killing",
    "abduction": "abduction", "kidnapping": "abduction", "deportation": "abduction", "rape": "sexual",
    "grave": "mass_grave",
    "surrender": "surrender", "capitulation": "surrender",
    "withdrawal": "withdrawal", "retreat": "withdrawal", "pullout": "withdrawal",
    "evacuation": "evacuation", "evacuee": "evacuation",
    "corridor": "corridor", "passage": "corridor",
    "ultimatum": "ultimatum", "offer": "offer",
    "ceasefire": "agreement", "truce": "agreement", "deal": "agreement", "agreement": "agreement",
    "exchange": "agreement", "swap": "agreement",
    "arrest": "arrest", "detention": "arrest",
    "looting": "looting",
    "protest": "protest", "demonstration": "protest", "riot": "riot",
}

# Words naming weapons: never an event on their own, but they say what kind of
# remote violence a clause describes ("killed ... by artillery", "a missile attack").
WEAPON_KIND: dict[str, str] = {
    "artillery": "shelling", "missile": "shelling", "rocket": "shelling", "mortar": "shelling",
    "shell": "shelling", "howitzer": "shelling", "cannon": "shelling", "grad": "shelling",
    "air": "air", "drone": "air", "aircraft": "air", "plane": "air", "warplane": "air", "jet": "air",
    "helicopter": "air", "bomber": "air", "airstrike": "air", "bomb": "air",
    "landmine": "explosive", "mine": "explosive", "ied": "explosive", "grenade": "grenade",
    "chlorine": "chemical", "sarin": "chemical",
}

# Nouns that make "strike"/"attack"/"deal"/"exchange"/"offer" words about this war.
CORRIDOR_MODIFIERS = {"humanitarian", "green", "safe", "evacuation", "escape", "civilian"}
AGREEMENT_CONTEXT = {"corridor", "evacuation", "evacuate", "prisoner", "ceasefire", "truce", "surrender",
                     "passage", "civilian", "grain", "exchange", "swap", "peace"}
OFFER_CONTEXT = {"surrender", "passage", "corridor", "ceasefire", "truce", "talk", "evacuation", "life", "arm"}

# Heads of noun phrases that denote places (capture of a place vs capture of people).
PLACE_NOUNS = {
    "city", "town", "village", "port", "plant", "steelworks", "factory", "airport", "airfield", "bridge",
    "region", "territory", "position", "positions", "settlement", "area", "district", "base", "hill",
    "island", "peninsula", "oblast", "province", "capital", "outskirts", "suburb", "centre", "center",
    "redoubt", "stronghold", "mill", "complex", "zone", "road", "highway", "station", "building", "dam",
    "crossing", "railway", "line", "front",
}
# lexicons/people.json: one list of people nouns for figures and events
PEOPLE_NOUNS = people.PEOPLE_NOUNS
COMBATANT_NOUNS = people.COMBATANT_NOUNS | people.COMBATANT_UNITS
CIVILIAN_NOUNS = people.CIVILIAN_NOUNS | people.CIVILIAN_TARGETS | {"people", "person"}

# Verbs that report what someone says: the event inside is a party's claim.
REPORT_VERBS = {"say", "claim", "tell", "announce", "report", "accuse", "acknowledge", "allege", "insist",
                "state", "declare", "assert", "confirm", "add", "write", "post", "deny", "reject", "admit",
                "warn", "note", "describe", "call", "characterise", "characterize", "suggest", "believe"}
DENY_VERBS = denial.DENY_VERBS  # lexicons/denial.json

# "the proposed assault", "halt the final attack": talked about, not happening.
UNREAL_MODIFIERS = {"proposed", "planned", "possible", "potential", "hypothetical", "future", "threatened",
                    "expected", "anticipated", "looming", "imminent", "feared"}
UNREAL_GOVERNORS = {"halt", "cancel", "abandon", "avoid", "prevent", "postpone", "stop", "call", "need",
                    "consider", "plan", "threaten", "prepare", "fear", "want", "seek", "try", "attempt",
                    "hope", "urge", "demand", "refuse", "reject", "appeal", "plea", "request", "mediation",
                    "would-be", "need", "require", "propose", "proposal"}
# Verbs whose subject is the actor of the event named by their object ("began storming").
AGENTIVE_VERBS = {"launch", "carry", "conduct", "begin", "continue", "resort", "use", "mount", "step", "intensify",
                  "engage", "wage", "lead", "stage", "resume", "start", "unleash", "press", "issue", "make",
                  "repeat", "open", "organise", "organize", "agree", "sign", "reach", "broker", "impose", "lay", "bury", "dig", "fill"}
MODALS = {"would", "could", "might", "may", "should", "must", "can"}
FAIL_VERBS = {"fail", "collapse", "break", "fall", "founder", "stall"}

# Actor words the actors table may not know yet: demonyms and capitals.
SIDE_WORDS = {
    "russian": "RUS", "russia": "RUS", "russians": "RUS", "kremlin": "RUS", "moscow": "RUS",
    "putin": "RUS", "shoigu": "RUS", "wagner": "RUS", "chechen": "RUS", "kadyrov": "RUS",
    "ukrainian": "UKR", "ukraine": "UKR", "ukrainians": "UKR", "kyiv": "UKR", "kiev": "UKR",
    "zelensky": "UKR", "zelenskyy": "UKR", "azov": "UKR",
    "un": "INT", "nations": "INT", "icrc": "INT", "osce": "INT", "nato": "INT", "red cross": "INT",
    "american": "USA", "british": "GBR", "belarusian": "BLR",
}

ISO2_TO_ISO3 = {"UA": "UKR", "RU": "RUS", "BY": "BLR", "MD": "MDA", "PL": "POL", "GE": "GEO", "SY": "SYR"}


def acled_type(kind: str, *, actor1_side: str | None = None, home_side: str | None = None,
               claimed: bool = False, targets_civilians: bool = False, weapon: str | None = None,
               nonviolent: bool = False) -> tuple[str, str, list[str]]:
    """ACLED event type, sub-event type and extra tags for one kind of event.

    ``home_side`` is the state the place belongs to; ``claimed`` is true when
    only a party to the war asserts the event (then a change of control stays
    an Armed clash with a territorial-claim tag: ACLED codes a transfer only
    when control is established, not when it is announced).
    """
    if kind == "battle":
        return "Battles", "Armed clash", []
    if kind == "siege":
        return "Battles", "Armed clash", ["siege"]
    if kind == "territory":
        if nonviolent:
            return "Strategic developments", "Non-violent transfer of territory", ["territorial-claim"]
        if claimed or actor1_side is None or home_side is None:
            return "Battles", "Armed clash", ["territorial-claim"]
        if actor1_side == home_side:
            return "Battles", "Government regains territory", ["territorial-claim"]
        return "Battles", "Non-state actor overtakes territory", ["territorial-claim"]
    if kind in ("air", "shelling", "explosive", "chemical", "grenade"):
        sub = {
            "air": "Air/drone strike", "shelling": "Shelling/artillery/missile attack",
            "explosive": "Remote explosive/landmine/IED", "chemical": "Chemical weapon", "grenade": "Grenade",
        }[kind]
        return "Explosions/Remote violence", sub, []
    if kind == "killing":
        if weapon:
            return acled_type(weapon)
        if targets_civilians:
            return "Violence against civilians", "Attack", []
        return "Battles", "Armed clash", []
    if kind == "sexual":
        return "Violence against civilians", "Sexual violence", []
    if kind == "abduction":
        return "Violence against civilians", "Abduction/forced disappearance", []
    if kind == "arrest":
        # Detentions by a foreign force are extrajudicial: ACLED codes them as abductions.
        if actor1_side and home_side and actor1_side != home_side:
            return "Violence against civilians", "Abduction/forced disappearance", []
        return "Strategic developments", "Arrests", []
    if kind == "mass_grave":
        return "Strategic developments", "Other", ["mass-grave"]
    if kind == "surrender":
        return "Strategic developments", "Agreement", ["surrender"]
    if kind == "agreement":
        return "Strategic developments", "Agreement", []
    if kind == "corridor":
        return "Strategic developments", "Agreement", ["corridor", "evacuation"]
    if kind == "evacuation":
        return "Strategic developments", "Other", ["evacuation"]
    if kind == "prisoners":
        return "Strategic developments", "Other", ["prisoners"]
    if kind == "withdrawal":
        return "Strategic developments", "Change to group/activity", ["withdrawal"]
    if kind == "ultimatum":
        return "Strategic developments", "Other", ["ultimatum"]
    if kind == "offer":
        return "Strategic developments", "Other", ["offer"]
    if kind == "looting":
        return "Strategic developments", "Looting/property destruction", []
    if kind == "protest":
        return "Protests", "Peaceful protest", []
    if kind == "riot":
        return "Riots", "Violent demonstration", []
    return "Strategic developments", "Other", []


# What a merged event is keyed on: kinds that describe one happening in different words.
def family(kind: str) -> str:
    if kind in ("air", "shelling", "explosive", "chemical", "grenade"):
        return "remote"
    if kind == "killing":
        return "killing"
    if kind in ("corridor", "agreement"):
        return "agreement"  # "a deal to open a corridor" and "there was no corridor" are one story
    if kind in ("offer", "ultimatum"):
        return "ultimatum"
    return kind
