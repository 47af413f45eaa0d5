"""Finding event triggers in a sentence: verbs, verb + object phrases and event nouns from
the lexicon, less those that are part of another event (complements of a promise or a
demand, participles spelling out the same act, nouns that are a verb's own argument)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .actor_data import load_index
from .cameo import cameo_trigger, load_cameo
from .lexicon import Lexicon, Trigger
from .syntax import SUBJECT_DEPS, first_child, pobj, subject_token

# Verbal event types whose complement clause describes what is asked, promised,
# threatened or refused, not a second event ("agreed to deploy", "urged ... to let").
ENVELOPING_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "advcl"}
LIGHT_VERBS = {"impose", "announce", "slap", "adopt", "approve", "extend", "expand", "levy", "launch",
               "open", "conduct", "begin", "start", "order", "mount", "keep", "maintain", "enforce",
               "continue", "stage", "resume", "intensify", "escalate", "tighten"}
EFFECT_VERBS = {"begin", "hold", "start"}              # "the truce held"
# Verbs that say an event noun's event is happening: "protests erupted", "riots spread".
HAPPENING_VERBS = {"erupt", "spread", "continue", "sweep", "rock", "grip", "resume", "flare",
                   "escalate", "intensify", "rage", "paralyse", "paralyze", "engulf", "shake",
                   "spill", "disrupt", "enter", "persist", "hit", "turn", "gather", "assemble",
                   "converge", "congregate", "open", "mass"}
# "weeks of protests", "a wave of strikes": the span says the event went on.
SPAN_NOUNS = {"day", "week", "month", "night", "year", "hour", "wave", "series", "spate", "string",
              "round", "outbreak", "surge", "campaign", "season"}
EFFECT_PHRASES = {"take", "go", "come", "enter"}        # "took effect", "came into force"
READINESS = {"ready", "willing", "prepared"}
PROMISED_TYPES = {"AID", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE"}
READY_TO_COOPERATE = Trigger(type="AGREE", recipient=("xcomp_object",))
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Material acts done "jointly" are cooperation between the doers (CAMEO 06).
JOINT_ACTION = Trigger(type="COOPERATE", symmetric=True, recipient=("with",))
# "Thousands of protesters gathered outside parliament": protesters who gather, camp or
# converge somewhere are protesting.
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "marcher", "striker", "rioter",
                   "picketer"}
GATHERING_VERBS = {"gather", "assemble", "converge", "congregate", "mass", "flock", "throng",
                   "camp", "descend", "chant", "swarm"}
CROWD_PROTEST = Trigger(type="PROTEST", mode="demo", recipient=("against", "outside"))
JOINT_MATERIAL = {"AID", "MOBILIZE", "COOPERATE"}
# Weapons told as the subject of an attack: "a roadside bomb hit the convoy", "mortar shells
# killed two children".
WEAPON_NOUNS = {"bomb", "explosive", "ied", "mine", "landmine", "grenade", "rocket", "missile",
                "shell", "mortar", "projectile", "artillery", "drone", "device", "shrapnel"}
# Head nouns whose weapon is their modifier: "artillery fire", "a bomb blast".
WEAPON_HEADS = {"fire", "round", "blast", "explosion", "barrage", "salvo", "attack", "strike"}
# Verbs saying a weapon went off or struck ("an IED hit the patrol").
WEAPON_VERBS = {"explode", "detonate", "go", "land", "hit", "slam", "rip", "tear"}
SAYING_VERBS = {"say", "announce", "state", "declare", "issue", "express", "tell", "note", "stress",
                "propose", "publish", "write", "sign", "claim", "report", "call", "urge", "ask"}


@dataclass(frozen=True)
class Found:
    token: Token
    trigger: Trigger
    object_token: Token | None = None    # the object of a verb + object phrase


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Found]:
    found: list[Found] = []
    consumed: set[int] = set()
    cameo = load_cameo()
    backoff: list[Found] = []
    for token in sent:
        if token.dep_ in ("amod", "compound") and token.tag_ in ("VBG", "VBN") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
            # A participle naming its noun by what it does: "striking doctors", "protesting
            # farmers". Others only describe ("the invading forces", "the opposing parties").
            trigger = lexicon.modifiers.get(token.lower_)
            if trigger is not None and token.head.pos_ in ("NOUN", "PROPN"):
                found.append(Found(token, trigger))
            continue
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit = _phrase_hit(token, lexicon)
            lemma = lexicon.verb_lemma(token.lower_, token.lemma_)
            trigger = lexicon.verbs.get(lemma)
            if hit is None and trigger is not None and _verb_conditions_hold(token, trigger):
                hit = Found(token, trigger)
            if _done_jointly(token) and (hit is None or hit.trigger.type in JOINT_MATERIAL):
                # "jointly produced shells", "will jointly patrol the border"
                hit = Found(token, JOINT_ACTION)
            if hit is None and token.lemma_.lower() in GATHERING_VERBS and _protesters_act(token):
                hit = Found(token, CROWD_PROTEST)
            if hit is None and token.lemma_.lower() == "leave":
                hit = _attack_leaving_casualties(token, lexicon)
            if hit is not None:
                found.append(hit)
                if hit.object_token is not None:
                    consumed.add(hit.object_token.i)
                continue
            if trigger is not None and _excluded(token, trigger):
                continue        # "a fire killed nine workers": no sense of the verb applies
            # The project's lexicon first; then the CAMEO dictionary's patterns, and its
            # default senses only for verbs the project's lexicon does not know.
            trigger = cameo_trigger(token, cameo, patterns_only=lemma in lexicon.verbs)
            if trigger is not None and token.pos_ == "VERB":
                backoff.append(Found(token, trigger))
    # The CAMEO dictionary's senses are many and broad: they speak only where the
    # project's lexicon finds nothing in the sentence.
    if not found:
        found = backoff
    for token in sent:
        # "France is ready to contribute troops": readiness to cooperate is a promise.
        if token.lower_ in READINESS and token.dep_ in ("acomp", "oprd", "amod") and any(
                c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
            inner = next(c for c in token.children if c.dep_ == "xcomp")
            inner_trigger = lexicon.verbs.get(inner.lemma_.lower())
            if inner_trigger is None or inner_trigger.type in PROMISED_TYPES:
                found.append(Found(token, READY_TO_COOPERATE))
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        trigger = noun_trigger(token, lexicon)
        if trigger is None or (token.i in consumed and not (
                trigger.type == "PROTEST" and _names_crowd(token))):
            # "broke up a demonstration": the phrase's object, unless the protest names its
            # own crowd ("a demonstration by students") and so took place.
            continue
        # "protests by farmers", "riots in Dakar": a prepositional phrase naming the
        # event's parties or place says it took place, as a verb would.
        if trigger.or_with and _names_parties_or_place(token, trigger.or_with):
            # Told by the noun itself, not put into effect by its verb.
            trigger = replace(trigger, needs_effect=False, needs_light_verb=False)
        if trigger.needs_effect and _in_span(token):
            trigger = replace(trigger, needs_effect=False)   # "weeks of protests": told by the noun
        if trigger.needs_effect and not _takes_effect(token):
            continue
        if trigger.needs_light_verb and token.head.lemma_.lower() not in LIGHT_VERBS:
            continue
        if _refers_back(token, trigger):
            continue
        found.append(Found(token, trigger))
    found = [f for f in found if not (f.trigger.type == "CONSULT" and _briefs_the_press(f.token))]
    found = [f for f in found if not _asked_or_offered(f.token)]
    return _drop_conditions(_drop_elaborations(_drop_enveloped(_drop_argument_nouns(_drop_weapon_retold(found)))))


def _drop_weapon_retold(found: list[Found]) -> list[Found]:
    """ "Rockets fired by the militia hit the town": the participle on the weapon tells the
    attack and its doer; the weapon's impact is the same attack."""
    fired = {f.token.i for f in found if f.token.dep_ == "acl" and f.trigger.type == "ASSAULT"}
    kept = []
    for item in found:
        subject = first_child(item.token, ("nsubj", "nsubjpass"))
        if item.trigger.type == "ASSAULT" and weapon_word(subject) is not None and any(
                c.i in fired for c in subject.children):
            continue
        kept.append(item)
    return kept


# Nouns whose "to ..." clause is what someone asks, proposes or tries, not what was done.
UNREALISED_NOUNS = {"request", "demand", "call", "appeal", "plea", "proposal", "suggestion", "offer",
                    "bid", "attempt", "effort", "push", "pressure", "ultimatum", "motion", "petition",
                    "idea", "invitation", "urge", "campaign", "drive", "move"}


def _asked_or_offered(token: Token) -> bool:
    """ "rejected Bolivia's request to reopen the border", "ignored calls to impose
    sanctions": the act a request or proposal names has not happened."""
    if token.pos_ != "VERB":
        return False
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    if token.dep_ == "acl":
        return token.head.lemma_.lower() in UNREALISED_NOUNS
    # The parser often hangs the clause on the verb instead ("ignored calls to impose").
    before = token.doc[to.i - 1] if to.i > 0 else None
    return token.dep_ == "advcl" and before is not None and before.pos_ == "NOUN" \
        and before.lemma_.lower() in UNREALISED_NOUNS and before.head.i == token.head.i


BRIEFINGS = {"conference", "briefing", "availability"}


def _briefs_the_press(token: Token) -> bool:
    """ "held a news conference", "the press conference": speaking to reporters consults
    no party."""
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(n.lemma_.lower() in BRIEFINGS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("news", "press", "media") for c in n.children)
        for n in nouns)


CASUALTY_WORDS = {"dead", "injured", "wounded", "killed", "hurt"}


def _attack_leaving_casualties(verb: Token, lexicon: Lexicon) -> Found | None:
    """ "The bombing left 12 people dead": an attack noun that leaves casualties is told
    as having happened, by its verb."""
    subject = first_child(verb, ("nsubj",))
    if subject is None or not any(t.lower_ in CASUALTY_WORDS for t in verb.subtree if t.i > verb.i):
        return None
    # "a shooting spree", "a knife rampage": the attack word may be the modifier.
    nouns = [subject] + [c for c in subject.children if c.dep_ in ("compound", "amod")]
    triggers = (noun_trigger(noun, lexicon) for noun in nouns)
    trigger = next((t for t in triggers if t is not None and t.type == "ASSAULT"), None)
    # Only where the noun alone would be read as a mention of an earlier event ("the
    # bombing"); otherwise the noun tells the attack itself.
    if trigger is None or not _refers_back(subject, trigger):
        return None
    return Found(verb, replace(trigger, recipient=("dobj",), needs_effect=False, needs_light_verb=False))


def weapon_word(noun: Token | None) -> str | None:
    """The weapon a noun names: "a roadside bomb", "mortar shells", "artillery fire"."""
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    if lemma in WEAPON_NOUNS:
        return lemma
    # "a bomb blast", not "a gas explosion".
    if lemma in WEAPON_HEADS:
        return next((c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")
                     and c.lemma_.lower() in WEAPON_NOUNS), None)
    return None


def _protesters_act(verb: Token) -> bool:
    subject = first_child(verb, ("nsubj",))
    if subject is None:
        return False
    counted = pobj(subject, "of")          # "thousands of protesters"
    return any(t is not None and t.lemma_.lower() in PROTESTER_NOUNS for t in (subject, counted))


def _drop_conditions(found: list[Found]) -> list[Found]:
    """ "warned it would retaliate if the United States struck again": the condition of
    another event is no event of its own."""
    heads = {f.token.i for f in found}
    return [f for f in found if not (
        f.token.dep_ == "advcl" and f.token.head.i in heads
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in f.token.children))]


def _done_jointly(token: Token) -> bool:
    if not any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in token.children):
        return False
    # Only an act: "jointly condemned" stays a condemnation (the lexicon speaks first),
    # "jointly announced" says something.
    return token.pos_ == "VERB" and token.lemma_.lower() not in SAYING_VERBS


def _verb_conditions_hold(token: Token, trigger: Trigger) -> bool:
    """The conditions a lexicon verb entry puts on its sentence."""
    if trigger.requires_xcomp and not _has_complement(token, trigger.requires_xcomp):
        return False
    if trigger.needs_prep and not _has_prep(token, trigger.needs_prep):
        return False
    if trigger.needs_particle and not _has_particle(token, trigger.needs_particle):
        return False
    if trigger.needs_object and not any(
            w in trigger.needs_object for w, _ in _object_words(token)):
        return False
    if trigger.needs_person_object and not _has_party_object(token):
        return False
    if trigger.party_object_only and first_child(token, ("dobj", "nsubjpass")) is not None \
            and not _has_party_object(token):
        return False
    # "a statement released by his team": the noun a participle describes is its object.
    if trigger.party_object_only and token.dep_ == "acl" and token.tag_ == "VBN" \
            and not is_party(token.head):
        return False
    return not _excluded(token, trigger)


def _has_complement(token: Token, lemmas: tuple[str, ...]) -> bool:
    """A "to ..." clause headed by one of these verbs: "called on X to withdraw"."""
    return any(c.dep_ in ("xcomp", "ccomp") and (c.lemma_.lower() in lemmas or any(
        g.dep_ in ("xcomp", "ccomp", "conj", "advcl") and g.lemma_.lower() in lemmas for g in c.subtree))
        for c in token.children)


def _has_particle(token: Token, words: tuple[str, ...]) -> bool:
    # The parser often makes a particle a preposition: "pulled out of El Fasher".
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in words
               and (c.dep_ != "prep" or not any(g.dep_ == "pobj" for g in c.children)
                    or any(g.dep_ == "prep" for g in c.children))
               for c in token.children)


def _refers_back(token: Token, trigger: Trigger) -> bool:
    """ "the meeting", "the arms transfers", "this week's talks": a definite event noun
    names an event told elsewhere, unless a verb puts it into effect ("the ceasefire took
    effect", "launched the offensive")."""
    if trigger.needs_effect or trigger.needs_light_verb:
        return False
    # "the summit opened in Johannesburg", "the visit by a delegation": a noun told happening
    # or naming its own doer is no back-reference ("the talks between X and Y" often is).
    if _takes_effect(token) or any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children):
        return False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in token.children)
    return definite


def refers_to_told(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _takes_effect(token: Token) -> bool:
    head = token.head
    lemma = head.lemma_.lower()
    if _in_span(token):
        return True
    if token.dep_ not in ("nsubj", "nsubjpass") and lemma not in ("declare", "announce"):
        return False
    if lemma in EFFECT_VERBS:
        return True
    if token.dep_ == "nsubj" and _happening(head):
        return True
    return lemma in EFFECT_PHRASES and any(
        t.lower_ in ("effect", "force") for t in head.subtree if t.i > head.i)


def _in_span(token: Token) -> bool:
    """ "weeks of protests", "a wave of strikes"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SPAN_NOUNS


def _happening(verb: Token) -> bool:
    """ "erupted", "spread", "broke out", "took place"."""
    lemma = verb.lemma_.lower()
    if lemma in ("break", "take"):
        return any(c.lower_ == ("out" if lemma == "break" else "place") for c in verb.children)
    return lemma in HAPPENING_VERBS


def _has_party_object(token: Token) -> bool:
    # In the passive the object is the subject: "three suspects were charged".
    obj = first_child(token, ("dobj",)) or first_child(token, ("nsubjpass",))
    return obj is not None and is_party(obj)


def is_party(obj: Token) -> bool:
    # A people or group noun ("hostages", "troops", "protesters") names a party too.
    return (obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or obj.pos_ in ("PROPN", "PRON")
            or any(c.ent_type_ in ("PERSON", "NORP", "GPE") for c in _noun_phrase(obj))
            or obj.lower_ in load_index().group_nouns or obj.lemma_.lower() in load_index().group_nouns)


def _noun_phrase(noun: Token) -> list[Token]:
    """The noun's own words, not those of phrases hung on it ("a conference with the
    German chancellor" names no party as its head)."""
    words, stack = [], [noun]
    while stack:
        current = stack.pop()
        words.append(current)
        stack.extend(c for c in current.children if c.dep_ not in ("prep", "relcl", "acl"))
    return words


def noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            joined = f"{child.lemma_.lower()} {lemma}"
            if joined in lexicon.nouns:
                return lexicon.nouns[joined]
            joined = f"{child.lower_} {lemma}"
            if joined in lexicon.nouns:
                return lexicon.nouns[joined]
    return lexicon.nouns.get(lemma)


# How closely a word is tied to the verb, for phrase precedence: its object (and the
# object's modifiers) over a prepositional object of the verb over a particle or a
# word further down ("withdrew the bill on NGOs" is about the bill).
OBJECT, PREPOSITIONAL, LOOSE = 3, 2, 1
ANY_OBJECT = "*"
QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "batch",
                  "handful", "couple", "pair", "team", "convoy", "fleet", "contingent", "wave",
                  "plenty", "lot", "tens", "hundreds", "thousands", "dozens", "millions", "member"}


def _object_words(token: Token, deep: bool = False) -> list[tuple[str, Token]]:
    return [(word, carrier) for word, carrier, _ in _ranked_object_words(token, deep)]


def _ranked_object_words(token: Token, deep: bool = False) -> list[tuple[str, Token, int]]:
    words: list[tuple[str, Token, int]] = []
    for child in token.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "dative"):
            counted = pobj(child, "of") if child.lemma_.lower() in QUANTITY_NOUNS | SPAN_NOUNS else None
            if counted is not None:
                # "took in thousands of refugees": the people counted are the object;
                # "launched ten days of war games": so is what went on for that long.
                words.append((counted.lemma_.lower(), counted, OBJECT))
                words.append((counted.lower_, counted, OBJECT))
                for sub in counted.children:
                    if sub.dep_ in ("compound", "amod"):
                        words.append((f"{sub.lemma_.lower()} {counted.lemma_.lower()}", counted, OBJECT))
            words.append((child.lemma_.lower(), child, OBJECT))
            words.append((child.lower_, child, OBJECT))
            compounds = [t.lower_ for t in child.subtree if t.i < child.i and t.dep_ == "compound"]
            if len(compounds) > 1 or (compounds and child.lemma_.lower() in QUANTITY_NOUNS):
                words.append((" ".join(compounds), child, OBJECT))     # "National Guard members"
            for sub in child.children:
                if sub.dep_ in ("compound", "amod"):
                    words.append((f"{sub.lemma_.lower()} {child.lemma_.lower()}", child, OBJECT))
                if sub.dep_ == "prep":
                    for obj in sub.children:
                        words.append((f"{child.lower_} {sub.lower_} {obj.lower_}", child, LOOSE))
                        words.append((obj.lemma_.lower(), obj, LOOSE))
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ == "VERB":
            # "allowed the convoy to cross", "ordered the diplomats to leave": the verb's
            # object is parsed as the subject of its complement.
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass") and sub.i < child.i:
                    words.append((sub.lemma_.lower(), sub, OBJECT))
                    words.append((sub.lower_, sub, OBJECT))
                    for mod in sub.children:
                        if mod.dep_ in ("compound", "amod"):
                            words.append((f"{mod.lemma_.lower()} {sub.lemma_.lower()}", sub, OBJECT))
        if child.dep_ in ("prt", "advmod", "acomp") or (
                child.dep_ in ("ccomp", "xcomp", "oprd") and child.pos_ == "ADJ"):
            # "called off", "knocked offline", "worked together", "found guilty"
            words.append((child.lemma_.lower(), child, LOOSE))
            words.append((child.lower_, child, LOOSE))
        if child.dep_ == "prep":
            after = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if after is not None and after.pos_ == "NOUN" and after.dep_ != "pobj" \
                    and after in child.subtree:
                # "went on strike demanding wages": the parser may hang the noun right after
                # the preposition deeper than its object.
                words.append((after.lemma_.lower(), after, PREPOSITIONAL))
            # "pulled out of the district": the object of a preposition after a particle.
            nested = [g for c in child.children if c.dep_ == "prep" and child.lower_ in ("out", "away")
                      for g in c.children]
            for obj in [*child.children, *nested]:
                if obj.dep_ == "pobj":
                    words.append((obj.lemma_.lower(), obj, PREPOSITIONAL))
                    for sub in obj.children:
                        if sub.dep_ in ("compound", "amod"):
                            words.append((f"{sub.lemma_.lower()} {obj.lemma_.lower()}", obj, PREPOSITIONAL))
        if deep and (child.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "attr") or (
                child.dep_ == "prep" and child.lower_ == "as")):
            # "called the raid an authoritarian act", "labeled China a hostile force"
            for sub in child.subtree:
                if sub.pos_ in ("ADJ", "NOUN"):
                    words.append((sub.lemma_.lower(), child, PREPOSITIONAL))
            tokens = [t.lower_ for t in child.subtree]
            for size in (3, 2):
                for i in range(len(tokens) - size + 1):
                    words.append((" ".join(tokens[i:i + size]), child, PREPOSITIONAL))
    # Passive phrases: "sanctions were imposed on ..." put the object in the subject.
    if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
        words.append((token.head.lemma_.lower(), token.head, OBJECT))
    return words


def _phrase_hit(token: Token, lexicon: Lexicon) -> Found | None:
    """The phrase entry that fits the verb's words most closely. Precedence is a property
    of the entry and of the match, never of file order: an explicit `priority` first; then
    how closely the matched word is tied to the verb; then the longer object ("air
    strike" over "strike"); then an entry whose extra condition holds ("launched strikes
    on ..." is an attack, not a labour strike; "called off the strike" is no strike)."""
    lemma = lexicon.verb_lemma(token.lower_, token.lemma_)
    best: Found | None = None
    best_key: tuple[int, ...] | None = None
    words: list[tuple[str, Token, int]] | None = None
    deep_words: list[tuple[str, Token, int]] | None = None
    for phrase in lexicon.phrases_for(lemma):
        trigger = phrase.trigger
        if trigger.via_predicate:
            if deep_words is None:
                deep_words = _ranked_object_words(token, deep=True)
            candidates = deep_words
        else:
            if words is None:
                words = _ranked_object_words(token)
            candidates = words
        if trigger.via_for:
            # "called for an investigation": the object is the one after "for"/"on".
            candidates = [w for w in candidates if w[1].dep_ == "pobj" and w[1].head.dep_ == "prep"
                          and w[1].head.head.i == token.i and w[1].head.lower_ in ("for", "on")]
        matched = [(rank, len(word.split()), carrier) for word, carrier, rank in candidates
                   if word in phrase.objects and (rank == OBJECT or not trigger.direct_object)]
        if not matched and ANY_OBJECT in phrase.objects and (trigger.via_for or trigger.requires_xcomp):
            # "called for the embassy to be closed", "allowed the convoy to cross": the
            # condition says it all; any object but a date ("called on Tuesday") will do.
            matched = [(LOOSE, 0, carrier) for _, carrier, _ in candidates
                       if carrier.ent_type_ not in ("DATE", "TIME")]
            if not candidates or (trigger.requires_xcomp and not trigger.via_for):
                matched = matched or [(LOOSE, 0, token)]
        if not matched or not _phrase_conditions_hold(token, trigger):
            continue
        rank, size, carrier = max(matched, key=lambda m: (m[0], m[1]))
        conditions = int(trigger.via_predicate or trigger.via_for or bool(trigger.needs_prep)
                         or bool(trigger.needs_particle) or bool(trigger.requires_xcomp)
                         or trigger.direct_object)
        key = (trigger.priority, rank, size, conditions)
        if best_key is None or key > best_key:
            best_key = key
            # A guest received is a party, not the phrase's object word ("received the envoy").
            # An object word naming people acted on ("freed the engineer") stays their mention.
            best = Found(token, trigger, None if trigger.via_predicate or trigger.reverse
                         or trigger.object_is_party else carrier)
    return best


def _phrase_conditions_hold(token: Token, trigger: Trigger) -> bool:
    if trigger.via_predicate and not _has_predicate(token):
        return False
    if trigger.via_for and not _asks_for(token):
        return False
    if trigger.needs_prep and not _has_prep(token, trigger.needs_prep):
        return False
    if trigger.needs_particle and not _has_particle(token, trigger.needs_particle):
        return False
    if trigger.requires_xcomp and not _has_complement(token, trigger.requires_xcomp):
        return False
    return not _excluded(token, trigger)


def _asks_for(token: Token) -> bool:
    """ "called for talks", "called on Israel", "called for the embassy to be closed"."""
    return any((c.dep_ == "prep" and c.lower_ in ("for", "on")) or (
        c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
        for c in token.children)


def _has_prep(token: Token, words: tuple[str, ...]) -> bool:
    """A prepositional phrase on the verb or on its object: "launched strikes on ..."."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    return any(c.dep_ == "prep" and c.lower_ in words
               for carrier in [token] + objects for c in carrier.children)


CLAUSE_DEPS = {"conj", "advcl", "parataxis", "relcl", "ccomp", "xcomp", "acl"}


PLACE_NOUNS = {"city", "cities", "capital", "town", "village", "square", "street", "province", "region",
               "state", "country", "district", "area", "camp", "port", "neighbourhood", "neighborhood",
               "campus", "university", "prison", "jail", "north", "south", "east", "west", "centre",
               "center", "county", "suburb", "parliament", "embassy", "consulate", "outskirts"}


def _names_parties_or_place(noun: Token, words: tuple[str, ...]) -> bool:
    """ "protests by farmers", "riots in several cities", "strikes across the country";
    not "a rally in support of ...": "in" must name a place."""
    # "rioting and looting in two provinces": the phrase may close the coordination.
    for child in [c for n in [noun, *noun.conjuncts] for c in n.children]:
        if child.dep_ != "prep" or child.lower_ not in words:
            continue
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if child.lower_ != "in" or any(
                o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in PLACE_NOUNS for o in objects):
            return True
    return False


def _excluded(token: Token, trigger: Trigger) -> bool:
    """ "beat Spain on penalties", "the storm hit the coast", "stormed back": words of the
    trigger's own clause (its subject included, clauses of other verbs not) that say the
    verb means no event."""
    if not trigger.unless:
        return False
    stack = list(token.children)
    while stack:
        current = stack.pop()
        if current.dep_ in CLAUSE_DEPS and current.pos_ in ("VERB", "AUX"):
            continue
        if current.lemma_.lower() in trigger.unless or current.lower_ in trigger.unless:
            return True
        stack.extend(current.children)
    return False


def _has_predicate(token: Token) -> bool:
    """ "call X a Y": an object with a second noun phrase predicated of it."""
    deps = [c.dep_ for c in token.children]
    if "dobj" in deps and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return True                      # "described the recount as a scam"
    return "oprd" in deps or ("dobj" in deps and ("ccomp" in deps or "xcomp" in deps)) or (
        deps.count("dobj") >= 2) or ("dative" in deps and "dobj" in deps)


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
        # "met the minister to discuss trade": the purpose of a meeting is the meeting;
        # "blocked highways to protest", "went on strike to demand a raise": a protest's
        # purpose is the protest.
        purpose = (token.dep_ in ("advcl", "xcomp") and outer is not None and outer is not item
                   and (outer.trigger.type == item.trigger.type
                        or (outer.trigger.type in ("PROTEST", "COERCE")
                            and item.trigger.type in ("PROTEST", "REQUEST", "AGREE")))
                   and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
        # "two people were killed and nine injured", "convicted him and sentenced him to
        # six years": a passive joined to a passive of the same type is the same act.
        joined = (token.dep_ == "conj" and token.tag_ == "VBN" and outer is not None
                  and outer is not item and outer.trigger.type == item.trigger.type
                  and outer.trigger.type in MATERIAL_CONFLICT
                  and (not any(c.dep_ == "nsubj" for c in token.children)
                       or _elliptical_passive(token)))
        # "convicted the editor and sentenced him to five years": the same party again,
        # by a pronoun, in a verb of the same type sharing the subject. (A crowd's joined
        # acts are merged after retyping: events._one_protest_per_crowd.)
        again = (token.dep_ == "conj" and outer is not None and outer is not item
                 and outer.trigger.type == item.trigger.type
                 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                 and any(c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS for c in token.children))
        elaborates = elaborates or purpose or joined or again
        if not elaborates:
            kept.append(item)
    return kept


OBJECT_PRONOUNS = {"him", "her", "them", "it"}


def _elliptical_passive(token: Token) -> bool:
    """ "were killed and nine injured": a bare participle joined to a passive, its
    counted subject standing in for "were"."""
    return not any(c.dep_ in ("aux", "auxpass") for c in token.children) and any(
        c.dep_ == "nsubj" and c.tag_ == "CD" for c in token.children)


def _drop_argument_nouns(found: list[Found]) -> list[Found]:
    """An event noun that is the subject or object of a verb event is part of that
    event: "Pakistani airstrikes killed eight people"."""
    verbs = {f.token.i for f in found if f.token.pos_ in ("VERB", "AUX")}
    described = {f.token.head.i for f in found
                 if f.token.pos_ == "VERB" and f.token.dep_ == "acl" and subject_token(f.token) is f.token.head}
    verb_types = {f.token.i: f.trigger.type for f in found if f.token.pos_ in ("VERB", "AUX")}
    return [f for f in found if not (f.token.pos_ in ("NOUN", "PROPN") and not _protest_acted_on(f, verb_types) and (
        (f.token.head.i in verbs and f.token.dep_ in ("nsubj", "nsubjpass", "dobj"))
        or f.token.i in described
        # "killed 12 farmers in a raid on their hamlet": one event, told by the verb
        or any(verb_types.get(a.i) == f.trigger.type for a in f.token.ancestors
               if a.sent.start == f.token.sent.start)))]


def _protest_acted_on(found: Found, verb_types: dict[int, str]) -> bool:
    """ "Police dispersed a protest by farmers", "broke up a rally of students": the protest,
    by its own named crowd, took place before the force used on it."""
    token = found.token
    return (found.trigger.type == "PROTEST" and token.dep_ in ("dobj", "nsubjpass")
            and verb_types.get(token.head.i) in ("COERCE", "ASSAULT") and _names_crowd(token))


# Force used on a protest under way: "dispersed", "broke up", "stormed" (not "banned",
# "prevented": that protest never took place).
DISPERSING = {"disperse", "break", "crush", "quell", "suppress", "attack", "storm", "clear", "raid",
              "charge", "scatter", "teargas", "tear-gas", "target", "beat", "end"}


def _names_crowd(noun: Token) -> bool:
    if noun.head.lemma_.lower() not in DISPERSING:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("by", "of") and any(g.dep_ == "pobj" for g in c.children)
               for c in noun.children)


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
                # "signed a deal to provide access": a purpose clause tells what was agreed.
                if not (token.dep_ == "advcl" and outer.trigger.type not in ("REQUEST", "AGREE", "SUPPORT")):
                    enveloped = True
                    break
            # "criticised Germany for being slow to send weapons": through adjectives too.
            if token.dep_ not in COMPLEMENT_DEPS | {"pobj", "prep", "conj", "acomp"}:
                break
            if token.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
                break
            token = parent
            hops += 1
        if not enveloped:
            kept.append(item)
    return kept
