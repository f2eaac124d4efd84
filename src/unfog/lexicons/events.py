"""Words that signal events, and how each kind of event maps to ACLED's codebook.

The language data lives in ``events.json`` next to this module (loaded once):
trigger lemmas (verbs and nouns) mapped to an internal *kind*, verbs that signal
an event only with a given object or particle, weapon words, noun classes, cue
words, and the ACLED mapping of each kind. The kind and a few facts about the
clause (who acted, where, who asserts it) give the ACLED ``event_type`` /
``sub_event_type`` and our extra ``tags`` in :func:`acled_type`. The mapping
and its reasons are written up in docs/events.md.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from unfog.lexicons import denial, people

DATA = Path(__file__).with_name("events.json")


@lru_cache(maxsize=1)
def data() -> dict:
    """The event lexicon (events.json), read once."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def _set(key: str) -> frozenset[str]:
    return frozenset(data()[key])


_D = data()
# rank: when several triggers describe one happening (one clause), the lowest rank
# names it (ACLED's hierarchy: a battle absorbs the shelling and killings within it).
RANK: dict[str, int] = _D["rank"]
VIOLENT_KINDS = _set("violent_kinds")
SETTING_KINDS = frozenset(_D["setting_kinds"]["kinds"])  # "the siege": a situation; the act told within it types the incident
ANNOUNCED_KINDS = _set("announced_kinds")  # their announcements *are* the event
VERB_TRIGGERS: dict[str, str] = _D["verb_triggers"]
NOUN_TRIGGERS: dict[str, str] = _D["noun_triggers"]
VERB_RULES: dict[str, dict] = {k: v for k, v in _D["verb_rules"].items() if not k.startswith("_")}
WEAPON_KIND: dict[str, str] = _D["weapon_kind"]  # "killed ... by artillery": the weapon says the kind
WEAPON_SUBJECT_VERBS = _set("weapon_subject_verbs")
EXPLOSIVE_MODIFIERS = _set("explosive_modifiers")  # "car bomb", "roadside bomb": planted, not dropped
DRONE_WORDS = _set("drone_words")  # "a suicide drone", "the drone exploded": still a drone strike
NOUN_BLOCKING_MODIFIERS: dict[str, list[str]] = _D["noun_blocking_modifiers"]
NOUN_REQUIRED_MODIFIERS: dict[str, dict[str, str]] = _D["noun_required_modifiers"]
CORRIDOR_MODIFIERS = _set("corridor_modifiers")
AGREEMENT_CONTEXT = _set("agreement_context")
OFFER_CONTEXT = _set("offer_context")
PLACE_NOUNS = _set("place_nouns")
NON_WEAPON_HEADS = _set("non_weapon_heads")  # "air support": no weapon
NAMED_VICTIM_VERBS = _set("named_victim_verbs")  # "shot dead <a name>"
AIR_STRIKE_NOUNS = tuple(_D["air_strike_nouns"])  # "air strikes" named in a report's lead
HELD_PLACE_NOUNS = _set("held_place_nouns")  # "captured an army camp": a held place taken
# one list of people nouns for figures and events (lexicons/people.json)
PEOPLE_NOUNS = people.PEOPLE_NOUNS
COMBATANT_NOUNS = people.COMBATANT_NOUNS | people.COMBATANT_UNITS
GENERIC_PERSON_NOUNS = _set("generic_person_nouns")  # "people", "person": victims of any kind
GROUP_NOUNS = _set("group_nouns")  # "one family": a group counted, not its dead
GROUP_SIZE_NOUNS = _set("group_size_nouns")  # "a group of nearly 50 militants": the group's size, not its dead
TOLL_ABOVE_QUALIFIERS = _set("toll_above_qualifiers")  # "more than 20": the toll exceeds the number
PLACE_PART_BOUNDS: dict[str, int] = dict(_D["place_part_bounds"])  # "13 killed in A while five in B": where A's part ends
PLACE_PART_PREPS = _set("place_part_preps")  # "killed in A", "at A, gunmen killed five"
PART_LIST_MARKS = tuple(_D["part_list_marks"])  # "five dead: two police and three soldiers"
ONE_PERSON_DETERMINERS = _set("one_person_determiners")  # "a mayor and nine soldiers", "an aid worker and another civilian"
OTHER_DEAD_WORDS = _set("other_dead_words")  # "another person was slain": other dead than the incident's
VICTIM_COUNT_NOUNS = _set("victim_count_nouns")  # "11 lives": the dead of any kind
CIVILIAN_NOUNS = people.CIVILIAN_NOUNS | people.CIVILIAN_TARGETS | GENERIC_PERSON_NOUNS | _set("civilian_collective_nouns")
REPORT_VERBS = _set("report_verbs")
REACTION_VERBS = _set("reaction_verbs")  # "condemned the killing on Saturday": the day of the reaction, weak
DENY_VERBS = denial.DENY_VERBS  # lexicons/denial.json
UNREAL_MODIFIERS = _set("unreal_modifiers")
UNREAL_GOVERNORS = _set("unreal_governors")
AGENTIVE_VERBS = _set("agentive_verbs")
MODALS = _set("modals")
FAIL_VERBS = _set("fail_verbs")
CUMULATIVE_CUES: tuple[str, ...] = tuple(_D["cumulative_cues"])
CUMULATIVE_MARKS = _set("cumulative_marks")
AGGREGATE_NOUNS = _set("aggregate_nouns")
AGGREGATE_PREPS = _set("aggregate_preps")
ONGOING_VERBS = _set("ongoing_verbs")
STILL_ADVERBS = _set("still_adverbs")  # "were still attacking residents": going on when told, no incident
TREND_VERBS = _set("trend_verbs")  # "stepped up its offensive": a campaign going on, not an incident
AGGREGATE_SUBJECTS = _set("aggregate_subjects")
WAR_NOUNS = _set("war_nouns")
DESCRIPTIVE_PARTICIPLES = _set("descriptive_participles")  # "civilians shot in the streets": a description  # "killed in the war", "in gang violence": a toll over the whole conflict
PERIOD_NOUNS = _set("period_nouns")  # "in 13 months of war", "in two days of fighting"
AGGREGATE_ACTS = _set("aggregate_acts")
PROTESTER_NOUNS = _set("protester_nouns")
GENERIC_ANAPHORS = _set("generic_anaphors")
PERPETRATOR_NOUNS = _set("perpetrator_nouns")
SETTING_RELATIVES = _set("setting_relatives")  # "in the north, where the army is fighting rebels": the place's setting
HABITUAL_ADVERBS = _set("habitual_adverbs")  # "the army regularly carries out drone strikes": a habit, not an incident
PAST_MODIFIERS = _set("past_modifiers")  # "previous attacks on police": incidents told elsewhere
AGGREGATE_MODIFIERS = _set("aggregate_modifiers")  # "in separate attacks", "several raids": many incidents as one
AGGREGATE_ADVERBS = _set("aggregate_adverbs")
ADDITION_WORDS = _set("addition_words")
ADDITIVE_ADVERBS = _set("additive_adverbs")  # "two were also killed in a gunfight": told besides, not told again
AGREEMENT_SETTING_PREPS = frozenset(_D["agreement_settings"]["preps"])  # "under the truce": the setting, not an agreement made
AGREEMENT_SETTING_VERBS = frozenset(_D["agreement_settings"]["verbs"])
AGREEMENT_STATES = frozenset(_D["agreement_settings"]["states"])  # "a ceasefire that has been in place"
ORIGIN_VERBS = _set("origin_verbs")  # "an officer who comes from Y": where a person is from
DEPARTURE_VERBS = _set("departure_verbs")  # "a convoy returning from Y": where the victims set out from
OCCURRENCE_VERBS = _set("occurrence_verbs")  # "the incident happened on Wednesday": when the incident told before was
INCIDENT_NOUNS = _set("incident_nouns")
MUTUAL_FIGHT_WORDS = _set("mutual_fight_words")
IMPROVISED_MODIFIERS = _set("improvised_modifiers")  # "a homemade bomb": planted, not dropped  # "killed in a gunfight": a fight's toll, whoever died
ADDITION_PHRASES = _set("addition_phrases")  # "eight guards as well as two cooks": 10
OTHER_INCIDENT_ADVERBS = frozenset(_D["other_incident_cues"]["adverbs"])
OTHER_INCIDENT_PERIODS: tuple[str, ...] = tuple(_D["other_incident_cues"]["opening_periods"])
OTHER_INCIDENT_DETERMINERS = frozenset(_D["other_incident_cues"]["determiners"])
SEQUEL_ADVERBS = frozenset(_D["other_incident_cues"]["sequel_adverbs"])
OPENING_ADVERBS = frozenset(_D["other_incident_cues"]["opening_adverbs"])  # "Also on Friday, ...": another incident
OTHER_INCIDENT_MODIFIERS = frozenset(_D["other_incident_cues"]["modifiers"])
BACKGROUND_PREPS = _set("background_preps")  # "killed ... amid ongoing exchanges of fire": the setting, not an incident
ONGOING_MODIFIERS = _set("ongoing_modifiers")  # "near-daily cross-border fire", "ongoing clashes"
SUSPICION_HEADS = _set("suspicion_heads")  # "suspects in the killing": the act people are suspected of
REFERENCE_HEADS = _set("reference_heads")  # "evacuation warnings", "attack plans": the act named, not done
EQUIPMENT_HEADS = _set("equipment_heads")  # "riot police", "riot gear": the kit for an act, no act told
STATUS_HEADS = _set("status_heads")  # "a state of siege": a status declared, no act
DIVISION_NOUNS = _set("division_nouns")  # "Tonj South County": an area of many villages
ASSAULT_MANNERS = _set("assault_manners")  # "took the village by storm": the assault
SEQUENCE_VERBS = _set("sequence_verbs")
DETONATION_VERBS = _set("detonation_verbs")
DEAD_NOUNS = _set("dead_nouns")  # ("two of the fatalities")
MAGNITUDE_WORDS = _set("magnitude_words")
WOUND_WORDS = _set("wound_words")
BOMB_WORDS = _set("bomb_words")
SAME_PAST_FORMS = _set("same_past_forms")
BLAME_VERBS = _set("blame_verbs")  # "an attack blamed on jihadists": the perpetrator as reported  # "shells hit a market": past or present, the tagger cannot tell  # "a bomb attack", "the bombing": from the air only when aircraft are named  # "another four critically wounded": a wounded count, whatever its category  # "Thousands have been killed": a size, not a count of one incident  # "two of the fatalities", "three of the dead": part of a toll  # "a bomb exploded": a planted device unless aircraft are named  # "the attack came a day after six were killed": an earlier incident  # "and two more died": a count added to the one told before  # "17 other people were killed elsewhere"
QUANTITY_WORDS = _set("quantity_words")
SUBSET_CUES: tuple[str, ...] = tuple(_D["subset_cues"])
ONE_SIDED_TRIGGERS = _set("one_sided_triggers")  # an attack, a raid: on civilians it is not a clash
NON_ACTOR_WORDS = _set("non_actor_words")  # fragments the parse can give as a subject
NONSTATE_NOUNS = _set("nonstate_nouns")  # rebels, militias: their captures are non-state takeovers
HIDDEN_TAGS = _set("hidden_tags")  # kept apart: not on the map's default view, not in the ACLED export
MINE_CONTACT_VERBS = _set("mine_contact_verbs")  # "their vehicle struck a landmine": a remote explosive
INTERCEPTION_VERBS = _set("interception_verbs")  # "intercepted drones", "shot down a missile": disrupted weapons use
INTERCEPTION_OBJECTS = _set("interception_objects")
WEAPON_OBJECT_VERBS = _set("weapon_object_verbs")  # "fired mortar bombs", "launched drones": the weapon says the kind
AIR_CUES: tuple[str, ...] = tuple(_D["air_cues"])  # a bare "strike" from aircraft is an air strike
GROUND_FIRE_CUES = _set("ground_fire_cues")
AIR_CAMPAIGN_SIDES = frozenset(_D["air_campaign_sides"]["sides"])
MILITARY_TARGET_NOUNS = _set("military_target_nouns")  # "an army post": the target is armed
MILITARY_MODIFIERS = _set("military_modifiers")
CIVILIAN_PLACE_NOUNS = _set("civilian_place_nouns")  # "a market", "a camp for displaced people"
ACLED: dict[str, list] = {k: v for k, v in _D["acled"].items() if not k.startswith("_")}
FAMILIES: dict[str, str] = _D["families"]
EITHER_FORCE_NOUNS = _set("either_force_nouns")  # "officers": soldiers or police, whichever the text says
LEMMA_FIXES: dict[str, str] = {k: v for k, v in _D["lemma_fixes"].items() if not k.startswith("_")}
PROTEST_CAUSE_PREPS = _set("protest_cause_preps")  # "to protest against the killings": a reference
PROTEST_CAUSE_VERBS = _set("protest_cause_verbs")  # "gathered to denounce the murder of X": a reference
LABOUR_STRIKE_GOVERNORS = _set("labour_strike_governors")  # "joined a strike": a stoppage of work
SAME_DAY_CUES: tuple[str, ...] = tuple(_D["same_day_cues"])  # "Earlier in the day, ...": the day told before
CIVILIAN_CONVOY_WORDS = _set("civilian_convoy_words")  # "a convoy of aid trucks": no arms
GROUND_ASSAULT_WORDS = _set("ground_assault_words")  # a suicide bomb opening a ground assault: an armed clash
RETALIATION_NOUNS = _set("retaliation_nouns")  # "in revenge for the raid": the cause, another incident
OFFICE_NOUNS = _set("office_nouns")  # "the governor of X": the office's place, not the incident's
INTRANSITIVE_TRIGGERS = _set("intransitive_triggers")  # "demonstrate progress": no protest
CAUSE_OBJECTS = _set("cause_objects")  # "fighting for his life", "the fight against terrorism": no clash
LINK_LINES = tuple(_D["link_lines"])  # "READ ALSO: ...": another story's headline
REVERSAL_VERBS = _set("reversal_verbs")  # "recaptured the base": a change of control of its own
DEATH_OBJECTS = _set("death_objects")  # "hacked to death": a killing, whatever the verb
MOB_NOUNS = _set("mob_nouns")  # "a crowd beat two men to death": mob violence
ENTRY_VERBS = _set("entry_verbs")  # "rebel vehicles entered the town": the other side moving in
RAID_NOUNS = _set("raid_nouns")  # "police raided a house and arrested four": arrests
ARREST_SETTING_NOUNS = _set("arrest_setting_nouns")  # "arrested 22 people in raids": how, not an attack
INTERVENTION_CUES: tuple[str, ...] = tuple(_D["intervention_cues"])  # "fired tear gas to disperse"
STATE_FORCE_HEADS = _set("state_force_heads")  # "the armed forces bombed a camp": from the air
DIRECTION_WORDS = _set("direction_words")  # "west of Mangina": the town is the place
BORDER_NOUNS = _set("border_nouns")  # "near the Telangana border": the border a place lies by
AREA_NOUNS = _set("area_nouns")  # "in Maru local government area": the name stands for the area noun
SETTLEMENT_NOUNS = _set("settlement_nouns")  # "in Mosul city": the name stands for the settlement noun
CIVILIAN_ROLE_NOUNS = _set("civilian_role_nouns")  # "a community leader": a civilian unless an armed word names him
NIGHT_WORDS = _set("night_words")  # "overnight": weaker than a day named beside it
ATTRIBUTION_DAY_WORDS = _set("attribution_day_words")  # "according to X on Saturday": the source's day, weak
STATUS_DAY_CUES: tuple[str, ...] = tuple(_D["status_day_cues"])  # "as of Monday": the day a state was seen, weak
PARTY_POSSESSIVES = _set("party_possessives")  # "its forces had repelled ...": a party's own men
REFERENCE_PREPS = _set("reference_preps")  # "questions about the raid": the act asked about, told before
RESISTANCE_PHRASES: tuple[str, ...] = tuple(_D["resistance_phrases"])  # "fought back": armed on both sides
FIRE_NOUNS = _set("fire_nouns")  # "artillery fire hit a school": the modifier is the weapon
STREET_NOUNS = _set("street_nouns")  # "marched along X's main avenue": where, not who
ROUTE_NOUNS = _set("route_nouns")  # "at <village> on the <town>-<town> road": a road named after towns
DISCOVERY_VERBS = _set("discovery_verbs")  # "the bodies of four men were found": a killing told by its dead
RIOT_CUES: tuple[str, ...] = tuple(_D["riot_cues"])  # "blocked roads with burning tyres": a violent demonstration
PART_PREPS = _set("part_preps")  # "operations including shelling": a means of a campaign
INVOLVEMENT_WORDS = _set("involvement_words")  # "involved in attacks": incidents named, not told
BUILDING_PARTS = _set("building_parts")  # "regained control of the wing": no territory
FORMATION_NOUNS = _set("formation_nouns")  # "the 17 Infantry Brigade": a number naming a unit
URBAN_PART_NOUNS = _set("urban_part_nouns")  # "in the X neighbourhood": a part of the town told before
RECENT_ADVERBS = _set("recent_adverbs")  # "have been killed recently": earlier incidents summed up
BEFORE_ADVERBS = _set("before_adverbs")  # "had previously been used ... and was taken over": the past
SURFACE_TRIGGERS: dict[str, str] = {k: v for k, v in _D["surface_triggers"].items() if not k.startswith("_")}


def _mapped(key: str) -> tuple[str, str, list[str]]:
    etype, sub, tags = ACLED.get(key, ACLED["other"])
    return etype, sub, list(tags)


def acled_type(kind: str, *, actor1_side: str | None = None, home_side: str | None = None,
               claimed: bool = False, targets_civilians: bool = False, weapon: str | None = None,
               nonviolent: bool = False, actor1_nonstate: bool = False) -> tuple[str, str, list[str]]:
    """ACLED event type, sub-event type and extra tags for one kind of event.

    ``home_side`` is the state the place belongs to; ``claimed`` is true when
    only a party to the war asserts the event (then a change of control stays
    an Armed clash with a territorial-claim tag: ACLED codes a transfer only
    when control is established, not when it is announced).
    """
    if kind == "territory":
        if nonviolent:
            return _mapped("territory_nonviolent")
        if not claimed and actor1_nonstate:
            return _mapped("territory_nonstate")
        if claimed or actor1_side is None or home_side is None:
            return _mapped("territory_claimed")
        return _mapped("territory_government" if actor1_side == home_side else "territory_nonstate")
    if kind == "killing":
        if weapon:
            return acled_type(weapon)
        return _mapped("killing_civilians" if targets_civilians else "killing")
    if kind == "arrest" and actor1_side and home_side and actor1_side != home_side:
        return _mapped("arrest_foreign")  # detentions by a foreign force are extrajudicial: abductions
    return _mapped(kind)


def family(kind: str) -> str:
    """What a merged event is keyed on: kinds that describe one happening in different words."""
    return FAMILIES.get(kind, kind)


def verb_rule(lemma: str, objects: set[str], particles: set[str], preps: set[str],
              purposes: frozenset[str] = frozenset()) -> tuple[bool, str | None]:
    """(applies, kind) for verbs that signal an event only with a given object, particle, preposition
    or purpose (the verb of a "to" clause under it: "gathered ... to demand")."""
    rule = VERB_RULES.get(lemma)
    if rule is None:
        return False, None
    for key, found in (("objects", objects), ("particles", particles), ("preps", preps), ("purposes", purposes)):
        for word, kind in (rule.get(key) or {}).items():
            if word in found:
                return True, kind
    if not objects:
        for word, kind in (rule.get("bare_preps") or {}).items():
            if word in preps:
                return True, kind  # "fired on a crowd": no object, a target
    if "else" in rule:
        return True, rule["else"]
    if rule.get("fallthrough"):
        return False, None  # "fired mortar bombs": no rule object, the other rules decide
    return lemma not in VERB_TRIGGERS, None
