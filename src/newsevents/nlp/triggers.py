"""Finding event triggers in a sentence: verbs, verb + object phrases and event nouns from
the lexicon, less those that are part of another event (complements of a promise or a
demand, participles spelling out the same act, nouns that are a verb's own argument)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .cameo import cameo_trigger, load_cameo
from .lexicon import Lexicon, Trigger
from .syntax import SUBJECT_DEPS, first_child, subject_token

# Verbal event types whose complement clause describes what is asked, promised,
# threatened or refused, not a second event ("agreed to deploy", "urged ... to let").
ENVELOPING_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "advcl"}
LIGHT_VERBS = {"impose", "announce", "slap", "adopt", "approve", "extend", "expand", "levy", "launch",
               "open", "conduct", "begin", "start", "order", "mount"}
EFFECT_VERBS = {"begin", "hold", "start"}              # "the truce held"
EFFECT_PHRASES = {"take", "go", "come", "enter"}        # "took effect", "came into force"
READINESS = {"ready", "willing", "prepared"}
PROMISED_TYPES = {"AID", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE"}
READY_TO_COOPERATE = Trigger(type="AGREE", recipient=("xcomp_object",))
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


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
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            hit = _phrase_hit(token, lexicon)
            if hit is not None:
                found.append(hit)
                if hit.object_token is not None:
                    consumed.add(hit.object_token.i)
                continue
            trigger = lexicon.verbs.get(token.lemma_.lower())
            if trigger is not None and _verb_conditions_hold(token, trigger):
                found.append(Found(token, trigger))
                continue
            # The project's lexicon first; then the CAMEO dictionary's patterns, and its
            # default senses only for verbs the project's lexicon does not know.
            trigger = cameo_trigger(token, cameo, patterns_only=token.lemma_.lower() in lexicon.verbs)
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
        if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
            continue
        trigger = noun_trigger(token, lexicon)
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


def _verb_conditions_hold(token: Token, trigger: Trigger) -> bool:
    """The conditions a lexicon verb entry puts on its sentence."""
    if trigger.requires_xcomp and not any(
            c.dep_ in ("xcomp", "ccomp") and (c.lemma_.lower() in trigger.requires_xcomp or any(
                g.dep_ in ("xcomp", "ccomp", "conj", "advcl") and g.lemma_.lower() in trigger.requires_xcomp
                for g in c.subtree)) for c in token.children):
        return False
    # The parser often makes a particle a preposition: "pulled out of El Fasher".
    if trigger.needs_particle and not any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ in trigger.needs_particle
            and (c.dep_ != "prep" or not any(g.dep_ == "pobj" for g in c.children)
                 or any(g.dep_ == "prep" for g in c.children))
            for c in token.children):
        return False
    if trigger.needs_object and not any(
            w in trigger.needs_object for w, _ in _object_words(token)):
        return False
    if trigger.needs_person_object and not _has_party_object(token):
        return False
    return True


def _refers_back(token: Token, trigger: Trigger) -> bool:
    """ "the meeting", "the arms transfers", "this week's talks": a definite event noun
    names an event told elsewhere, unless a verb puts it into effect ("the ceasefire took
    effect", "launched the offensive")."""
    if trigger.needs_effect or trigger.needs_light_verb:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in token.children)
    return definite


def refers_to_told(token: Token) -> bool:
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
    # In the passive the object is the subject: "three suspects were charged".
    obj = first_child(token, ("dobj",)) or first_child(token, ("nsubjpass",))
    return obj is not None and (obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or obj.pos_ in (
        "PROPN", "PRON") or any(c.ent_type_ in ("PERSON", "NORP", "GPE") for c in obj.subtree))


def noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
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
        # "met the minister to discuss trade": the purpose of a meeting is the meeting.
        purpose = (token.dep_ in ("advcl", "xcomp") and outer is not None and outer is not item
                   and outer.trigger.type == item.trigger.type
                   and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
        elaborates = elaborates or purpose
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
