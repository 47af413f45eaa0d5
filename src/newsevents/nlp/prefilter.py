"""The first pass: which sentences need the tagger, parser and NER, decided on tokens alone.

Parsing is most of the cost of extraction, and most sentences of a news article hold
no event. Before the model runs, the text is tokenized and split into sentences by
punctuation and line breaks, and each sentence is checked against the trigger lexicon
(`lexicon.load_lexicon`) and the CAMEO verb dictionary (`cameo.load_cameo`), the ones
the event coder reads: a sentence is parsed only when its words could make one of their
triggers fire together with the other words that trigger needs (the object of a verb +
object phrase, a particle, a light verb, a complement verb, a CAMEO pattern's words). Every check is a necessary condition of `triggers.find_triggers`,
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

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, IS_TITLE, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import BACK_REFERENCES, PAIR_WORDS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from .cameo import CameoLexicon, Pattern, load_cameo
from .evaluations import JUDGEMENT_STRENGTH, OBLIGING_MODALS, SPEECH_VERBS, load_valences
from .lexicon import Lexicon, Trigger, load_lexicon
from .triggers import (ANY_OBJECT, EFFECT_PHRASES, EFFECT_VERBS, GATHERING_VERBS, HAPPENING_VERBS,
                       LIGHT_VERBS, PROTESTER_NOUNS, READINESS, SPAN_NOUNS)

LEMMA_POS = ("verb", "noun", "adj")
# Words read are remembered; a stream of articles brings new ones without end.
CACHE_WORDS = 200_000
SENTENCE_END = frozenset({".", "!", "?", "...", "…", "。"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
# Words after which the next word is a noun or an adjective, never a verb.
NOUN_MARKERS = frozenset({"the", "a", "an", "his", "its", "their", "our", "my", "your"})
# Verbs that make an event noun take effect ("the truce held", "declared a ceasefire",
# "protests erupted", "riots broke out", "talks took place").
EFFECT_HEADS = frozenset(EFFECT_VERBS | EFFECT_PHRASES | HAPPENING_VERBS
                         | {"declare", "announce", "break"})
# "weeks of protests", "a wave of strikes": the span tells that the event went on.
IN_SPAN = (frozenset(SPAN_NOUNS), frozenset({"of"}))
# Any verb done "jointly" is cooperation (triggers.JOINT_ACTION).
JOINTLY = "jointly"
# Words that make a sentence read the one before it: pronouns (the resolver binds any
# pronoun), "the two nations", "the country".
ANAPHORS = frozenset(
    PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | PAIR_WORDS | set(BACK_REFERENCES)
    | {"we", "us", "our", "ours", "i", "me", "my", "you", "your"})

Words = frozenset[str]          # words that must all be in the sentence


@dataclass(frozen=True)
class Choice:
    """One of these must be in the sentence: single words, or word groups all of whose
    words must be ("air strike")."""
    singles: frozenset[str]
    groups: tuple[Words, ...] = ()

    def met(self, words: set[str]) -> bool:
        return not self.singles.isdisjoint(words) or any(group <= words for group in self.groups)

    def anchors(self) -> set[str]:
        """A word of each alternative, any of which a sentence that meets it contains:
        of a group the longest, as the rarest."""
        return set(self.singles) | {max(sorted(group), key=len) for group in self.groups}


@dataclass(frozen=True)
class Rule:
    """A trigger's word-level needs: its own word (`anchor`, which must be able to be a
    verb when `verb_only`) and every choice of one of its `options`."""
    anchor: Choice
    options: tuple[tuple[Choice, ...], ...] = ((),)
    verb_only: bool = False

    def holds(self, words: set[str], verb_words: set[str]) -> bool:
        if not self.anchor.met(verb_words if self.verb_only else words):
            return False
        return any(all(choice.met(words) for choice in option) for option in self.options)


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

    def __init__(self, nlp: Language, extra: dict[str, str] | None = None) -> None:
        # More form -> lemma pairs (the CAMEO dictionary's), for words only: a verb is a word.
        self.extra = {form: lemma for form, lemma in (extra or {}).items() if form[:1].isalpha()}
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
            if len(self._cache) > CACHE_WORDS:
                self._cache.clear()
            found = {lower}
            if lower in self.extra:
                found.add(self.extra[lower])
            for pos, rules in self.rules.items():
                found.update(self.exceptions[pos].get(lower, ()))
                for old, new in rules:
                    if lower.endswith(old) and len(lower) > len(old):
                        found.add(lower[:len(lower) - len(old)] + new)
            forms = self._cache[lower] = frozenset(found)
        return forms


@dataclass(frozen=True)
class _Token:
    """What the first pass reads of a token, from its lower-case form alone."""
    lower: str
    ends_sentence: bool      # . ! ? and the like
    closes: bool             # a quote or bracket after a sentence end
    line_break: bool
    space: bool
    marker: bool             # in NOUN_MARKERS
    anaphor: bool
    word: bool               # alphabetic


def _read_token(lower: str, is_space: bool, is_punct: bool, is_alpha: bool) -> _Token:
    return _Token(lower, lower in SENTENCE_END or (is_punct and lower[-1:] in SENTENCE_END),
                  lower in CLOSERS, is_space and "\n" in lower, is_space, lower in NOUN_MARKERS,
                  lower in ANAPHORS, is_alpha)


class _Reader:
    """A tokenized Doc read once, as plain values: spaCy makes an object per Token."""
    ATTRS = [LOWER, ORTH, IS_SPACE, IS_PUNCT, IS_TITLE, IS_ALPHA, IS_STOP]
    _cache: dict[int, _Token] = {}

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        rows = doc.to_array(self.ATTRS).tolist() if len(doc) else []
        self.tokens: list[_Token] = []
        self.names: list[str | None] = []    # the text of capitalised words that may be names
        # Capitalised words right after a word or a comma: inside a sentence, names.
        self.capital_inside: list[bool] = []
        after_word = False
        for lower, orth, is_space, is_punct, is_title, is_alpha, is_stop in rows:
            token = self._cache.get(lower)
            if token is None:
                if len(self._cache) > CACHE_WORDS:
                    self._cache.clear()
                token = self._cache[lower] = _read_token(strings[lower], bool(is_space),
                                                         bool(is_punct), bool(is_alpha))
            self.tokens.append(token)
            self.names.append(strings[orth] if is_title and is_alpha and not is_stop else None)
            self.capital_inside.append(bool(is_title and is_alpha and after_word))
            if not is_space:
                after_word = bool(is_alpha) or token.lower == ","

    def sentences(self) -> list[tuple[int, int]]:
        tokens = self.tokens
        ranges: list[tuple[int, int]] = []
        start = i = 0
        n = len(tokens)
        while i < n:
            token = tokens[i]
            if token.ends_sentence:
                end = i + 1
                while end < n and tokens[end].closes:
                    end += 1
            elif token.line_break:
                end = i + 1
            else:
                i += 1
                continue
            while end < n and tokens[end].space:
                end += 1
            if not all(t.space for t in tokens[start:end]):
                ranges.append((start, end))
                start = end
            i = end
        if start < n:
            if ranges and all(t.space for t in tokens[start:n]):
                ranges[-1] = (ranges[-1][0], n)
            else:
                ranges.append((start, n))
        return ranges


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of a tokenized Doc's sentences: they end after a full stop, question
    or exclamation mark (and the quotes or brackets closing it) and at line breaks;
    whitespace between sentences stays with the sentence before it."""
    return _Reader(doc).sentences()


class SentenceFilter:
    """Decides which sentences of a tokenized Doc the model must parse."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None,
                 cameo: CameoLexicon | None = None) -> None:
        cameo = cameo or load_cameo()
        self.forms = WordForms(nlp, cameo.forms)
        self._tokenizer = nlp.tokenizer
        self._split: dict[str, Words] = {}
        lexicon = lexicon or load_lexicon()
        self.rules = _index([*self._rules(lexicon), *self._cameo_rules(cameo)])

    def _words(self, phrase: str) -> Words:
        """The words of a lexicon entry as the tokenizer splits them ("cyber-attack")."""
        words = self._split.get(phrase)
        if words is None:
            words = self._split[phrase] = frozenset(
                t.lower_ for t in self._tokenizer(phrase) if not t.is_space)
        return words

    def _choice(self, phrases: Iterable[str]) -> Choice:
        split = [self._words(p) for p in phrases]
        return Choice(frozenset(next(iter(w)) for w in split if len(w) == 1),
                      tuple(sorted((w for w in split if len(w) > 1), key=sorted)))

    def _rules(self, lexicon: Lexicon) -> Iterable[Rule]:
        for lemma, trigger in lexicon.verbs.items():
            yield Rule(self._choice([lemma]), (tuple(self._verb_needs(trigger)),), verb_only=True)
        for phrase in lexicon.phrases:
            needs = []
            # An object word "*" stands for any object: the condition names the act.
            if ANY_OBJECT not in phrase.objects:
                needs.append(self._choice(phrase.objects))
            if phrase.trigger.via_for:
                needs.append(self._choice(["for", "on"]))
            if phrase.trigger.requires_xcomp:
                needs.append(self._choice(phrase.trigger.requires_xcomp))
            yield Rule(self._choice(phrase.verbs), (tuple(needs),), verb_only=True)
        for key, trigger in lexicon.nouns.items():
            yield Rule(self._choice([key]), tuple(self._noun_options(trigger)))
        # Participles naming their noun by what it does ("striking doctors"): no verb.
        if lexicon.modifiers:
            yield Rule(self._choice(lexicon.modifiers))
        # "ready to send troops": readiness to cooperate is a promise.
        yield Rule(self._choice(READINESS))
        yield Rule(self._choice([JOINTLY]))
        # "protesters gathered outside parliament"
        yield Rule(self._choice(GATHERING_VERBS), ((self._choice(PROTESTER_NOUNS),),), verb_only=True)
        # "said the sanctions were illegal", "is not constructive" (nlp/evaluations.py)
        speech = self._choice(SPEECH_VERBS)
        harsh = [w for w, v in load_valences().items() if v <= -JUDGEMENT_STRENGTH]
        kind = [w for w, v in load_valences().items() if v >= JUDGEMENT_STRENGTH]
        yield Rule(self._choice(harsh), ((speech,),))
        yield Rule(self._choice(kind), ((speech, self._choice(["not", "n't"])),))
        # "said Russia must withdraw" (a demand said as an obligation)
        yield Rule(self._choice(OBLIGING_MODALS), ((speech,),))

    def _noun_options(self, trigger: Trigger) -> Iterable[tuple[Choice, ...]]:
        """The ways an event noun can count (`triggers.find_triggers`): with the verb it
        needs, inside a span ("weeks of protests") when it needs a verb saying it took
        effect, or with a phrase naming its parties or place (`or_with`)."""
        needs = []
        if trigger.needs_light_verb:
            needs.append(self._choice(LIGHT_VERBS))
        if trigger.needs_effect:
            needs.append(self._choice(EFFECT_HEADS))
        yield tuple(needs)
        if trigger.needs_effect:
            yield tuple(needs[:trigger.needs_light_verb]) + tuple(
                self._choice(words) for words in IN_SPAN)
        if needs and trigger.or_with:
            yield (self._choice(trigger.or_with),)

    def _cameo_rules(self, cameo: CameoLexicon) -> Iterable[Rule]:
        """A CAMEO verb sense fires alone when its default code is an event; otherwise one
        of its block's patterns must match, and the words that pattern names must be there."""
        verbs: dict[str, list[str]] = {}
        defaults: dict[str, list[str]] = {}
        patterns: dict[str, tuple[Pattern, ...]] = {}
        for verb, senses in cameo.senses.items():
            for sense in senses:
                verb_words = " ".join((verb, *sense.particles))
                verbs.setdefault(sense.block, []).append(verb_words)
                patterns[sense.block] = sense.patterns
                if cameo.plover(sense.default) is not None:
                    defaults.setdefault(sense.block, []).append(verb_words)
        for block, block_verbs in verbs.items():
            if block in defaults:
                yield Rule(self._choice(defaults[block]), verb_only=True)
            options = tuple(tuple(self._pattern_needs(p)) for p in patterns[block]
                            if p.anchored and cameo.plover(p.code) is not None)
            if options:
                yield Rule(self._choice(block_verbs), options, verb_only=True)

    def _pattern_needs(self, pattern: Pattern) -> list[Choice]:
        needs = [self._choice(words) for words in (pattern.subject, pattern.objects, *pattern.modifiers)
                 if words]
        if pattern.particle:
            needs.append(self._choice([pattern.particle]))
        for preposition, objects in pattern.preps:
            needs.append(self._choice([f"{preposition} {o}" for o in objects] if objects
                                      else [preposition]))
        return needs

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
        reader = _Reader(sent.as_doc() if isinstance(sent, Span) else sent)
        return self._holds(reader.tokens, reader.capital_inside)

    def _holds(self, tokens: list[_Token], capital_inside: list[bool]) -> bool:
        words: set[str] = set()
        verb_words: set[str] = set()
        # A capitalised word inside a sentence is a name ("in March", "the Associated
        # Press"), no verb; unless the sentence is a headline in title case.
        capitals = capital_inside if 2 * sum(capital_inside) <= sum(t.word for t in tokens) \
            else [False] * len(tokens)
        after_marker = False
        for token, capital in zip(tokens, capitals):
            forms = self.forms(token.lower)
            words.update(forms)
            if not after_marker and not capital:
                verb_words.update(forms)
            after_marker = token.marker
        checked: set[int] = set()
        for word in words:
            for rule in self.rules.get(word, ()):
                if id(rule) not in checked:
                    if rule.holds(words, verb_words):
                        return True
                    checked.add(id(rule))
        return False

    def plan(self, doc: Doc) -> Plan:
        """The sentences of a tokenized Doc and which of them to parse."""
        reader = _Reader(doc)
        ranges = reader.sentences()
        holds = [self._holds(reader.tokens[start:end], reader.capital_inside[start:end])
                 for start, end in ranges]
        parse = list(holds)
        if parse:
            parse[0] = True
        # Capitalised words that follow another, sentence by sentence ("Leonid Slutsky").
        full_names = [{reader.names[k] for k in range(max(start, 1), end)
                       if reader.names[k] and reader.names[k - 1]} for start, end in ranges]
        for i, (start, end) in enumerate(ranges):
            if not holds[i] or i == 0:
                continue
            if any(t.anaphor for t in reader.tokens[start:end]):
                parse[i - 1] = True
            names = {name for name in reader.names[start:end] if name}
            for j in range(i):
                if names & full_names[j]:
                    parse[j] = True
                    names -= full_names[j]
                    if not names:
                        break
        return Plan(tuple(ranges), tuple(parse))


def _index(rules: Iterable[Rule]) -> dict[str, tuple[Rule, ...]]:
    """Rules by their anchor words."""
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for word in rule.anchor.anchors():
            index.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in index.items()}


@lru_cache(maxsize=4)
def sentence_filter(nlp: Language) -> SentenceFilter:
    return SentenceFilter(nlp)
