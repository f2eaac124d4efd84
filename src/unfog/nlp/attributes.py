"""Token attributes the model sets after the parser, set faster with the same values.

**The attribute ruler**, matched without spaCy's general ``Matcher``.

The attribute ruler of ``en_core_web_sm`` (tag map, pronoun morphology,
contractions: 179 rules) sets POS, MORPH and some lemmas after the parser. Its
rules are fixed-length token patterns on TAG, LOWER, DEP and IS_SPACE, and
spaCy's ``Matcher`` tries every rule at every token: about 13 % of the whole
parse (0.95 s of 7.4 s CPU on 120 articles). :func:`speed_up_attribute_ruler`
gives the ruler a ``match`` that looks up, for each token, only the rules whose
first token can match it (indexed by that token's TAG, LOWER, DEP or IS_SPACE)
and returns exactly the list spaCy's ``AttributeRuler.match`` returns (one
match per rule and span, sorted by rule); spaCy's own ``set_annotations``
then applies them, so the annotations are the same. A rule using anything else
(an operator, another attribute or predicate) leaves the ruler as it is.

**The lemmatizer** (rule mode) keeps a token's lemmas by (word, POS, morphology)
only for the words it looks up in its tables; a word in its base form (a
singular noun, an infinitive: about half the tokens) is worked out again at
each occurrence, reading the token's morphology. :func:`remember_lemmas` keeps
every answer by the same key (all the rule lemmatizer reads), so each
combination is worked out once.
"""
from __future__ import annotations

import re
import types

# pattern attribute -> the Token attribute it reads (as spaCy's Matcher compares them: strings, or a flag)
_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}


def _test(attr: str, value) -> tuple[str, str, object] | None:
    """(token attribute, operator, operand) for one pattern constraint, or None when it is not handled."""
    if attr not in _ATTRS:
        return None
    if attr == "IS_SPACE":
        return (_ATTRS[attr], "==", bool(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _ATTRS[attr], "==", value
    if isinstance(value, dict) and len(value) == 1:
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return _ATTRS[attr], op, frozenset(operand)
        if op == "REGEX" and isinstance(operand, str):
            return _ATTRS[attr], op, re.compile(operand)
    return None


def _holds(tests, values: dict[str, list], i: int) -> bool:
    for attr, op, operand in tests:
        v = values[attr][i]
        if op == "==":
            if v != operand:
                return False
        elif op == "IN":
            if v not in operand:
                return False
        elif op == "NOT_IN":
            if v in operand:
                return False
        elif not operand.search(v):  # REGEX: spaCy searches the attribute's string
            return False
    return True


class RuleIndex:
    """The ruler's patterns, each a list of per-token tests.

    Whether a rule's first token holds depends only on that token's TAG, LOWER, DEP and IS_SPACE: the
    rules whose first token holds are computed once per such combination and remembered (a corpus has
    few combinations); the rules of several tokens then test the tokens after it."""

    MEMO_SIZE = 200_000  # combinations remembered (then forgotten and learnt again)

    def __init__(self, ruler):
        self.rules: list[tuple[int, int, list]] = []  # (rule number, key hash, [tests per token])
        self.memo: dict[tuple, tuple] = {}
        self.ok = True
        for n in range(len(ruler.attrs)):
            key = str(n)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                tokens = []
                for spec in pattern:
                    tests = [_test(a, v) for a, v in spec.items()]
                    if not spec or any(t is None for t in tests):
                        self.ok = False  # an operator or attribute this index does not handle
                        return
                    tokens.append(tests)
                self.rules.append((n, ruler.vocab.strings[key], tokens))

    def _first(self, combo: tuple) -> tuple:
        """(rule number, key hash, tests of the tokens after the first) of the rules whose first token holds."""
        values = {"tag_": (combo[0],), "lower_": (combo[1],), "dep_": (combo[2],), "is_space": (combo[3],)}
        if len(self.memo) >= self.MEMO_SIZE:
            self.memo.clear()
        out = self.memo[combo] = tuple((n, key, tokens[1:]) for n, key, tokens in self.rules
                                       if _holds(tokens[0], values, 0))
        return out

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule number, key hash, start, end), sorted."""
        combos = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        n = len(combos)
        memo = self.memo
        values = None
        found = set()
        for i, combo in enumerate(combos):
            hits = memo.get(combo)
            if hits is None:
                hits = self._first(combo)
            for number, key, rest in hits:
                if not rest:
                    found.add((number, key, i, i + 1))
                    continue
                if values is None:
                    values = {a: [c[k] for c in combos] for k, a in enumerate(("tag_", "lower_", "dep_", "is_space"))}
                end = i + 1 + len(rest)
                if end <= n and all(_holds(tests, values, i + 1 + k) for k, tests in enumerate(rest)):
                    found.add((number, key, i, end))
        return sorted(found)


def speed_up_attribute_ruler(nlp) -> bool:
    """Give the pipeline's attribute ruler the indexed ``match`` (False when its rules are not all handled)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    index = RuleIndex(ruler)
    if not index.ok:
        return False
    ruler.match = types.MethodType(lambda self, doc: index.match(doc), ruler)
    return True


def remember_lemmas(nlp, size: int = 200_000) -> bool:
    """Give a rule lemmatizer a cache of every answer by (word, POS, morphology) (False when there is none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    work = lemmatizer.lemmatize
    known: dict[tuple, list[str]] = {}

    def lemmatize(token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = known.get(key)
        if forms is None:
            forms = work(token)
            if token.pos != 0:  # (no POS: spaCy warns at each such token, so it is asked each time)
                if len(known) >= size:
                    known.clear()
                known[key] = forms
        return forms

    lemmatizer.lemmatize = lemmatize
    return True
