"""Event detection and typing from one sentence's dependency parse.

A trigger (verb, verb + object, or event noun from the lexicon) gives the
PLOVER type and mode; the parse gives the actor (subject, passive agent,
possessive, the subject of the governing verb for nominal events) and the
recipient (object or prepositional object as the trigger entry says).
Actors come only from the trigger's own sentence; pronouns and "the two
nations" reach back through the actor resolver.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Event, Evidence
from .actors import ActorResolver, resolver_for
from .entities import dateline_end
from .lexicon import Lexicon, Trigger, load_lexicon

# Verbal event types whose complement clause describes what is asked, promised,
# threatened or refused, not a second event ("agreed to deploy", "urged ... to let").
ENVELOPING_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "advcl"}
SUBJECT_DEPS = {"nsubj", "csubj"}
RELATIVE_WORDS = {"who", "which", "that", "whom", "whose"}
LIGHT_VERBS = {"impose", "announce", "slap", "adopt", "approve", "extend", "expand", "levy", "launch",
               "open", "conduct", "begin", "start", "order", "mount"}
EFFECT_VERBS = {"begin", "hold", "start"}              # "the truce held"
EFFECT_PHRASES = {"take", "go", "come", "enter"}        # "took effect", "came into force"


@dataclass(frozen=True)
class Found:
    token: Token
    trigger: Trigger
    object_token: Token | None = None    # the object of a verb + object phrase


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Found]:
    found: list[Found] = []
    consumed: set[int] = set()
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit = _phrase_hit(token, lexicon)
            if hit is not None:
                found.append(hit)
                if hit.object_token is not None:
                    consumed.add(hit.object_token.i)
                continue
            trigger = lexicon.verbs.get(token.lemma_.lower())
            if trigger is None:
                continue
            if trigger.requires_xcomp and not any(
                    c.dep_ in ("xcomp", "ccomp") and (c.lemma_.lower() in trigger.requires_xcomp or any(
                        g.dep_ in ("xcomp", "ccomp", "conj", "advcl") and g.lemma_.lower() in trigger.requires_xcomp
                        for g in c.subtree)) for c in token.children):
                continue
            # The parser often makes a particle a preposition: "pulled out of El Fasher".
            if trigger.needs_particle and not any(
                    c.dep_ in ("prt", "prep", "advmod") and c.lower_ in trigger.needs_particle
                    and (c.dep_ != "prep" or not any(g.dep_ == "pobj" for g in c.children)
                         or any(g.dep_ == "prep" for g in c.children))
                    for c in token.children):
                continue
            if trigger.needs_object and not any(
                    w in trigger.needs_object for w, _ in _object_words(token)):
                continue
            if trigger.needs_person_object and not _has_party_object(token):
                continue
            found.append(Found(token, trigger))
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
            continue
        trigger = _noun_trigger(token, lexicon)
        if trigger is None:
            continue
        if trigger.needs_effect and not _takes_effect(token):
            continue
        if trigger.needs_light_verb and token.head.lemma_.lower() not in LIGHT_VERBS:
            continue
        if _refers_back(token, trigger):
            continue
        found.append(Found(token, trigger))
    return _drop_elaborations(_drop_enveloped(_drop_argument_nouns(found)))


def _refers_back(token: Token, trigger: Trigger) -> bool:
    """ "the meeting", "the arms transfers", "this week's talks": a definite event noun
    names an event told elsewhere, unless a verb puts it into effect ("the ceasefire took
    effect", "launched the offensive")."""
    if trigger.needs_effect or trigger.needs_light_verb:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in token.children)
    return definite


def _refers_to_told(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _takes_effect(token: Token) -> bool:
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ not in ("nsubj", "nsubjpass") and lemma not in ("declare", "announce"):
        return False
    if lemma in EFFECT_VERBS:
        return True
    return lemma in EFFECT_PHRASES and any(
        t.lower_ in ("effect", "force") for t in head.subtree if t.i > head.i)


def _has_party_object(token: Token) -> bool:
    obj = _child(token, ("dobj",))
    return obj is not None and (obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or obj.pos_ in (
        "PROPN", "PRON") or any(c.ent_type_ in ("PERSON", "NORP", "GPE") for c in obj.subtree))


def _noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "compound":
            joined = f"{child.lemma_.lower()} {lemma}"
            if joined in lexicon.nouns:
                return lexicon.nouns[joined]
            joined = f"{child.lower_} {lemma}"
            if joined in lexicon.nouns:
                return lexicon.nouns[joined]
    return lexicon.nouns.get(lemma)


def _object_words(token: Token, deep: bool = False) -> list[tuple[str, Token]]:
    words: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "prt", "dative"):
            words.append((child.lemma_.lower(), child))
            words.append((child.lower_, child))
            for sub in child.children:
                if sub.dep_ in ("compound", "amod"):
                    words.append((f"{sub.lemma_.lower()} {child.lemma_.lower()}", child))
                if sub.dep_ == "prep":
                    for obj in sub.children:
                        words.append((f"{child.lower_} {sub.lower_} {obj.lower_}", child))
                        words.append((obj.lemma_.lower(), obj))
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words.append((obj.lemma_.lower(), obj))
        if deep and child.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "attr"):
            # "called the raid an authoritarian act", "labeled China a hostile force"
            for sub in child.subtree:
                if sub.pos_ in ("ADJ", "NOUN"):
                    words.append((sub.lemma_.lower(), child))
            tokens = [t.lower_ for t in child.subtree]
            for size in (3, 2):
                for i in range(len(tokens) - size + 1):
                    words.append((" ".join(tokens[i:i + size]), child))
    # Passive phrases: "sanctions were imposed on ..." put the object in the subject.
    if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
        words.append((token.head.lemma_.lower(), token.head))
    return words


def _phrase_hit(token: Token, lexicon: Lexicon) -> Found | None:
    lemma = token.lemma_.lower()
    for phrase in lexicon.phrases:
        if lemma not in phrase.verbs:
            continue
        words = _object_words(token, deep=phrase.trigger.via_predicate)
        for word, object_token in words:
            if word in phrase.objects:
                if phrase.trigger.via_predicate and not _has_predicate(token):
                    continue
                if phrase.trigger.via_for and not any(
                        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in token.children):
                    continue
                return Found(token, phrase.trigger, None if phrase.trigger.via_predicate
                             else object_token)
    return None


def _has_predicate(token: Token) -> bool:
    """ "call X a Y": an object with a second noun phrase predicated of it."""
    deps = [c.dep_ for c in token.children]
    return "oprd" in deps or ("dobj" in deps and ("ccomp" in deps or "xcomp" in deps)) or (
        deps.count("dobj") >= 2) or ("dative" in deps and "dobj" in deps)


MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _drop_elaborations(found: list[Found]) -> list[Found]:
    """A participle that spells out the same act is part of it: "opened fire on protesters,
    killing 19"; "imposed sanctions, closing borders and freezing assets"."""
    by_index = {f.token.i: f for f in found}
    kept = []
    for item in found:
        token = item.token
        outer = by_index.get(token.head.i)
        elaborates = (token.tag_ == "VBG" and token.dep_ in ("advcl", "conj", "xcomp")
                      and outer is not None and outer is not item
                      and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                      and (outer.trigger.type == item.trigger.type
                           or {outer.trigger.type, item.trigger.type} <= MATERIAL_CONFLICT))
        if not elaborates:
            kept.append(item)
    return kept


def _drop_argument_nouns(found: list[Found]) -> list[Found]:
    """An event noun that is the subject or object of a verb event is part of that
    event: "Pakistani airstrikes killed eight people"."""
    verbs = {f.token.i for f in found if f.token.pos_ in ("VERB", "AUX")}
    described = {f.token.head.i for f in found
                 if f.token.pos_ == "VERB" and f.token.dep_ == "acl" and subject_token(f.token) is f.token.head}
    verb_types = {f.token.i: f.trigger.type for f in found if f.token.pos_ in ("VERB", "AUX")}
    return [f for f in found if not (f.token.pos_ in ("NOUN", "PROPN") and (
        (f.token.head.i in verbs and f.token.dep_ in ("nsubj", "nsubjpass", "dobj"))
        or f.token.i in described
        # "killed 46 civilians in an attack on a village": one event, told by the verb
        or any(verb_types.get(a.i) == f.trigger.type for a in f.token.ancestors
               if a.sent.start == f.token.sent.start)))]


def _drop_enveloped(found: list[Found]) -> list[Found]:
    """Drop triggers inside the complement of an enveloping verbal event."""
    by_index = {f.token.i: f for f in found}
    kept = []
    for item in found:
        token = item.token
        enveloped = False
        hops = 0
        while token.head.i != token.i and hops < 6:
            parent = token.head
            outer = by_index.get(parent.i)
            if outer is not None and outer.trigger.type in ENVELOPING_TYPES and (
                    token.dep_ in COMPLEMENT_DEPS or (token.dep_ == "prep" and token.lower_ in (
                        "of", "for", "to", "on", "against"))):
                if not (token.dep_ == "advcl" and outer.trigger.type not in ("REQUEST", "AGREE")):
                    enveloped = True
                    break
            if token.dep_ not in COMPLEMENT_DEPS | {"pobj", "prep", "conj"}:
                break
            if token.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
                break
            token = parent
            hops += 1
        if not enveloped:
            kept.append(item)
    return kept


# ---- arguments --------------------------------------------------------------

def subject_token(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp, conj, participles and relatives."""
    seen = 0
    while seen < 6:
        seen += 1
        # The subject nearest the verb: a dateline ("ALGIERS, Algeria —") can parse as a second one.
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            child = subjects[-1]
            if child.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            return child
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        # Object control: "urged X to ...", "prompting Mexico to break off ties".
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ == "VERB":
            controller = _child(verb.head, ("dobj",))
            if controller is not None and controller.i < verb.i:
                return controller
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp", "oprd") or (
                verb.dep_ == "ccomp" and verb.tag_ == "VBG"):
            if verb.dep_ == "acl":
                # "airstrikes killing eight people" / "airstrikes killed eight people" (active,
                # with an object): the noun acts; "rifles seized by ..." is passive.
                if verb.tag_ == "VBG" or _child(verb, ("dobj",)) is not None:
                    return verb.head
                return None
            verb = verb.head
            if verb.dep_ == "prep":
                verb = verb.head
            continue
        return None
    return None


def agent_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _pobj(token: Token, preposition: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == preposition:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _possessor(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
            return child
    return None


class ArgumentFinder:
    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver

    def actors(self, token: Token | None) -> tuple[Actor, ...]:
        if token is None:
            return ()
        found = self.resolver.actors_for(token)
        if not found:
            owner = _possessor(token)
            if owner is not None:
                found = self.resolver.actors_for(owner)
        if not found:
            found = self.modifier_party(token)
        if not found:
            # A town or region as the target stands for the people there ("shelled Kharkiv").
            place = self.resolver.place_at.get(token.i)
            if place is not None and place.feature in ("city", "admin1", "feature"):
                found = (Actor(name=place.name, country=place.country, sector="CVL"),)
        if not found:
            # "a barrage of Russian ballistic missiles": the weapons' owner acts;
            # "a camp for Congolese refugees": the people it serves.
            for word in ("of", "for"):
                obj = _pobj(token, word)
                if obj is not None:
                    found = self.resolver.actors_for(obj) or self.modifier_party(obj)
                    if found:
                        break
        return found

    def modifier_party(self, token: Token) -> tuple[Actor, ...]:
        """A party named by a modifier: "Pakistani airstrikes", "Russian drones"."""
        parties: list[Actor] = []
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                for part in [child] + list(child.conjuncts):
                    mention = self.resolver.by_token.get(part.i)
                    if mention is not None and mention.actor is not None and mention.actor.country:
                        actor = mention.actor
                        if mention.kind == "demonym":
                            country = self.resolver.index.country(actor.country)
                            actor = country.actor(self.resolver.day) if country else actor
                        if not any(a.country == actor.country for a in parties):
                            parties.append(actor)
        return tuple(parties)

    def recipient(self, found: Found, actor: tuple[Actor, ...] = ()) -> tuple[Actor, ...]:
        self._actor = actor
        token = found.token
        carriers = [token] + ([found.object_token] if found.object_token is not None else [])
        for role in found.trigger.recipient:
            for carrier in carriers:
                actors = _others(self._role(carrier, role, found), actor)
                if actors:
                    return actors
        if found.trigger.type == "THREATEN":
            conditional = self.condition_subject(token, actor)
            if conditional:
                return conditional
        if found.trigger.symmetric or (not found.trigger.recipient and
                                       found.trigger.type not in LOCATED_TYPES):
            return ()
        return self.nearest_other_party(token, actor) or self.located_party(token, actor, found)

    def other_party_in_sentence(self, token: Token, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """The party nearest the trigger anywhere in its sentence, from another country."""
        own = {a.country for a in actor}
        sentence = token.sent
        candidates = []
        for mention in self.resolver.mentions:
            if not (sentence.start_char <= mention.start < sentence.end_char) or mention.actor is None:
                continue
            if mention.actor.country in own or mention.actor.country in (None, "IGO"):
                continue
            candidates.append((abs(mention.start - token.idx), mention))
        if not candidates:
            return ()
        mention = min(candidates, key=lambda pair: pair[0])[1]
        actor_found = mention.actor
        if mention.kind == "demonym":
            entry = self.resolver.index.country(actor_found.country)
            actor_found = entry.actor(self.resolver.day) if entry else actor_found
        return (actor_found,)

    def condition_subject(self, token: Token, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """A threat's target is who must meet its condition: "... unless Israel rescinded"."""
        for sub in token.subtree:
            if sub.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in sub.children):
                subject = _child(sub, ("nsubj", "nsubjpass"))
                if subject is not None:
                    found = _others(self.actors(subject), actor)
                    if found:
                        return found
        return ()

    def located_party(self, token: Token, actor: tuple[Actor, ...], found: Found) -> tuple[Actor, ...]:
        """Force used somewhere falls on that place's people ("troops on alert in the
        West Bank", "shelled Kharkiv")."""
        if found.trigger.type not in LOCATED_TYPES:
            return ()
        own = {a.country for a in actor}
        for child in _clause_tokens(token):
            place = self.resolver.place_at.get(child.i)
            mention = self.resolver.by_token.get(child.i)
            if place is None or (mention is not None and mention.kind == "demonym"):
                continue
            if place.country and place.country not in own and child.dep_ in ("pobj", "dobj"):
                return (Actor(name=place.name, country=place.country, sector="CVL"),)
        return ()

    def nearest_other_party(self, token: Token, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """Fallback: the first other party named inside the trigger's own clause
        ("closed its airspace to flights from Mali", "recalled envoys to Mali")."""
        own = {a.country for a in actor}
        tokens = _clause_tokens(token, purpose=True)
        for child in tokens:
            found = self.resolver.actors_for(child) if child.dep_ in ARGUMENT_DEPS else ()
            if not found and child.dep_ in ("amod", "compound", "poss"):
                mention = self.resolver.by_token.get(child.i)
                found = (mention.actor,) if mention is not None and mention.actor else ()
            found = tuple(a for a in found if a.country and (
                a.country not in own or self._other_side_at_home(a, child, actor)))
            if found:
                return found
        return ()

    def _other_side_at_home(self, party: Actor, token: Token, actor: tuple[Actor, ...]) -> bool:
        """A compatriot named with a country of its own and another role: "officials demanded
        support from the Montenegro Assembly", "protesters ... from President X"."""
        return (token.i not in self.resolver.defaulted and party.sector not in {a.sector for a in actor}
                and not (party.id or "").startswith("country:") and party.sector is not None)

    def _role(self, token: Token, role: str, found: Found) -> tuple[Actor, ...]:
        if role in ("dobj", "dobj_person"):
            obj = _child(token, ("dobj",))
            if obj is None or (found.object_token is not None and obj.i == found.object_token.i):
                return ()
            actors = self.actors(obj)
            if role == "dobj_person":
                actors = tuple(a for a in actors if a.sector not in (None,))
            return actors
        if role == "dobj_poss":
            obj = _child(token, ("dobj", "nsubjpass"))
            if obj is None:
                return ()
            owner = _possessor(obj)
            if owner is not None:
                return self.resolver.actors_for(owner)
            of = _pobj(obj, "of")
            return self.resolver.actors_for(of) if of is not None else ()
        if role == "dative":
            obj = _child(token, ("dative",))
            return self.resolver.actors_for(obj) if obj is not None else ()
        if role == "ccomp_subject":
            clause = _child(token, ("ccomp",))
            subject = _child(clause, ("nsubj",)) if clause is not None else None
            return self.resolver.actors_for(subject) if subject is not None else ()
        if role == "xcomp_object":
            # "pledged to pay off Syria's arrears", "agreed to open talks with Ukraine"
            clause = _child(token, ("xcomp",))
            if clause is None:
                return ()
            return self.nearest_other_party(clause, getattr(self, "_actor", ()))
        if role == "to_country":
            obj = _pobj(token, "to")
            if obj is None:
                return ()
            actors = self.actors(obj)
            return tuple(a for a in actors if a.country)
        if role == "to_person":
            obj = _pobj(token, "to")
            return self.resolver.actors_for(obj) if obj is not None and obj.ent_type_ == "PERSON" else ()
        if role == "between":
            obj = _pobj(token, "between")
            return self.resolver.actors_for(obj) if obj is not None else ()
        obj = _pobj(token, role)
        if obj is None:
            # "providing photographs and intelligence to Macedonia": the preposition
            # can hang off the object.
            direct = _child(token, ("dobj",))
            for carrier in ([direct] + list(direct.conjuncts)) if direct is not None else []:
                obj = _pobj(carrier, role)
                if obj is not None:
                    break
        if obj is None:
            return ()
        return self.actors(obj)


LOCATED_TYPES = {"MOBILIZE", "ASSAULT", "COERCE"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "on", "inside", "outside", "across", "around",
                         "into", "toward", "towards", "along", "off"}
ARGUMENT_DEPS = {"dobj", "pobj", "dative", "nsubjpass", "attr", "appos", "conj"}
CLAUSE_BOUNDARIES = {"relcl", "ccomp", "advcl", "parataxis", "nsubj", "nsubjpass", "csubj", "agent",
                     "acl", "xcomp", "mark", "punct"}


def _clause_tokens(token: Token, purpose: bool = False) -> list[Token]:
    """Tokens under the trigger that belong to its own clause, in text order; with
    `purpose`, also its to-infinitive ("blocked a road to show disapproval of the U.S.")."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ not in CLAUSE_BOUNDARIES
             or (purpose and c.dep_ in ("xcomp", "advcl") and any(
                 a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ not in CLAUSE_BOUNDARIES - {"nsubj"})
    return sorted(out, key=lambda t: t.i)


def evidence_span(token: Token, subject: Token | None) -> tuple[int, int]:
    sent = token.sent
    start = token.left_edge.i
    end = token.right_edge.i
    if subject is not None and subject.sent.start == sent.start:
        start = min(start, subject.left_edge.i)
    # Keep the clause: stop before a later reporting clause or a trailing comma phrase
    # that hangs off another verb.
    start = max(start, sent.start)
    end = min(end, sent.end - 1)
    # "BRUSSELS — Serbian President ...": the dateline is not part of the event's words.
    filed = dateline_end(token.doc.text)
    while start < end and token.doc[start].idx < filed:
        start += 1
    while end > start and token.doc[end].is_punct:
        end -= 1
    while start < end and token.doc[start].is_punct:
        start += 1
    return token.doc[start].idx, token.doc[end].idx + len(token.doc[end])


def extract_sentence_events(sent: Span, resolver: ActorResolver, lexicon: Lexicon,
                            told: dict[str, tuple[Actor, ...]] | None = None) -> list[Event]:
    """Events of one sentence; `told` maps event nouns already told in the article to their
    parties, so that "the ceasefire took effect" knows whose ceasefire it is."""
    finder = ArgumentFinder(resolver)
    told = {} if told is None else told
    events: list[Event] = []
    # Event nouns that name their parties even where they are no event of their own
    # ("as a ceasefire between Israel and Hezbollah came under strain").
    for token in sent:
        if token.pos_ == "NOUN" and _noun_trigger(token, lexicon) is not None:
            between = _pobj(token, "between")
            parties = resolver.actors_for(between) if between is not None else ()
            if len(parties) > 1:
                told[token.lemma_.lower()] = parties
    for found in find_triggers(sent, lexicon):
        token = found.token
        trigger = found.trigger
        recipient_override: tuple[Actor, ...] | None = None
        if token.pos_ in ("NOUN", "PROPN"):
            actor, recipient, subject = _noun_arguments(found, finder)
            lemma = token.lemma_.lower()
            if actor:
                told[lemma] = actor
            elif _refers_to_told(token) and lemma in told:
                actor = told[lemma]
        else:
            subject = subject_token(token)
            agent = agent_token(token)
            passive_subject = _child(token, ("nsubjpass",))
            if agent is not None:
                actor = finder.actors(agent)
                recipient_override = finder.actors(passive_subject) if passive_subject is not None else ()
                subject = agent
            elif passive_subject is not None:
                actor = ()
            else:
                actor = finder.actors(subject)
            recipient = recipient_override if recipient_override is not None else finder.recipient(found, actor)
        if trigger.reverse and recipient:
            actor, recipient = recipient, actor
        recipient = tuple(r for r in recipient if not any(_same_actor(r, a) for a in actor))
        if not actor:
            continue
        recipient = _locate_defaulted(recipient, token, finder) or recipient
        if not recipient and not trigger.symmetric:
            recipient = _domestic_recipient(trigger.type, actor, token, finder)
        event_type = trigger.type
        if trigger.joint and len({a.country for a in actor}) > 1 and not recipient:
            event_type = trigger.joint
        mode = trigger.mode if event_type == trigger.type else None
        event_type, mode = _retype(event_type, mode, actor, token)
        if trigger.needs_effect:
            token = token.head        # "the ceasefire took effect": the clause is the event
        start, end = evidence_span(token, subject if token.pos_ != "NOUN" else None)
        doc = token.doc
        events.append(Event(
            type=event_type, mode=mode,
            actor=actor, recipient=recipient if not (trigger.symmetric and len(actor) > 1) else (),
            evidence=Evidence(doc.text[start:end], start, end),
            trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token),
            confidence=0.6 if recipient else 0.4))
    return events


CIVILIAN_SECTORS = {"CVL", "OPP"}
STATE_SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "INT"}


def _domestic_recipient(event_type: str, actor: tuple[Actor, ...], token: Token,
                        finder: "ArgumentFinder") -> tuple[Actor, ...]:
    """With no other party named in its clause, an event concerns the other party its
    sentence names ("suspended a surcharge on electricity it sells to U.S. states");
    failing that, protests target their own government, and a state's coercion or
    concessions at home fall on its own population."""
    countries = {a.country for a in actor}
    if len(countries) != 1 or None in countries or "IGO" in countries:
        return ()
    country = next(iter(countries))
    sectors = {a.sector for a in actor}
    if event_type in ("COERCE", "CONCEDE"):
        elsewhere = finder.other_party_in_sentence(token, actor)
        if elsewhere:
            return elsewhere
    if event_type == "ASSAULT" and sectors == {"POL"}:
        return (Actor(name="population", country=country, sector="CVL"),)
    if event_type == "PROTEST" and sectors <= CIVILIAN_SECTORS:
        return (Actor(name="government", country=country, sector="GOV"),)
    if event_type in ("COERCE", "CONCEDE") and sectors <= STATE_SECTORS:
        return (Actor(name="population", country=country, sector="CVL"),)
    return ()


def address_at_home(events: list[Event], doc: Doc, finder: "ArgumentFinder") -> list[Event]:
    """ "Opposition leaders demanded ...", "the court rejected ...": with no other party in
    its sentence, a demand, refusal, threat or accusation is addressed at home."""
    addressed = []
    for event in events:
        countries = {a.country for a in event.actor}
        if event.type in DIRECTED_VERBAL and not event.recipient and len(countries) == 1 \
                and None not in countries and "IGO" not in countries:
            span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
            if span is not None and not finder.other_party_in_sentence(span.root, event.actor):
                event = replace(event, recipient=(
                    Actor(name="domestic counterpart", country=next(iter(countries)), sector=None),))
        addressed.append(event)
    return addressed


DIRECTED_VERBAL = {"REQUEST", "REJECT", "THREATEN", "ACCUSE"}


def _locate_defaulted(recipient: tuple[Actor, ...], trigger: Token,
                      finder: "ArgumentFinder") -> tuple[Actor, ...]:
    """People the text gives no country ("killed eight people") belong where the event
    happened ("in Afghanistan's Paktika province", "aimed at Kyiv"), not to the home country."""
    resolver = finder.resolver
    if not recipient or not any(t.i in resolver.defaulted for t in trigger.subtree):
        return ()
    # The trigger's own clause first, then the rest of the sentence ("airstrikes in
    # Afghanistan's Paktika province killed ...", "missiles aimed at Kyiv injured ...").
    clause = _clause_tokens(trigger)
    rest = [t for t in trigger.sent if t not in clause]
    for token in clause + rest:
        place = resolver.place_at.get(token.i)
        mention = resolver.by_token.get(token.i)
        if place is None or not place.country or (mention is not None and mention.kind == "demonym"):
            continue
        # Only where something happens: "in Paktika", "aimed at Kyiv", not "by Mexico".
        phrase = token
        while phrase.dep_ in ("poss", "compound") and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ == "pobj" and phrase.head.lower_ in LOCATIVE_PREPOSITIONS:
            if all(r.country != place.country for r in recipient):
                return tuple(replace(r, country=place.country) if r.sector == "CVL" else r
                             for r in recipient)
            return ()
    return ()
FORCE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}


def _retype(event_type: str, mode: str | None, actor: tuple[Actor, ...],
            token: Token) -> tuple[str, str | None]:
    # Civilians who block roads or set fires are protesting, not coercing or assaulting.
    if event_type in ("ASSAULT", "COERCE") and actor and all(a.sector in CIVILIAN_SECTORS for a in actor):
        return "PROTEST", "obstruct" if event_type == "COERCE" else "riot"
    # "will not accept refugees": refusing is REJECT.
    if event_type == "AGREE" and any(c.dep_ == "neg" for c in token.children):
        return "REJECT", None
    # Force promised on a condition is a threat: "would strike hard if ...",
    # "will boycott the vote unless ...".
    if event_type in FORCE_TYPES | {"PROTEST"}:
        aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
        conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                          for c in token.children)
        if aux & {"will", "would", "'ll"} and conditional:
            return "THREATEN", "violence" if event_type in ("ASSAULT", "MOBILIZE") else "restrict"
        if event_type == "PROTEST" and aux & {"will", "would", "'ll"} and any(
                c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in token.children):
            return "THREATEN", "restrict"
    return event_type, mode


def _noun_arguments(found: Found, finder: ArgumentFinder):
    token = found.token
    trigger = found.trigger
    actor: tuple[Actor, ...] = ()
    subject = None
    between = _pobj(token, "between")
    if between is not None:
        return finder.resolver.actors_for(between), (), None
    owner = _possessor(token)
    if owner is not None:
        actor = finder.resolver.actors_for(owner)
    if not actor:
        by = _pobj(token, "by")
        if by is not None:
            actor = finder.actors(by)
    if not actor:
        actor = finder.modifier_party(token)
    if not actor and trigger.type in ("AID", "MOBILIZE"):
        of = _pobj(token, "of")
        if of is not None:
            actor = tuple(a for a in finder.actors(of) if a.country)
    if not actor:
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if head.pos_ in ("VERB", "AUX") and token.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            subject = subject_token(head)
            actor = finder.actors(subject)
    recipient = finder.recipient(found, actor)
    return actor, recipient, subject


def _others(found: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Parties other than the actor: not the actor itself, nor its own state named as a
    whole ("the State Department reaffirmed Washington's commitment")."""
    own = {a.country for a in actor}
    return tuple(r for r in found if not any(_same_actor(r, a) for a in actor)
                 and not ((r.id or "").startswith("country:") and r.country in own))


def _same_actor(a: Actor, b: Actor) -> bool:
    return (a.id is not None and a.id == b.id) or (a.name == b.name and a.country == b.country)


REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}


def _reacts_to_earlier_event(event: Event, doc: Doc) -> bool:
    """ "condemned the killings", "hailed the decision", "called the raid ...": the
    object is an earlier event that names no party of its own."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or span.root.pos_ != "VERB":
        return False
    obj = _child(span.root, ("dobj",))
    if obj is None:
        return False
    if obj.lower_ in ("it", "this", "that"):
        return True
    return obj.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that", "these", "those")
                                      for c in obj.children)


def link_reactions(events: list[Event], doc: Doc) -> list[Event]:
    """A reaction with no recipient of its own reacts to the actor of the latest
    earlier event by another party: "Saudi Arabia condemned the killings"."""
    linked: list[Event] = []
    for event in events:
        if event.type in REACTION_TYPES and not event.recipient and _reacts_to_earlier_event(event, doc):
            own = {a.country for a in event.actor}
            for earlier in reversed(linked):
                if earlier.trigger_start < event.trigger_start and earlier.actor and not (
                        {a.country for a in earlier.actor} & own):
                    event = replace(event, recipient=earlier.actor)
                    break
        linked.append(event)
    return linked


def extract_events(doc: Doc) -> list[Event]:
    resolver = resolver_for(doc)
    lexicon = load_lexicon()
    events: list[Event] = []
    told: dict[str, tuple[Actor, ...]] = {}
    for sent in doc.sents:
        events.extend(extract_sentence_events(sent, resolver, lexicon, told))
    return address_at_home(link_reactions(events, doc), doc, ArgumentFinder(resolver))


class EventCoder:
    name = "events"
    requires = ("parse", "mentions")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc)
        return doc
