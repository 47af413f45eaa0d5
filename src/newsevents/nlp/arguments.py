"""Who acts and who is acted on: the actor and recipient of a trigger, from the roles its
lexicon entry names, with fallbacks to the other parties of its clause."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .actors import RELATIONAL_NOUNS, ActorResolver
from .syntax import RELATIVE_WORDS, clause_tokens, first_child, pobj, possessor
from .triggers import Found

# Physical acts that fall on the place where they happen ("shelled Kharkiv", "sent
# planes to Kathmandu", "pulled its forces out of Kherson"); violence at home falls on
# the home population ("attacked a village near Dikwa"), deployments at home on no one.
LOCATED_TYPES = {"MOBILIZE", "ASSAULT", "COERCE", "AID", "RETREAT", "PROTEST"}
HOME_VIOLENCE = {"ASSAULT", "COERCE", "PROTEST"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "on", "inside", "outside", "across", "around",
                         "into", "toward", "towards", "along", "off"}
ARGUMENT_DEPS = {"dobj", "pobj", "dative", "nsubjpass", "attr", "appos", "conj"}


class ArgumentFinder:
    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver

    def actors(self, token: Token | None) -> tuple[Actor, ...]:
        if token is None:
            return ()
        if token.lower_ in RELATIVE_WORDS and token.head.dep_ == "relcl":
            token = token.head.head                   # "a reporter who was detained": the reporter
        found = self.resolver.actors_for(token)
        if not found and token.lemma_.lower() not in RELATIONAL_NOUNS:
            owner = possessor(token)
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
                obj = pobj(token, word)
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
                        actor = self.resolver.party_of(mention)
                        if not any(a.country == actor.country for a in parties):
                            parties.append(actor)
        return tuple(parties)

    def recipient(self, found: Found, actor: tuple[Actor, ...] = ()) -> tuple[Actor, ...]:
        token = found.token
        carriers = [token] + ([found.object_token] if found.object_token is not None else [])
        for role in found.trigger.recipient:
            for carrier in carriers:
                actors = others(self._role(carrier, role, found, actor), actor)
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
        return (self.resolver.party_of(min(candidates, key=lambda pair: pair[0])[1]),)

    def condition_subject(self, token: Token, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """A threat's target is who must meet its condition: "... unless Israel rescinded"."""
        for sub in token.subtree:
            if sub.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in sub.children):
                subject = first_child(sub, ("nsubj", "nsubjpass"))
                if subject is not None:
                    found = others(self.actors(subject), actor)
                    if found:
                        return found
        return ()

    def located_party(self, token: Token, actor: tuple[Actor, ...], found: Found) -> tuple[Actor, ...]:
        """Force used somewhere falls on that place's people ("troops on alert in the
        West Bank", "shelled Kharkiv")."""
        if found.trigger.type not in LOCATED_TYPES:
            return ()
        own = {a.country for a in actor}
        at_home = found.trigger.type in HOME_VIOLENCE
        for child in clause_tokens(token):
            place = self.resolver.place_at.get(child.i)
            mention = self.resolver.by_token.get(child.i)
            if place is None or (mention is not None and mention.kind == "demonym"):
                continue
            if place.country and (at_home or place.country not in own) and child.dep_ in ("pobj", "dobj"):
                return (Actor(name=place.name, country=place.country, sector="CVL"),)
        return ()

    def nearest_other_party(self, token: Token, actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """Fallback: the first other party named inside the trigger's own clause
        ("closed its airspace to flights from Mali", "recalled envoys to Mali")."""
        own = {a.country for a in actor}
        tokens = clause_tokens(token, purpose=True)
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
        """A compatriot named with a country of its own and another role: "ministers sought
        backing from the Serbian parliament", "protesters ... from President X"."""
        return (token.i not in self.resolver.defaulted and party.sector not in {a.sector for a in actor}
                and not (party.id or "").startswith("country:") and party.sector is not None)

    def _role(self, token: Token, role: str, found: Found,
              actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
        if role in ("dobj", "dobj_person"):
            obj = first_child(token, ("dobj",))
            if obj is None or (found.object_token is not None and obj.i == found.object_token.i):
                return ()
            actors = self.actors(obj)
            if role == "dobj_person":
                actors = tuple(a for a in actors if a.sector not in (None,))
            return actors
        if role == "dobj_poss":
            obj = first_child(token, ("dobj", "nsubjpass"))
            if obj is None:
                return ()
            owner = possessor(obj)
            if owner is not None:
                return self.resolver.actors_for(owner)
            of = pobj(obj, "of")
            return self.resolver.actors_for(of) if of is not None else ()
        if role == "dative":
            obj = first_child(token, ("dative",))
            return self.resolver.actors_for(obj) if obj is not None else ()
        if role == "ccomp_subject":
            clause = first_child(token, ("ccomp",))
            subject = first_child(clause, ("nsubj",)) if clause is not None else None
            return self.resolver.actors_for(subject) if subject is not None else ()
        if role == "xcomp_object":
            # "pledged to pay off Syria's arrears", "agreed to open talks with Ukraine"
            clause = first_child(token, ("xcomp",))
            if clause is None:
                return ()
            return self.nearest_other_party(clause, actor)
        if role == "to_country":
            obj = pobj(token, "to")
            if obj is None:
                return ()
            actors = self.actors(obj)
            return tuple(a for a in actors if a.country)
        if role == "to_person":
            obj = pobj(token, "to")
            return self.resolver.actors_for(obj) if obj is not None and obj.ent_type_ == "PERSON" else ()
        if role == "between":
            obj = pobj(token, "between")
            return self.resolver.actors_for(obj) if obj is not None else ()
        obj = pobj(token, role)
        if obj is None:
            # "providing photographs and intelligence to Macedonia": the preposition
            # can hang off the object.
            direct = first_child(token, ("dobj",))
            for carrier in ([direct] + list(direct.conjuncts)) if direct is not None else []:
                obj = pobj(carrier, role)
                if obj is not None:
                    break
        if obj is None:
            obj = _stranded_object(token, role)
        if obj is None:
            return ()
        return self.actors(obj)


def _stranded_object(token: Token, preposition: str) -> Token | None:
    """ "granted asylum to five Panamanian officers holed up in ...": where the parser hangs
    the preposition's noun elsewhere, the noun phrase right after it is its object."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == preposition
                 and not any(g.dep_ == "pobj" for g in c.children)), None)
    if prep is None:
        return None
    for word in token.doc[prep.i + 1:prep.sent.end]:
        if word.pos_ in ("NOUN", "PROPN"):
            # The phrase's head: the last noun of the run ("army officers").
            while word.i + 1 < prep.sent.end and word.doc[word.i + 1].pos_ in ("NOUN", "PROPN") \
                    and word.doc[word.i + 1].head.i != word.i:
                word = word.doc[word.i + 1]
            return word
        if word.pos_ not in ("DET", "NUM", "ADJ", "PROPN", "NOUN"):
            return None
    return None


def others(found: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Parties other than the actor: not the actor itself, nor its own state named as a
    whole ("the State Department reaffirmed Washington's commitment")."""
    own = {a.country for a in actor}
    return tuple(r for r in found if not any(same_actor(r, a) for a in actor)
                 and not ((r.id or "").startswith("country:") and r.country in own))


def same_actor(a: Actor, b: Actor) -> bool:
    return (a.id is not None and a.id == b.id) or (a.name == b.name and a.country == b.country)
