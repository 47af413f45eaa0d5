"""Resolve mentions and noun phrases to canonical actors within one article.

Names resolve through the curated index, on the article's date (a person's
role decides the sector). Descriptions ("Russian Foreign Minister Sergey
Lavrov", "Sudanese paramilitary fighters", "North Korea's KCNA") take the
country from their modifiers and the sector from titles and group nouns.
Short names, pronouns and "the two nations" refer back to earlier mentions.
A described group with no country of its own ("police", "the government")
belongs to the article's home country: the dateline's, else the most named,
else that of the places the story names; a
dateline whose country the story never names, while it places itself in another,
only says where the story was filed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from ..records import NONE_CANDIDATE, Actor, Candidate, Mention, Where
from .actor_data import ACRONYM, MILITARY_SEAT, SURNAME, WEAK, ActorIndex, load_index
from .entities import dateline_end, dateline_match, stance_prefix
from .doctext import doc_text

# Names that parties and bodies of many countries share: the home country's, unless the
# list's own country is home.
SHARED_NAMES = {"democrats", "republicans", "conservatives", "tories", "labour",
                "house of representatives", "secret service"}

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
SPEAKER_PRONOUNS = {"i", "me", "my", "mine", "you", "your", "yours", "yourself", "yourselves"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PLACE_WORDS = {"city": ("city",), "town": ("city",), "capital": ("city",), "province": ("admin1",),
               "region": ("admin1", "feature"), "state": ("admin1",)}
# A possessor of these names the other side, not the group's country ("Greece's creditors").
RELATIONAL_NOUNS = {"creditor", "neighbour", "neighbor", "ally", "partner", "critic", "opponent",
                    "rival", "enemy", "foe", "donor", "lender", "detractor", "adversary",
                    "counterpart"}
PAIR_WORDS = {"nations", "countries", "sides", "states", "neighbors", "neighbours", "governments",
              "leaders", "parties", "regimes", "capitals", "allies"}
NATION_WORDS = {"nations", "countries", "states", "neighbors", "neighbours", "governments",
                "regimes", "capitals"}
BACK_REFERENCES = {"country": "country", "nation": "country", "state": "country",
                   "bloc": "igo", "alliance": "igo", "organization": "igo", "organisation": "igo",
                   "group": "group", "militia": "group", "movement": "group"}
# Parts of a noun phrase that say nothing about who the head is.
NP_STOP_DEPS = {"relcl", "acl", "prep", "conj", "cc", "appos", "punct", "advcl", "ccomp", "xcomp"}


def _title_case(text: str) -> str:
    return " ".join(w.capitalize() for w in text.lower().split())


class ActorResolver:
    """Per-article resolution state: resolved mentions and what pronouns can point to."""

    def __init__(self, doc: Doc, index: ActorIndex | None = None) -> None:
        self.doc = doc
        self.index = index or load_index()
        article = doc._.article
        self.day: date | None = article.published if article else None
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self._cache: dict[int, tuple[Actor, ...]] = {}
        self._in_progress: set[int] = set()
        # What the text says of a noun phrase, remembered once every name is resolved
        # (before, each resolved name may change it): pronouns look back over the same
        # phrases again and again.
        self._described: dict[tuple[int, bool], tuple[str | None, str | None]] | None = None
        # Heads whose country is only the article's home country, not given by the text.
        self.defaulted: set[int] = set()
        # Places found by the place tagger, by token: "Kharkiv" is a city even when
        # the model calls it a person; "Ontario Premier" is Canadian.
        self.place_at: dict[int, Where] = {}
        for place in doc._.places or []:
            span = doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
            if span is not None and place.country:
                for token in span:
                    self.place_at[token.i] = place
        self.home: str | None = self._dateline_country()
        self.dateline_home = self.home
        self._resolve_all(doc._.mentions or [])
        if self.home is None:
            # No dateline: the most named country is home.
            self.home = self._most_named_country()
        else:
            story = self._story_country()
            if story is not None:
                # The dateline only says where the story was filed ("DUBAI — Iranian police
                # ... in Shiraz"): the country the story is about is home.
                self.home = story
                self.mentions, self.by_token = [], {}
                self._cache.clear()
                self._resolve_all(doc._.mentions or [])
        # Again, now that every name is known, for the people and bodies still without a
        # country: later words ("X, the United Nations coordinator") or home may give one.
        unresolved = [i for i, m in enumerate(self.mentions) if m.kind in ("person", "org")
                      and (m.actor is None or m.actor.country is None)]
        if unresolved:
            self._cache.clear()
            originals = doc._.mentions or []
            for i in unresolved:
                self.mentions[i] = self._resolve_mention(originals[i])
                self._index_tokens(self.mentions[i])
        self._described = {}

    # ---- names -------------------------------------------------------------
    def _resolve_all(self, mentions: list[Mention]) -> None:
        for mention in mentions:
            resolved = self._resolve_mention(mention)
            self.mentions.append(resolved)
            self._index_tokens(resolved)

    def _index_tokens(self, mention: Mention) -> None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                self.by_token[token.i] = mention

    def _resolve_mention(self, mention: Mention) -> Mention:
        surfaces = self.index.lookup(mention.text) or self.index.lookup(_strip_the(mention.text))
        if surfaces:
            scored = [(self._score_surface(s, mention), s) for s in surfaces]
            scored.sort(key=lambda p: -p[0])
            best_score, best = scored[0]
            if best.how == SURNAME and not self._titled_as(mention, best.entry):
                earlier = self._earlier_person(mention)
                if earlier is not None:
                    return replace(mention, actor=earlier, candidates=mention.candidates + (
                        Candidate(key=NONE_CANDIDATE, label="none", score=0.0),))
            sector = "MIL" if best.how == MILITARY_SEAT else None
            actor = best.entry.actor(self.day, sector=sector)
            if best.how == WEAK and _strip_the(mention.text).lower() in SHARED_NAMES and self.home \
                    and actor.country not in (None, "IGO", self.home):
                # "the Conservatives" in a Canadian story: a party family's name is the
                # home country's party, not the one the list happens to hold.
                actor = Actor(name=mention.text, country=self.home, sector=actor.sector)
            candidates = tuple(Candidate(key=s.entry.id, label=s.entry.name, score=round(score, 3))
                               for score, s in scored)
            return replace(mention, actor=actor,
                           candidates=candidates + (Candidate(NONE_CANDIDATE, "none", 0.0),))
        place = self._place_of(mention)
        if mention.kind in ("person", "org", "place") and place is not None and place.feature != "country":
            return replace(mention, kind="place", candidates=(Candidate(NONE_CANDIDATE, "none", 1.0),))
        if mention.kind == "person":
            earlier = self._earlier_person(mention)
            if earlier is not None:
                return replace(mention, actor=earlier, kind="surname")
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            country, sector = self._describe(span.root) if span is not None else (None, None)
            if span is not None and country is None:
                # "Ana Ruiz, the United Nations refugee agency's regional director"
                country, sector = self._apposition(span.root, sector)
            actor = Actor(name=mention.text, country=country or self.home,
                          sector=sector)
            return replace(mention, actor=actor, candidates=(Candidate(NONE_CANDIDATE, "none", 1.0),))
        if mention.kind == "org":
            # spaCy often tags a surname as an ORG ("Ford said ...").
            earlier = self._earlier_person(mention) if " " not in mention.text else None
            if earlier is not None:
                return replace(mention, actor=earlier, kind="surname")
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                return mention
            country, sector = self._describe(span.root, include_head=True)
            if country is None:
                country, sector = self._apposition(span.root, sector)
            if sector is None and country is None:
                return replace(mention, candidates=(Candidate(NONE_CANDIDATE, "none", 1.0),))
            actor = Actor(name=_strip_the(mention.text), country=country or self.home,
                          sector=sector)
            return replace(mention, actor=actor, candidates=(Candidate(NONE_CANDIDATE, "none", 1.0),))
        return replace(mention, candidates=(Candidate(NONE_CANDIDATE, "none", 1.0),))

    def _apposition(self, root: Token, sector: str | None) -> tuple[str | None, str | None]:
        for child in root.children:
            if child.dep_ == "appos":
                country, appos_sector = self._describe(child, include_head=True)
                for sub in child.subtree:
                    mention = self.by_token.get(sub.i)
                    if country is None and mention is not None and mention.actor is not None:
                        country = mention.actor.country
                        appos_sector = appos_sector or ("IGO" if country == "IGO" else None)
                if country is not None:
                    return country, sector or appos_sector
        return None, sector

    def _place_of(self, mention: Mention) -> Where | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        places = {id(self.place_at[t.i]): self.place_at[t.i] for t in span if t.i in self.place_at}
        if len(places) != 1:
            return None
        place = next(iter(places.values()))
        return place if (place.char_start, place.char_end) == (mention.start, mention.end) else None

    def _score_surface(self, surface, mention: Mention) -> float:
        score = 1.0
        if surface.how == WEAK:
            score -= 0.4
        if surface.how == SURNAME:
            score -= 0.2
        if surface.how == ACRONYM and not mention.text.isupper():
            score -= 0.5
        entry = surface.entry
        # A short form shared by several entries ("RSF") goes to the one named in full.
        if surface.how in (ACRONYM, SURNAME, WEAK) and entry.name != mention.text and (
                entry.name in doc_text(self.doc)):
            score += 0.5
        if entry.roles:
            role = entry.role_on(self.day)
            if role is None or not role.holds_on(self.day):
                score -= 0.3
        return score

    def _earlier_person(self, mention: Mention) -> Actor | None:
        """The person named earlier whom a surname refers back to. A full name refers
        back only to the same full name: "Hunter Biden" is not "Joe Biden"."""
        own = mention.text.split()
        last = own[-1]
        for earlier in reversed(self.mentions):
            if earlier.start >= mention.start or earlier.actor is None:
                continue
            if earlier.kind in ("name", "person", "surname") and earlier.text != mention.text:
                words = earlier.actor.name.split() + earlier.text.split()
                if len(own) > 1 and not set(own) <= set(words):
                    continue
                if last in words and (earlier.actor.id or "").startswith("person:") or (
                        earlier.kind == "person" and last in earlier.text.split()):
                    return earlier.actor
        return None

    def _titled_as(self, mention: Mention, entry) -> bool:
        """ "President Aliyev": a title before a surname that the known person holds
        names that person, whoever of the name the story met before."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0 or not entry.roles:
            return False
        role = entry.role_on(self.day)
        before = self.doc[span.start - 1]
        return role is not None and before.is_title and before.lower_ in role.title.lower().split()

    def _dateline_country(self) -> str | None:
        match = dateline_match(doc_text(self.doc))
        if match:
            for place in self.doc._.places or []:
                if place.char_start < match.end() and place.country:
                    return place.country
            for part in (match.group(2), match.group(1)):
                if not part:
                    continue
                for surface in self.index.lookup(_title_case(part)) + self.index.lookup(part.strip()):
                    if surface.entry.kind == "country":
                        return surface.entry.country
        return None

    def _story_country(self) -> str | None:
        """Another country than the dateline's, where the text after the dateline never
        names the dateline's country but places the story in another (a place counts
        twice, a name once, at least twice). A demonym counts for nothing: "the French
        ambassador" in a story from Niamey is a party, not the story's place."""
        skip = dateline_end(doc_text(self.doc))
        demonyms = {m.start for m in self.mentions if m.kind == "demonym"}
        scores: Counter = Counter()
        text = doc_text(self.doc)
        for place in self.doc._.places or []:
            if place.char_start >= skip and place.country and place.char_start not in demonyms \
                    and not stance_prefix(text, place.char_start):
                scores[place.country] += 2
        for mention in self.mentions:
            # Only names of the index: a description took its country from home.
            if mention.start >= skip and mention.kind != "demonym" and mention.actor and \
                    mention.actor.id and mention.actor.country not in (None, "IGO"):
                scores[mention.actor.country] += 1
        if not scores or scores[self.dateline_home] > 0:
            return None
        (country, score), *rest = scores.most_common(2)
        if score < 2 or (rest and rest[0][1] == score):
            return None
        return country

    def _most_named_country(self) -> str | None:
        counts = Counter(m.actor.country for m in self.mentions
                         if m.actor and m.actor.country and m.actor.country != "IGO")
        if not counts:
            # No country named: the places the story happens in ("gunmen in Kano").
            counts = Counter(p.country for p in self.doc._.places or [] if p.country)
        return counts.most_common(1)[0][0] if counts else None

    # ---- noun phrases ------------------------------------------------------
    def actors_for(self, token: Token) -> tuple[Actor, ...]:
        """The actor or actors a noun phrase headed by `token` stands for."""
        cached = self._cache.get(token.i)
        if cached is not None:
            return cached
        if token.i in self._in_progress:       # a pronoun chain that loops back
            return ()
        self._in_progress.add(token.i)
        try:
            found = self._actors_for(token)
        finally:
            self._in_progress.discard(token.i)
        self._cache[token.i] = found
        return found

    def _actors_for(self, token: Token) -> tuple[Actor, ...]:
        heads = [token] + [c for c in token.conjuncts if c.i > token.i]
        actors: list[Actor] = []
        for head in heads:
            found = self._actors_for_head(head)
            if not found:
                for child in head.children:
                    if child.dep_ == "appos":
                        found = self._actors_for_head(child) + tuple(
                            a for c in child.conjuncts for a in self._actors_for_head(c))
                        break
            for actor in found:
                if not any(_same(actor, a) for a in actors):
                    actors.append(actor)
        return tuple(actors)

    def _actors_for_head(self, head: Token) -> tuple[Actor, ...]:
        mention = self.by_token.get(head.i)
        lower = head.lower_
        if mention is not None and mention.actor is not None:
            if mention.kind == "demonym":
                plural = head.tag_ in ("NNS", "NNPS") or lower.endswith("s")
                return (replace(mention.actor, name=mention.text, sector="CVL" if plural else "GOV"),)
            return (mention.actor,)
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return self.antecedent(head)
        if lower in PAIR_WORDS and _is_pair(head):
            return self._last_pair(head)
        if lower in BACK_REFERENCES and any(c.lower_ in ("the", "this", "that") for c in head.children):
            back = self._back_reference(head, BACK_REFERENCES[lower])
            if back:
                return back
        if _bare_definite(head):
            earlier = self._same_head_earlier(head)
            if earlier:
                return earlier
        country, sector = self._describe(head, include_head=True)
        if sector is None:
            return ()
        name = _phrase_text(head)
        several = self._modifier_countries(head) or self._of_countries(head)
        if len(several) > 1:
            return tuple(Actor(name=f"{self._country_name(c)} {head.text}", country=c, sector=sector)
                         for c in several)
        if country is None:
            self.defaulted.add(head.i)
        return (Actor(name=name, country=country or self.home, sector=sector),)

    def party_of(self, mention: Mention) -> Actor:
        """The actor a mention names; a demonym ("Pakistani airstrikes") names its state."""
        actor = mention.actor
        if mention.kind == "demonym" and actor is not None:
            entry = self.index.country(actor.country)
            if entry is not None:
                return entry.actor(self.day)
        return actor

    def _country_name(self, code: str) -> str:
        entry = self.index.country(code)
        return entry.name if entry else code

    def _modifier_countries(self, head: Token) -> list[str]:
        """ "Philippine, U.S., Japanese and Canadian warships": one party per modifier."""
        countries: list[str] = []
        # A run of country words right before the head, whatever the parse made of it.
        i = head.i - 1
        while i >= head.sent.start:
            token = self.doc[i]
            mention = self.by_token.get(i)
            if mention and mention.actor and mention.actor.country not in (None, "IGO"):
                if mention.actor.country not in countries:
                    countries.insert(0, mention.actor.country)
            elif token.text not in (",", "and", "or"):
                break
            i -= 1
        if len(countries) > 1:
            return countries
        return self._countries_of(
            part for child in head.children
            if child.dep_ in ("amod", "compound", "nmod") and child.i < head.i
            for part in [child, *child.conjuncts])

    def _of_countries(self, head: Token) -> list[str]:
        """ "the governments of Mexico, Argentina and Bolivia", "ministers from Iraq and Iran"."""
        return self._countries_of(
            part for child in head.children if child.dep_ == "prep" and child.lower_ in ("of", "from")
            for obj in child.children if obj.dep_ == "pobj"
            for part in [obj, *obj.conjuncts])

    def _countries_of(self, tokens) -> list[str]:
        countries: list[str] = []
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention and mention.actor and mention.actor.country not in (None, "IGO"):
                if mention.actor.country not in countries:
                    countries.append(mention.actor.country)
        return countries

    def describe(self, head: Token) -> tuple[str | None, str | None]:
        """Country and sector the text gives a noun phrase, even one that is no actor."""
        return self._describe(head, include_head=True)

    def _describe(self, head: Token, include_head: bool = False) -> tuple[str | None, str | None]:
        """Country and sector from a noun phrase's modifiers, titles and head."""
        if self._described is None:
            return self._describe_phrase(head, include_head)
        key = (head.i, include_head)
        found = self._described.get(key)
        if found is None:
            found = self._described[key] = self._describe_phrase(head, include_head)
        return found

    def _describe_phrase(self, head: Token, include_head: bool) -> tuple[str | None, str | None]:
        tokens = _np_tokens(head)
        words = [t.lower_ for t in tokens]
        sector = None
        # The head noun (or an institution ending the phrase) names the sector ...
        for size in (4, 3, 2, 1):
            tail = " ".join(words[-size:]) if include_head else ""
            if tail and tail in self.index.institutions:
                sector = self.index.institutions[tail]
                break
        if sector is None and include_head:
            sector = (self.index.group_nouns.get(head.lower_)
                      or self.index.group_nouns.get(head.lemma_.lower())
                      or self.index.institutions.get(head.lower_))
        # ... a title before a name does too ...
        if sector is None or not include_head:
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    phrase = " ".join(words[i:i + size])
                    if phrase in self.index.titles:
                        sector = self.index.titles[phrase]
                        break
                if sector:
                    break
        # ... and a modifier overrides both ("paramilitary fighters", "riot police").
        for i, word in enumerate(words[:-1] if include_head else words):
            for phrase in (" ".join(words[i:i + 2]), word):
                if phrase in self.index.modifiers:
                    sector = self.index.modifiers[phrase]
                    break
        country = None
        pronoun_owner = None
        for token in tokens:
            if token.i == head.i and not include_head:
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor is not None and mention.actor.country:
                country = mention.actor.country
                break
            place = self.place_at.get(token.i)
            if place is not None and token.i != head.i and place.feature in ("admin1", "city"):
                country = place.country       # "Ontario Premier Doug Ford", "Kursk governor"
                break
            if token.dep_ == "poss" and token.lower_ in PLACE_WORDS and token.i != head.i:
                # "the city's military administration": the town named last.
                earlier = [i for i, p in self.place_at.items()
                           if i < token.i and p.feature in PLACE_WORDS[token.lower_]]
                if earlier:
                    country = self.place_at[max(earlier)].country
                    break
            if token.dep_ == "poss" and head.lemma_.lower() in RELATIONAL_NOUNS:
                continue      # "Greece's creditors" are not Greek
            if token.dep_ == "poss" and token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
                # "his Indian counterpart": a country word of the phrase itself comes first.
                if pronoun_owner is None:
                    pronoun_owner = token
        if country is None and pronoun_owner is not None:
            referents = self.antecedent(pronoun_owner)
            if referents and referents[0].country:
                country = referents[0].country
        if country is None:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        mention = self.by_token.get(obj.i)
                        if mention is not None and mention.actor is not None:
                            country = mention.actor.country
                        # "the government of Sindh province"
                        for sub in obj.subtree:
                            if country is None and sub.i in self.place_at:
                                country = self.place_at[sub.i].country
        if country is None:
            # "police in Lagos", "rescue teams from Turkey": where a group is or comes from.
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from") and country is None:
                    for obj in child.children:
                        mention = self.by_token.get(obj.i)
                        if mention is not None and mention.actor is not None and \
                                mention.actor.country not in (None, "IGO"):
                            country = mention.actor.country
                        elif obj.i in self.place_at and self.place_at[obj.i].country:
                            country = self.place_at[obj.i].country
        return country, sector

    # ---- reference -----------------------------------------------------------
    def antecedent(self, pronoun: Token) -> tuple[Actor, ...]:
        lower = pronoun.lower_
        # "your gift", "I can talk for everyone": the reader or the speaker, no party named.
        if lower in SPEAKER_PRONOUNS:
            return ()
        want_person = lower in PERSON_PRONOUNS
        want_plural = lower in PLURAL_PRONOUNS
        sentence_start = pronoun.sent.start
        earlier_sentence_start = max(0, sentence_start - 120)
        best: list[tuple[float, tuple[Actor, ...]]] = []
        bound = _clause_subjects(pronoun) if pronoun.dep_ in ("dobj", "dative", "pobj") else set()
        for token in self.doc[earlier_sentence_start:pronoun.i]:
            if token.i in bound:      # "police arrested X, accusing them": them is not the police
                continue
            if token.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "appos"):
                continue
            if token.pos_ == "PRON":
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor is not None:
                actors: tuple[Actor, ...] = (mention.actor,)
                is_person = (mention.actor.id or "").startswith("person:") or mention.kind in (
                    "person", "surname")
            else:
                if token.lower_ in PAIR_WORDS:
                    continue
                country, sector = self._describe(token, include_head=True)
                if sector is None:
                    continue
                actors = (Actor(_phrase_text(token), country or self.home, sector),)
                # "Sudan's army chief said ... his forces": a title names a person.
                words = [t.lower_ for t in _np_tokens(token)]
                is_person = token.tag_ in ("NN", "NNP") and any(
                    " ".join(words[-size:]) in self.index.titles for size in (1, 2, 3))
            if want_person != is_person:
                continue
            conj = [c for c in token.conjuncts if c.i > token.i]
            if want_plural and conj:
                actors = self.actors_for(token)
            elif not want_plural and token.dep_ == "poss" and not want_person:
                pass
            score = 0.0
            # Number agreement: "them" wants citizens, not the ministry; "it" the reverse.
            plural = token.tag_ in ("NNS", "NNPS") or bool(conj)
            if not want_person and plural != want_plural and not (
                    mention is not None and want_plural is False):
                score -= 2.5      # a named body can be "it"; only a plural is "they"
            if token.sent.start == sentence_start:
                score += 2.0
            if token.dep_ in ("nsubj", "nsubjpass"):
                score += 1.5
            score += token.i / 10000.0
            best.append((score, actors))
        if not best:
            return ()
        best.sort(key=lambda p: -p[0])
        return best[0][1]

    def _last_pair(self, head: Token) -> tuple[Actor, ...]:
        # A coordinated pair ("Pakistan and Afghanistan") is the likeliest referent.
        for token in reversed(self.doc[max(0, head.sent.start - 80):head.i]):
            if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
                    c.dep_ == "conj" for c in token.children):
                parties = self.actors_for(token)
                countries = {a.country for a in parties}
                # "The army and the RSF ... the two sides": sides, parties and leaders may
                # be of one country; two nations or governments may not.
                distinct = countries if head.lower_ in NATION_WORDS else {
                    (a.country, a.sector, a.name) for a in parties}
                if len(parties) >= 2 and len(distinct) >= 2 and None not in countries:
                    return parties
        seen: list[Actor] = []
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= head.idx or mention.actor is None:
                continue
            if mention.actor.country in (None, "IGO"):
                continue
            actor = self.party_of(mention)
            if not any(a.country == actor.country for a in seen):
                seen.append(actor)
            if len(seen) == 2:
                return tuple(reversed(seen))
        return ()

    def _same_head_earlier(self, head: Token) -> tuple[Actor, ...]:
        """ "the ministry", "the army", "the junta": the last fuller mention with that head
        ("Qatar's foreign ministry said ... according to the ministry")."""
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[max(0, head.i - 400):head.i]):
            if token.lemma_.lower() != lemma or token.pos_ not in ("NOUN", "PROPN") or _bare_definite(token):
                continue
            found = self.actors_for(token)
            if found and all(a.country for a in found) and token.i not in self.defaulted:
                return found
        return ()

    def _back_reference(self, head: Token, kind: str) -> tuple[Actor, ...]:
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= head.idx or mention.actor is None:
                continue
            entry_kind = (mention.actor.id or "").split(":")[0]
            if kind == "country" and entry_kind == "country" and mention.kind != "demonym":
                return (mention.actor,)
            if kind == "igo" and mention.actor.country == "IGO":
                return (mention.actor,)
            if kind == "group" and mention.actor.sector == "REB":
                return (mention.actor,)
        return ()


def _clause_subjects(pronoun: Token) -> set[int]:
    """Subjects of the clause an object pronoun sits in, and of the clause a participle
    or infinitive hangs from (their subject is its subject too)."""
    subjects: set[int] = set()
    verb = pronoun.head
    for _ in range(3):
        subjects.update(c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if verb.dep_ not in ("advcl", "xcomp", "conj", "acl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return subjects


def _bare_definite(head: Token) -> bool:
    """ "the ministry": a definite head noun with nothing else to say who it is."""
    children = list(head.children)
    return head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in children)


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _same(a: Actor, b: Actor) -> bool:
    return (a.id and a.id == b.id) or (a.name == b.name and a.country == b.country)


def _is_pair(head: Token) -> bool:
    return any(c.lower_ in ("two", "both") for c in head.children) or (
        head.i > 0 and head.doc[head.i - 1].lower_ in ("two", "both"))


def _np_tokens(head: Token) -> list[Token]:
    """The head and its pre-modifiers: determiners, adjectives, compounds, possessives."""
    keep: list[Token] = []

    def walk(token: Token) -> None:
        for child in token.children:
            if child.i < head.i and child.dep_ not in NP_STOP_DEPS:
                walk(child)
                keep.append(child)

    walk(head)
    keep.append(head)
    # Titles after a name ("Mohamed Bazoum, the president") stay out: only left modifiers.
    return sorted(set(keep), key=lambda t: t.i)


def _phrase_text(head: Token) -> str:
    tokens = [t for t in _np_tokens(head) if t.dep_ != "det" and t.pos_ not in ("NUM",)]
    tokens = [t for t in tokens if t.lower_ not in ("’s", "'s")]
    return " ".join(t.text for t in tokens) or head.text


class ActorResolution:
    """Component: resolve every mention to an actor (or an explicit none)."""
    name = "actors"
    requires = ("mentions", "places", "article")
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        resolver = ActorResolver(doc)
        doc._.mentions = resolver.mentions
        doc.user_data["newsevents.resolver"] = resolver
        return doc


def resolver_for(doc: Doc) -> ActorResolver:
    resolver = doc.user_data.get("newsevents.resolver")
    if resolver is None:
        resolver = ActorResolver(doc)
        doc.user_data["newsevents.resolver"] = resolver
    return resolver
