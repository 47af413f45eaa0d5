"""Event detection and typing from one sentence's dependency parse.

A trigger (verb, verb + object, or event noun from the lexicon) gives the
PLOVER type and mode; the parse gives the actor (subject, passive agent,
possessive, the subject of the governing verb for nominal events) and the
recipient (object or prepositional object as the trigger entry says).
Actors come only from the trigger's own sentence; pronouns and "the two
nations" reach back through the actor resolver.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Event, Evidence
from .actors import ActorResolver, resolver_for
from .arguments import LOCATIVE_PREPOSITIONS, ArgumentFinder, others, same_actor
from .evaluations import find_judgements, find_obligations, judged_parties
from .entities import dateline_end
from .lexicon import Lexicon, load_lexicon
from .syntax import (agent_token, clause_tokens, first_child, parsed_sentences, pobj, possessor,
                     subject_token, trigger_token)
from .triggers import (CASUALTY_WORDS, WEAPON_VERBS, Found, find_triggers, noun_trigger,
                       refers_to_told, weapon_word)
from .doctext import doc_text

CIVILIAN_SECTORS = {"CVL", "OPP"}
NORMATIVE_AUX = {"should", "ought", "must"}
CROWDS = {"thousand", "thousands", "hundred", "hundreds", "dozens", "scores", "millions", "crowd",
          "crowds", "tens"}
WEAPONS = {"bomb", "blast", "explosion", "explosive", "device", "rocket", "missile", "shell", "mortar",
           "drone", "mine", "landmine", "grenade", "ied", "airstrike", "strike", "shelling", "bombing"}
NATURAL_CAUSES = {"earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "storm", "cyclone",
                  "hurricane", "typhoon", "tornado", "landslide", "mudslide", "avalanche", "tsunami",
                  "eruption", "drought", "famine", "heatwave", "wildfire", "blaze", "crash", "accident",
                  "collision", "derailment", "stampede", "disease", "outbreak", "virus", "epidemic",
                  "pandemic", "cholera", "lightning", "rain", "rains", "snow", "weather", "disaster"}
UNIDENTIFIED = "unidentified attackers"
WARS = {"war", "conflict", "violence", "insurgency", "crisis", "unrest", "uprising", "revolution",
        "occupation", "siege", "campaign", "genocide", "fighting", "hostility", "rebellion"}
ONE_PERSON = {"man", "woman", "person", "individual", "suspect", "teenager", "boy", "girl", "child",
              "youth", "student", "driver", "worker", "resident", "villager", "farmer", "assailant",
              "attacker", "gunman", "knifeman"}
STATE_SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "INT"}
PERPETRATORS = {"men", "gunmen", "attackers", "assailants", "robbers", "bandits", "kidnappers",
                "thieves", "criminals", "thugs", "suspects", "knifemen"}
NOT_RIOTERS = ONE_PERSON | PERPETRATORS
DIRECTED_VERBAL = {"REQUEST", "REJECT", "THREATEN", "ACCUSE"}
# Words for parties abroad that name no country: "urged allies to send air defences".
FOREIGN_PARTIES = {"ally", "allies", "partner", "partners", "neighbor", "neighbors", "neighbour",
                   "neighbours", "country", "countries", "nation", "nations", "government",
                   "governments", "donor", "donors", "power", "powers", "west", "world",
                   "community", "counterpart", "counterparts"}


def _addressed_abroad(trigger: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") and (c.lower_ in FOREIGN_PARTIES or c.lemma_.lower() in
                                                 FOREIGN_PARTIES) for c in trigger.children)
FORCE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}


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
    filed = dateline_end(doc_text(token.doc))
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
        if token.pos_ == "NOUN" and noun_trigger(token, lexicon) is not None:
            between = pobj(token, "between")
            parties = resolver.actors_for(between) if between is not None else ()
            if len(parties) > 1:
                told[token.lemma_.lower()] = parties
    for found in find_triggers(sent, lexicon):
        token = found.token
        trigger = found.trigger
        # "Azerbaijan should release them", "he should never have been arrested": what
        # someone ought to do or have done is an opinion, not an event.
        if any(c.dep_ == "aux" and c.lower_ in NORMATIVE_AUX for c in token.children):
            continue
        # "journalists are imprisoned in Azerbaijan", "the region, which is occupied by
        # Russian forces": a present passive describes a state, not an event.
        if token.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am")
                                       for c in token.children) \
                and not any(c.dep_ == "aux" for c in token.children):
            continue
        recipient_override: tuple[Actor, ...] | None = None
        passive_subject = agent = None
        if token.pos_ in ("NOUN", "PROPN"):
            actor, recipient, subject = _noun_arguments(found, finder)
            lemma = token.lemma_.lower()
            if actor:
                told[lemma] = actor
            elif refers_to_told(token) and lemma in told:
                actor = told[lemma]
        else:
            subject = subject_token(token)
            if subject is None and token.dep_ in ("amod", "compound"):
                subject = token.head          # "striking doctors": the doctors strike
            agent = agent_token(token) or _joined_agent(token)
            passive_subject = first_child(token, ("nsubjpass",)) or (
                _headline_subject(token) if trigger.type == "ASSAULT" else None)
            if agent is not None:
                actor = finder.actors(agent)
                recipient_override = finder.actors(passive_subject) if passive_subject is not None else ()
                subject = agent
            elif passive_subject is not None and trigger.type == "MOBILIZE":
                # "5,000 troops were deployed to the border": the forces moved are their
                # state's, and the place they go says whom it concerns.
                actor = tuple(a for a in finder.actors(passive_subject) if a.sector in ("MIL", "POL"))
                subject = passive_subject
            elif passive_subject is not None:
                actor = ()
                recipient_override = finder.actors(passive_subject)
            else:
                actor = finder.actors(subject)
            # "an earthquake killed 2,000 people": nature and accidents attack no one.
            cause = agent if agent is not None else subject
            if trigger.type == "ASSAULT" and cause is not None and cause.lemma_.lower() in NATURAL_CAUSES:
                continue
            recipient = recipient_override if recipient_override is not None else finder.recipient(found, actor)
        if subject is not None and subject.i in finder.resolver.defaulted:
            actor = _locate_described(actor, token, finder)
        if trigger.reverse and recipient:
            actor, recipient = recipient, actor
        recipient = tuple(r for r in recipient if not any(same_actor(r, a) for a in actor))
        if not actor and trigger.type == "ASSAULT":
            if not recipient and _leaves_casualties(token):
                recipient = _victims_where(token, finder)
            # "A grenade was hurled into the bar": the weapon thrown or fired tells the attack.
            actor = _unidentified_attackers(token, recipient, finder,
                                            passive_subject if subject is None else subject)
        if not actor and trigger.type == "PROTEST" and (
                token.pos_ in ("NOUN", "PROPN") or (subject is not None and subject.lemma_.lower() in CROWDS)):
            # "Hundreds rallied in Kathmandu": a crowd counted, not named, of that place.
            actor = _protesters_where(token, finder)
        if not actor and passive_subject is not None and agent is None:
            actor = _implied_authorities(trigger, recipient, token, finder)
        if not actor:
            continue
        recipient = _locate_defaulted(recipient, token, finder) or recipient
        if trigger.together and recipient:
            # A phone call has no host and a pact is signed by both: every party acts.
            actor, recipient = actor + recipient, ()
        elif not recipient and not trigger.symmetric and not trigger.together:
            recipient = _domestic_recipient(trigger.type, actor, token, finder)
        event_type = trigger.type
        if trigger.joint and len({a.country for a in actor}) > 1 and not recipient:
            event_type = trigger.joint
        mode = trigger.mode if event_type == trigger.type else None
        event_type, mode = _retype(event_type, mode, actor, token)
        if event_type == "THREATEN" and trigger.type != "THREATEN" and not recipient:
            recipient = finder.condition_subject(token, actor)
        if event_type == "CONSULT" and trigger.symmetric and mode in (None, "multilateral"):
            actor, recipient = _host_and_visitors(actor, recipient, token, finder)
            # "I can talk for everyone", "we have talked it over": one party talking with
            # no one named is no consultation.
            if token.pos_ == "VERB" and len(actor) == 1 and not recipient and not any(
                    c.dep_ in ("prep", "dobj") and (c.dep_ == "dobj" or c.lower_ in ("with", "to"))
                    for c in token.children):
                continue
        if trigger.needs_effect:
            token = token.head        # "the ceasefire took effect": the clause is the event
        start, end = evidence_span(token, subject if token.pos_ != "NOUN" else None)
        doc = token.doc
        events.append(Event(
            type=event_type, mode=mode,
            actor=actor, recipient=recipient if not (trigger.symmetric and len(actor) > 1
                                                     and event_type != "CONSULT") else (),
            evidence=Evidence(doc_text(doc)[start:end], start, end),
            trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token),
            confidence=0.6 if recipient else 0.4))
    return _one_protest_per_crowd(events, sent)


def _one_protest_per_crowd(events: list[Event], sent: Span) -> list[Event]:
    """ "Students blocked roads and burned tyres to protest the fee hike": the acts a crowd
    joins, and their purpose, are one protest (told by its first verb)."""
    tokens = [trigger_token(sent.doc, event) for event in events]
    by_token = {token.i: event for event, token in zip(events, tokens) if token is not None}
    kept = []
    for event, token in zip(events, tokens):
        outer = by_token.get(token.head.i) if token is not None and token.head.i != token.i else None
        if outer is not None and outer is not event and event.type == outer.type == "PROTEST" \
                and token.dep_ in ("conj", "advcl", "xcomp") \
                and {a.name for a in event.actor} == {a.name for a in outer.actor}:
            continue
        kept.append(event)
    return kept


def _host_and_visitors(actor: tuple[Actor, ...], recipient: tuple[Actor, ...], token: Token,
                       finder: ArgumentFinder) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Where a meeting of one party with another takes place decides its direction
    (GUIDELINES.md): in one party's country that party hosts (the recipient) and the
    other visits; in a third country both are actors and there is no recipient. Parties
    named together as the subject ("A and B held talks") stay joint actors."""
    parties = actor + recipient
    countries = {a.country for a in parties}
    if not actor or not recipient or len(countries) < 2 or None in countries or "IGO" in countries:
        return actor, recipient
    where = _place_country(token, finder)
    if where is None:
        return actor, recipient
    hosts = tuple(a for a in parties if a.country == where)
    if hosts and len(hosts) < len(parties):
        return tuple(a for a in parties if a.country != where), hosts
    if not hosts:
        return parties, ()
    return actor, recipient


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
            if span is not None and not finder.other_party_in_sentence(span.root, event.actor) \
                    and not _addressed_abroad(span.root):
                event = replace(event, recipient=(
                    Actor(name="domestic counterpart", country=next(iter(countries)), sector=None),))
        addressed.append(event)
    return addressed


# Acts only a state does to people, by the verb's lemma, and who in the state does
# them: "was arrested", "was sentenced to six years", "were charged with fraud".
STATE_ACTS = {**dict.fromkeys(("arrest", "detain", "apprehend", "jail", "imprison", "incarcerate",
                               "intern", "round"), "POL"),
              **dict.fromkeys(("sentence", "convict", "fine", "charge", "indict", "prosecute",
                               "acquit"), "JUD"),
              **dict.fromkeys(("deport", "expel", "extradite", "release", "free", "pardon"), "GOV")}


MEASURES = {"curfew", "ban", "restriction", "lockdown", "emergency", "law", "internet", "service",
            "border", "crossing", "airspace", "sanction", "embargo", "blockade", "checkpoint",
            "highway", "access", "network", "website", "broadcast", "channel", "rally", "protest"}
# Measures only a government takes or lifts, said in the passive with no agent.
RESTRICTIONS = {"impose", "declare", "enforce", "suspend", "shut", "close", "seal", "ban", "block",
                "lift", "ease", "relax", "extend", "restore", "cut"}


def _implied_authorities(trigger, recipient: tuple[Actor, ...], token: Token,
                         finder: ArgumentFinder) -> tuple[Actor, ...]:
    """ "A man has been arrested over the stabbing": a state act in the passive with no
    agent was done by the authorities of the country where it happened, the country of
    the people it was done to, or the story's own country, in that order."""
    lemma = token.lemma_.lower()
    subject = first_child(token, ("nsubjpass",))
    if lemma in RESTRICTIONS and trigger.type in ("COERCE", "CONCEDE", "SANCTION") and not recipient \
            and subject is not None and subject.lemma_.lower() in MEASURES:
        # "A curfew was imposed in Leh", "internet services were suspended": only a
        # government imposes or lifts such measures, where they took effect.
        country = _place_country(token, finder) or finder.resolver.home
        return (Actor(name="authorities", country=country, sector="GOV"),) if country else ()
    sector = STATE_ACTS.get(lemma)
    if sector is None or not recipient or not all(r.sector in (None, "CVL", "OPP", "MED", "BUS", "NGO",
                                                               "GOV", "REB", "LEG")
                                                   for r in recipient):
        return ()
    country = _place_country(token, finder)
    if country is None:
        countries = {r.country for r in recipient if r.country and r.country != "IGO"}
        country = next(iter(countries)) if len(countries) == 1 else finder.resolver.home
    if country is None:
        return ()
    return (Actor(name="authorities", country=country, sector=sector),)


def _locate_described(actor: tuple[Actor, ...], trigger: Token,
                      finder: ArgumentFinder) -> tuple[Actor, ...]:
    """A group the text gives no country ("police", "gunmen", "the ministry") acting
    somewhere its sentence names belongs to that place's country, not to the story's
    home country by default."""
    where = _place_country(trigger, finder)
    home = finder.resolver.home
    if where is None or where == home:
        return actor
    return tuple(replace(a, country=where) if a.country == home else a for a in actor)


def _place_country(trigger: Token, finder: ArgumentFinder) -> str | None:
    """The country of the place a locative phrase of the trigger's sentence names
    ("in the city of Kolkata"), its own clause first."""
    clause = clause_tokens(trigger)
    for token in clause + [t for t in trigger.sent if t not in clause]:
        place = finder.resolver.place_at.get(token.i)
        mention = finder.resolver.by_token.get(token.i)
        if place is not None and place.country and not (mention is not None and mention.kind == "demonym") \
                and _in_locative_phrase(token):
            return place.country
    return None


def _headline_subject(verb: Token) -> Token | None:
    """ "Three soldiers killed in ambush": a headline drops "were"; the participle hangs
    on the sentence's only noun phrase, its passive subject (attacks only: a caption
    "freed from prison, Baku, May 2" is no report)."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.dep_ == "ROOT" \
            and head.pos_ in ("NOUN", "NUM", "PROPN") and not any(c.dep_ in ("agent", "dobj") for c in verb.children):
        return head
    return None


def _joined_agent(verb: Token) -> Token | None:
    """ "was shot and killed by gunmen": the agent of joined passives hangs on the last."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            return agent_token(conj)
    return None


def _unidentified_attackers(token: Token, recipient: tuple[Actor, ...], finder: ArgumentFinder,
                            subject: Token | None = None) -> tuple[Actor, ...]:
    """ "Three civilians were killed in a car bombing in Baghdad", "a roadside bomb hit a
    convoy": an attack in a main clause whose victims are named, or whose weapon is its
    subject, but not its perpetrators is still an attack, by unidentified attackers of the
    place it names (or of the story's country)."""
    # "A bomb exploded near a market in Quetta, killing four people": the weapon's blast
    # spelled out by a participle is the attack too.
    by_weapon = (token.dep_ == "advcl" and token.tag_ == "VBG" and any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in WEAPONS or weapon_word(c) is not None)
        for c in token.head.children))
    # "a grenade was hurled": a weapon thrown or planted, not any weapon in the passive
    # ("missiles were delivered").
    weapon = weapon_word(subject) is not None and (
        subject.dep_ != "nsubjpass" or token.lemma_.lower() in PLANTED)
    # "The civil war has killed 9,000 people": a conflict's toll is no one attack.
    if subject is not None and subject.lemma_.lower() in WARS:
        return ()
    counted = _counted_victims(token)
    told = (token.dep_ in ("ROOT", "ccomp", "conj") or by_weapon or weapon or _leaves_casualties(token)
            or _headline_subject(token) is not None)
    if not (recipient or weapon or (counted and _headline_subject(token) is not None)) or not told:
        return ()
    for child in token.sent:
        place = finder.resolver.place_at.get(child.i)
        mention = finder.resolver.by_token.get(child.i)
        if place is not None and place.country and not (mention is not None and mention.kind == "demonym") \
                and _in_locative_phrase(child):
            return (Actor(name=UNIDENTIFIED, country=place.country, sector=None),)
    # With no place named, only a report of one attack: its victims counted ("killing two
    # soldiers"), its weapon going off or thrown ("an IED hit the patrol", "a grenade was
    # hurled into the bar"), told as done once; not a toll ("has killed thousands",
    # "missiles destroyed the bridge").
    went_off = weapon and (token.lemma_.lower() in WEAPON_VERBS or subject.dep_ == "nsubjpass")
    if _perfect(token) or not (went_off or by_weapon or counted):
        return ()
    return (Actor(name=UNIDENTIFIED, country=finder.resolver.home, sector=None),)


# A weapon thrown or planted by hand: "a grenade was lobbed", "a bomb was planted".
PLANTED = {"throw", "hurl", "lob", "toss", "plant", "hide", "detonate", "explode", "set"}
COUNT_WORDS = {"dozens", "scores", "hundreds", "several"}


def _counted_victims(token: Token) -> bool:
    """ "killed at least 15 civilians", "two soldiers were wounded"."""
    victims = first_child(token, ("dobj", "nsubjpass")) or _headline_subject(token)
    if victims is None:
        return False
    return victims.tag_ == "CD" or victims.lower_ in COUNT_WORDS or any(
        c.dep_ in ("nummod", "quantmod") and (c.tag_ == "CD" or c.lower_ in COUNT_WORDS)
        for c in victims.children)


def _perfect(token: Token) -> bool:
    """ "has killed", "had been wounded": a toll or background, not the report's event."""
    verb = token.head if token.dep_ == "advcl" and token.tag_ == "VBG" else token
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _leaves_casualties(token: Token) -> bool:
    """ "A shooting spree at a market left five dead": an attack noun whose clause counts
    the dead or wounded is told as having happened."""
    if token.dep_ != "nsubj" or token.pos_ != "NOUN":
        return False
    verb = token.head
    return any(t.lower_ in CASUALTY_WORDS and t.i > token.i and t not in token.subtree
               for t in verb.subtree)


def _victims_where(token: Token, finder: ArgumentFinder) -> tuple[Actor, ...]:
    """The unnamed dead of an attack are people of the place it happened."""
    country = _place_country(token, finder)
    return (Actor(name="civilians", country=country, sector="CVL"),) if country else ()


def _protesters_where(token: Token, finder: ArgumentFinder) -> tuple[Actor, ...]:
    """ "Protests in Lima continued", "rioting broke out in several Kenyan towns": a protest
    told by its noun with no named protesters is by people of the place it names."""
    for child in token.sent:
        if not _in_locative_phrase(child):
            continue
        place = finder.resolver.place_at.get(child.i)
        mention = finder.resolver.by_token.get(child.i)
        country = place.country if place is not None else None
        if mention is not None and mention.kind == "demonym" and mention.actor is not None:
            country = mention.actor.country          # "in several Kenyan towns"
        if country and country != "IGO":
            return (Actor(name="protesters", country=country, sector="CVL"),)
    # "Violent protests broke out in several towns": a protest told breaking out, no place
    # country named, is by people of the story's country.
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and not refers_to_told(token) \
            and _breaks_out(token.head) and not _perfect(token.head):
        return (Actor(name="protesters", country=finder.resolver.home, sector="CVL"),)
    return ()


def _breaks_out(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ("break", "flare"):
        return any(c.lower_ == "out" or c.lower_ == "up" for c in verb.children)
    return lemma in ("erupt", "spread", "rage", "sweep", "grip", "rock")


def _in_locative_phrase(token: Token) -> bool:
    """ "near the town of Samarra", "in a residential sector of east Beirut"."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" or ancestor.pos_ == "ADP":
            if ancestor.lower_ in LOCATIVE_PREPOSITIONS:
                return True
            if ancestor.lower_ != "of":
                return False
        elif ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _locate_defaulted(recipient: tuple[Actor, ...], trigger: Token,
                      finder: "ArgumentFinder") -> tuple[Actor, ...]:
    """People the text gives no country ("killed eight people") belong where the event
    happened ("in Afghanistan's Paktika province", "aimed at Kyiv"), not to the home country."""
    resolver = finder.resolver
    if not recipient or not any(t.i in resolver.defaulted for t in trigger.subtree):
        return ()
    # The trigger's own clause first, then the rest of the sentence ("airstrikes in
    # Afghanistan's Paktika province killed ...", "missiles aimed at Kyiv injured ...").
    clause = clause_tokens(trigger)
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


def _retype(event_type: str, mode: str | None, actor: tuple[Actor, ...],
            token: Token) -> tuple[str, str | None]:
    # Civilians who block roads or set fires are protesting, not coercing or assaulting;
    # one person who stabs or shoots is committing a crime, no protest.
    if event_type == "COERCE" and actor and all(
            a.sector in CIVILIAN_SECTORS and a.name.split()[-1].lower() not in ONE_PERSON for a in actor):
        return "PROTEST", "obstruct"
    # A crowd's violence is rioting ("villagers torched cars"); men, gunmen or robbers who
    # attack someone commit an assault.
    if event_type == "ASSAULT" and actor and all(
            a.sector in CIVILIAN_SECTORS and a.name.split()[-1].lower() not in NOT_RIOTERS
            for a in actor):
        return "PROTEST", "riot"
    # "Turkey protested to Greece": a state's protest is a diplomatic complaint.
    if event_type == "PROTEST" and token.lemma_.lower() == "protest" and actor and all(
            a.sector == "GOV" for a in actor):
        return "ACCUSE", "disapprove"
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
    between = pobj(token, "between")
    if between is None and token.dep_ == "nsubj":
        # "Clashes broke out between police and protesters": the phrase may hang on the verb.
        between = pobj(token.head, "between")
    if between is not None:
        return finder.resolver.actors_for(between), (), None
    owner = possessor(token)
    if owner is not None:
        actor = finder.resolver.actors_for(owner)
    by = pobj(token, "by")
    if not actor and by is not None:
        actor = finder.actors(by)
    if not actor:
        actor = finder.modifier_party(token)
    if not actor and trigger.type in ("AID", "MOBILIZE"):
        of = pobj(token, "of")
        if of is not None:
            actor = tuple(a for a in finder.actors(of) if a.country)
    # "fired tear gas at protests by Muslim groups": a noun that names its own doers,
    # even ones no country is known for, is not done by its verb's subject.
    if not actor and by is None and owner is None:
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if head.pos_ in ("VERB", "AUX") and token.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            subject = subject_token(head)
            actor = finder.actors(subject)
    recipient = finder.recipient(found, actor)
    return actor, recipient, subject


def _reacts_to_earlier_event(event: Event, doc: Doc) -> bool:
    """ "condemned the killings", "hailed the decision", "called the raid ...": the
    object is an earlier event that names no party of its own."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or span.root.pos_ != "VERB":
        return False
    obj = first_child(span.root, ("dobj",))
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
    finder = ArgumentFinder(resolver)
    for sent in parsed_sentences(doc):
        found = extract_sentence_events(sent, resolver, lexicon, told)
        judged = judgement_events(sent, finder, found)
        events.extend(found + judged + obligation_events(sent, finder, found + judged))
    return address_at_home(link_reactions(events, doc), doc, ArgumentFinder(resolver))


def judgement_events(sent: Span, finder: ArgumentFinder, coded: list[Event]) -> list[Event]:
    """ACCUSE events of criticism said as a judgement (nlp/evaluations.py), where the
    sentence holds no criticism or rejection by the same speaker already."""
    events = []
    for judgement in find_judgements(sent):
        actor = finder.actors(judgement.speaker)
        if not actor or any(e.type in ("ACCUSE", "REJECT") and any(
                same_actor(a, b) for a in e.actor for b in actor) for e in coded + events):
            continue
        recipient = next((found for found in (others(finder.actors(t), actor)
                                              for t in judged_parties(judgement.judged)
                                              if _names_party(t, finder)) if found), ())
        if not recipient:
            continue
        speech = judgement.speech
        start, end = evidence_span(speech, judgement.speaker)
        events.append(Event(
            type="ACCUSE", mode="disapprove", actor=actor, recipient=recipient,
            evidence=Evidence(doc_text(sent.doc)[start:end], start, end),
            trigger=speech.text, trigger_start=speech.idx, trigger_end=speech.idx + len(speech),
            confidence=0.4))
    return events


def obligation_events(sent: Span, finder: ArgumentFinder, coded: list[Event]) -> list[Event]:
    """REQUEST events of demands said as obligations ("said Iran must halt enrichment"),
    where the sentence holds no request by the same speaker already."""
    events = []
    for obligation in find_obligations(sent):
        actor = finder.actors(obligation.speaker)
        if not actor or any(e.type == "REQUEST" and any(
                same_actor(a, b) for a in e.actor for b in actor) for e in coded + events):
            continue
        recipient = others(finder.actors(obligation.judged), actor) \
            if _names_party(obligation.judged, finder) else ()
        if not recipient:
            continue        # "we must act", "Tokyo must", said by Japan: no one else is asked
        speech = obligation.speech
        start, end = evidence_span(speech, obligation.speaker)
        events.append(Event(
            type="REQUEST", mode=None, actor=actor, recipient=recipient,
            evidence=Evidence(doc_text(sent.doc)[start:end], start, end),
            trigger=speech.text, trigger_start=speech.idx, trigger_end=speech.idx + len(speech),
            confidence=0.4))
    return events


def _names_party(token: Token, finder: ArgumentFinder) -> bool:
    """A name the actor index knows, or a noun naming a body ("the government"), not a
    thing placed somewhere ("the situation in Sudan")."""
    mention = finder.resolver.by_token.get(token.i)
    if mention is not None:
        return mention.actor is not None
    index = finder.resolver.index
    words = (token.lower_, token.lemma_.lower())
    return token.pos_ in ("NOUN", "PROPN") and any(
        w in index.group_nouns or w in index.institutions for w in words)


class EventCoder:
    name = "events"
    requires = ("parse", "mentions")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc)
        return doc
