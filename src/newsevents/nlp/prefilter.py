"""The first pass: which sentences need the tagger, parser and NER, decided on tokens alone.

Parsing is most of the cost of extraction, and most sentences of a news article hold
no event. Before the model runs, the text is tokenized and split into sentences by
punctuation and line breaks, and each sentence is checked against the trigger lexicon
(`lexicon.load_lexicon`, the one the event coder uses): a sentence is parsed only when
its words could make one of the lexicon's triggers fire together with the other words
that trigger needs (the object of a verb + object phrase, a particle, a light verb, a
complement verb). Every check is a necessary condition of `triggers.find_triggers`,
never a sufficient one: a skipped sentence is one where the coder could find no trigger
however it was parsed.

Words are compared as the lemmatizer could see them: the lower-case form and every
lemma the model's own rule tables give it as a verb, noun or adjective. A word right
after an article or a possessive ("the charge", "its fund") is no verb, so it cannot
be a trigger that only verbs are.

Parsed too, for context: the first sentence (the dateline and the lede); the sentence
before one whose pronouns or "the two nations" refer back; and the earlier sentence
that gives a full name ("Leonid Slutsky") to a surname a selected sentence uses.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import BACK_REFERENCES, PAIR_WORDS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from .lexicon import Lexicon, Trigger, load_lexicon
from .triggers import EFFECT_PHRASES, EFFECT_VERBS, LIGHT_VERBS, READINESS

LEMMA_POS = ("verb", "noun", "adj")
SENTENCE_END = frozenset({".", "!", "?", "...", "…", "。"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
# Words after which the next word is a noun or an adjective, never a verb.
NOUN_MARKERS = frozenset({"the", "a", "an", "his", "its", "their", "our", "my", "your"})
# Verbs that make an event noun take effect ("the truce held", "declared a ceasefire").
EFFECT_HEADS = frozenset(EFFECT_VERBS | EFFECT_PHRASES | {"declare", "announce"})
# Words that make a sentence read the one before it: pronouns (the resolver binds any
# pronoun), "the two nations", "the country".
ANAPHORS = frozenset(
    PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | PAIR_WORDS | set(BACK_REFERENCES)
    | {"we", "us", "our", "ours", "i", "me", "my", "you", "your"})

Words = frozenset[str]          # words that must all be in the sentence
Choice = tuple[Words, ...]      # one of these must be


@dataclass(frozen=True)
class Rule:
    """A trigger's word-level needs: every choice met by one of its alternatives.
    `verb_only`: the first choice counts only for words that may be verbs."""
    choices: tuple[Choice, ...]
    verb_only: bool = False

    def holds(self, words: set[str], verb_words: set[str]) -> bool:
        first, *rest = self.choices
        if not any(alternative <= (verb_words if self.verb_only else words) for alternative in first):
            return False
        return all(any(alternative <= words for alternative in choice) for choice in rest)


@dataclass(frozen=True)
class Plan:
    """One text's sentences (token ranges) and which of them get the full parse."""
    sentences: tuple[tuple[int, int], ...]
    parse: tuple[bool, ...]

    def chunks(self) -> list[tuple[int, int, bool]]:
        """Runs of neighbouring sentences that are parsed together or left alone."""
        runs: list[tuple[int, int, bool]] = []
        for (start, end), parse in zip(self.sentences, self.parse):
            if runs and runs[-1][2] == parse:
                runs[-1] = (runs[-1][0], end, parse)
            else:
                runs.append((start, end, parse))
        return runs

    @property
    def parsed_tokens(self) -> int:
        return sum(end - start for (start, end), parse in zip(self.sentences, self.parse) if parse)


class WordForms:
    """Lower-case forms of tokens and every lemma the rule lemmatizer's tables allow."""

    def __init__(self, nlp: Language) -> None:
        self.exceptions: dict[str, dict] = {}
        self.rules: dict[str, list] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            exc, rules = lookups.get_table("lemma_exc", {}), lookups.get_table("lemma_rules", {})
            self.exceptions = {pos: exc.get(pos, {}) for pos in LEMMA_POS}
            self.rules = {pos: rules.get(pos, []) for pos in LEMMA_POS}
        self._cache: dict[str, frozenset[str]] = {}

    def __call__(self, lower: str) -> frozenset[str]:
        forms = self._cache.get(lower)
        if forms is None:
            found = {lower}
            for pos, rules in self.rules.items():
                found.update(self.exceptions[pos].get(lower, ()))
                for old, new in rules:
                    if lower.endswith(old) and len(lower) > len(old):
                        found.add(lower[:len(lower) - len(old)] + new)
            forms = self._cache[lower] = frozenset(found)
        return forms


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of a tokenized Doc's sentences: they end after a full stop, question
    or exclamation mark (and the quotes or brackets closing it) and at line breaks;
    whitespace between sentences stays with the sentence before it."""
    ranges: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        end = None
        if token.text in SENTENCE_END or (token.is_punct and token.text[-1:] in SENTENCE_END):
            end = i + 1
            while end < n and doc[end].text in CLOSERS:
                end += 1
        elif "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            end = i + 1
        if end is None:
            i += 1
            continue
        while end < n and doc[end].is_space:
            end += 1
        if any(not t.is_space for t in doc[start:end]):
            ranges.append((start, end))
            start = end
        i = end
    if start < n:
        if ranges and all(t.is_space for t in doc[start:n]):
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((start, n))
    return ranges


class SentenceFilter:
    """Decides which sentences of a tokenized Doc the model must parse."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        self.forms = WordForms(nlp)
        self._tokenizer = nlp.tokenizer
        lexicon = lexicon or load_lexicon()
        self.rules = _index(self._rules(lexicon))

    def _words(self, phrase: str) -> Words:
        """The words of a lexicon entry as the tokenizer splits them ("cyber-attack")."""
        return frozenset(t.lower_ for t in self._tokenizer(phrase) if not t.is_space)

    def _choice(self, phrases: Iterable[str]) -> Choice:
        return tuple(self._words(p) for p in sorted(phrases))

    def _rules(self, lexicon: Lexicon) -> Iterable[Rule]:
        for lemma, trigger in lexicon.verbs.items():
            yield Rule((self._choice([lemma]), *self._verb_needs(trigger)), verb_only=True)
        for phrase in lexicon.phrases:
            needs: list[Choice] = [self._choice(phrase.verbs), self._choice(phrase.objects)]
            if phrase.trigger.via_for:
                needs.append(self._choice(["for", "on"]))
            yield Rule(tuple(needs), verb_only=True)
        for key, trigger in lexicon.nouns.items():
            needs = [self._choice([key])]
            if trigger.needs_light_verb:
                needs.append(self._choice(LIGHT_VERBS))
            if trigger.needs_effect:
                needs.append(self._choice(EFFECT_HEADS))
            yield Rule(tuple(needs))
        # "ready to send troops": readiness to cooperate is a promise.
        yield Rule((self._choice(READINESS),))

    def _verb_needs(self, trigger: Trigger) -> list[Choice]:
        needs = []
        if trigger.requires_xcomp:
            needs.append(self._choice(trigger.requires_xcomp))
        if trigger.needs_particle:
            needs.append(self._choice(trigger.needs_particle))
        if trigger.needs_object:
            needs.append(self._choice(trigger.needs_object))
        return needs

    def may_hold_event(self, sent: Span | Doc) -> bool:
        """Whether the sentence's words could make a trigger of the lexicon fire."""
        words: set[str] = set()
        verb_words: set[str] = set()
        after_marker = False
        for token in sent:
            forms = self.forms(token.lower_)
            words.update(forms)
            if not after_marker:
                verb_words.update(forms)
            after_marker = token.lower_ in NOUN_MARKERS
        for word in words:
            for rule in self.rules.get(word, ()):
                if rule.holds(words, verb_words):
                    return True
        return False

    def plan(self, doc: Doc) -> Plan:
        """The sentences of a tokenized Doc and which of them to parse."""
        ranges = sentences(doc)
        spans = [doc[start:end] for start, end in ranges]
        holds = [self.may_hold_event(span) for span in spans]
        parse = list(holds)
        if parse:
            parse[0] = True
        for i, span in enumerate(spans):
            if not holds[i] or i == 0:
                continue
            if any(token.lower_ in ANAPHORS for token in span):
                parse[i - 1] = True
            for j in _full_name_sentences(spans, i):
                parse[j] = True
        return Plan(tuple(ranges), tuple(parse))


def _full_name_sentences(spans: list[Span], i: int) -> list[int]:
    """Earlier sentences where a capitalised word of sentence i first follows another
    capitalised word: "Slutsky" in sentence i, "Leonid Slutsky" in the one returned."""
    names = {t.text for t in spans[i] if t.is_alpha and t.is_title and not t.is_stop}
    found = []
    for j in range(i):
        span = spans[j]
        hits = {t.text for t in span[1:] if t.text in names and span.doc[t.i - 1].is_title}
        if hits:
            found.append(j)
            names -= hits
            if not names:
                break
    return found


def _index(rules: Iterable[Rule]) -> dict[str, tuple[Rule, ...]]:
    """Rules by every word of their first choice."""
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for word in set().union(*rule.choices[0]):
            index.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in index.items()}


@lru_cache(maxsize=4)
def sentence_filter(nlp: Language) -> SentenceFilter:
    return SentenceFilter(nlp)
