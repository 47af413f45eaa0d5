"""The trigger lexicon (data/events/triggers.yaml): its entries are well formed,
and invented news sentences code to the PLOVER type their wording names."""
import importlib.resources

import pytest
import yaml

from newsevents.nlp.lexicon import PLOVER_TYPES, load_lexicon
from newsevents.records import Article

# GUIDELINES.md, "The 16 PLOVER event types": the modes each type allows.
MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}

# Recipient roles events.py knows; anything else must be a preposition word.
ROLES = {"dobj", "dobj_person", "dobj_poss", "dative", "ccomp_subject", "xcomp_object", "to_country",
         "to_person", "between"}
PREPOSITIONS = {"about", "against", "along", "around", "at", "by", "for", "from", "in", "into", "near",
                "of", "on", "outside", "over", "to", "toward", "towards", "upon", "with"}


def _all_triggers(lexicon):
    yield from ((f"verb {k}", t) for k, t in lexicon.verbs.items())
    yield from ((f"noun {k}", t) for k, t in lexicon.nouns.items())
    yield from ((f"phrase {sorted(p.verbs)} {sorted(p.objects)}", p.trigger) for p in lexicon.phrases)


class _DuplicateKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping key given twice (safe_load keeps the last)."""


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = sorted({k for k in keys if keys.count(k) > 1}, key=str)
    if twice:
        raise AssertionError(f"keys listed twice at line {node.start_mark.line + 1}: {twice}")
    return loader.construct_mapping(node, deep=deep)


_DuplicateKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def test_lexicon_has_no_verb_or_noun_listed_twice():
    text = (importlib.resources.files("newsevents") / "data" / "events" / "triggers.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_DuplicateKeyLoader)
    assert data["verbs"] and data["nouns"] and data["phrases"]


def test_every_trigger_has_a_plover_type_and_a_mode_of_that_type():
    for where, trigger in _all_triggers(load_lexicon()):
        assert trigger.type in PLOVER_TYPES, where
        assert trigger.mode is None or trigger.mode in MODES[trigger.type], (where, trigger.mode)
        assert trigger.joint is None or trigger.joint in PLOVER_TYPES, where


def test_every_recipient_role_is_one_the_engine_knows():
    for where, trigger in _all_triggers(load_lexicon()):
        for role in trigger.recipient:
            # A bare YAML `on` reads as True: every role must stay a string.
            assert isinstance(role, str), (where, role)
            assert role in ROLES or role in PREPOSITIONS, (where, role)


def test_phrase_words_and_conditions_are_strings():
    for where, trigger in _all_triggers(load_lexicon()):
        for words in (trigger.needs_particle, trigger.needs_object, trigger.requires_xcomp):
            assert all(isinstance(w, str) and w == w.lower() for w in words), where
    for phrase in load_lexicon().phrases:
        assert all(isinstance(w, str) for w in phrase.verbs | phrase.objects), sorted(map(str, phrase.objects))


def test_very_general_verbs_never_trigger_alone():
    general = {"take", "make", "give", "put", "open", "run", "lead", "move", "return", "end", "keep", "set",
               "get", "go", "have", "do", "say", "announce", "tell", "claim"}
    verbs = load_lexicon().verbs
    for lemma in general & set(verbs):
        trigger = verbs[lemma]
        assert trigger.needs_particle or trigger.needs_object or trigger.requires_xcomp, lemma


@pytest.fixture(scope="module")
def event_types(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=None)]))
        return [e.type for e in doc._.events]
    return run


SENTENCES = [
    # CONSULT
    ("The Indian prime minister toured Japan last week.", "CONSULT"),
    ("Kenya and Ethiopia held talks on the border dispute.", "CONSULT"),
    # AGREE
    ("Sudan and South Sudan reached an understanding on oil transit fees.", "AGREE"),
    # SUPPORT
    ("Brazil applauded Argentina's decision to join the bloc.", "SUPPORT"),
    ("The Kenyan government forgave Uganda for the border incident.", "SUPPORT"),
    # CONCEDE
    ("Serbia eased emergency measures in the province on Friday.", "CONCEDE"),
    ("The Bolivian government accepted the demands of the miners.", "CONCEDE"),
    ("Myanmar granted amnesty to thousands of prisoners.", "CONCEDE"),
    # COOPERATE
    ("Colombia and Ecuador agreed last year and now share intelligence with each other.", "COOPERATE"),
    ("Indonesian and Australian warships held joint drills in the Timor Sea.", "COOPERATE"),
    # AID
    ("Japan sent humanitarian aid to Turkey after the earthquake.", "AID"),
    ("China lent Pakistan two billion dollars.", "AID"),
    # RETREAT
    ("Russia and Ukraine exchanged prisoners on Sunday.", "RETREAT"),
    ("The rebels laid down their arms in northern Mali.", "RETREAT"),
    # REQUEST
    ("The Arab League called on Israel to withdraw from the occupied territories.", "REQUEST"),
    ("Somalia sought military assistance from Turkey.", "REQUEST"),
    # ACCUSE
    ("Poland censured Belarus over the treatment of migrants.", "ACCUSE"),
    ("Prosecutors in Brazil opened an inquiry into the former president.", "ACCUSE"),
    # REJECT
    ("Venezuela spurned Colombia's offer of mediation.", "REJECT"),
    ("Serbia and Kosovo failed to reach agreement on license plates.", "REJECT"),
    ("Iran dismissed the American proposal on Tuesday.", "REJECT"),
    # THREATEN
    ("Russia issued an ultimatum to Moldova.", "THREATEN"),
    # PROTEST
    ("French railway workers went on strike on Thursday.", "PROTEST"),
    ("Kurdish prisoners in Turkey began a hunger strike.", "PROTEST"),
    ("Thousands of Chileans staged a demonstration against the pension reform.", "PROTEST"),
    # SANCTION
    ("Germany cut aid to Niger after the coup.", "SANCTION"),
    ("The French minister cancelled a planned visit to Algeria.", "SANCTION"),
    ("Canada blacklisted five Iranian officials.", "SANCTION"),
    # MOBILIZE
    ("Armenian troops went on high alert along the border with Azerbaijan.", "MOBILIZE"),
    ("Greece sent additional troops to the border with Turkey.", "MOBILIZE"),
    ("Turkey amassed tanks near the Syrian border.", "MOBILIZE"),
    # COERCE
    ("Israeli bulldozers demolished Palestinian homes in Hebron.", "COERCE"),
    ("Iranian hackers defaced hundreds of Israeli government websites.", "COERCE"),
    ("Turkish police prevented the demonstration in Istanbul.", "COERCE"),
    ("Egypt reimposed a blockade on the Gaza Strip.", "COERCE"),
    ("Ugandan police rounded up dozens of opposition supporters.", "COERCE"),
    # ASSAULT
    ("Ethiopian forces recaptured the town from Tigrayan rebels.", "ASSAULT"),
    ("Burmese soldiers sexually assaulted women in the village, a rights group said.", "ASSAULT"),
    ("Russian troops violated the ceasefire with Georgia.", "ASSAULT"),
    ("Kenyan police fired tear gas at demonstrators in Nairobi.", "ASSAULT"),
    ("Afghan insurgents blew up a police station in Kandahar.", "ASSAULT"),
    ("Syrian government forces used chemical weapons against rebels in Ghouta.", "ASSAULT"),
    # more modes: militia, phone calls, misinformation
    ("Mexican villagers formed militias to fight the cartel.", "MOBILIZE"),
    ("Putin spoke by phone with Erdogan on Tuesday.", "CONSULT"),
    ("Russian state media spread disinformation about Ukraine.", "COERCE"),
]


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_news_wording_codes_to_its_plover_type(event_types, text, expected):
    assert expected in event_types(text)


@pytest.mark.parametrize("text", [
    "The minister said the economy would grow next year.",
    "Officials took questions from reporters and returned to the capital.",
    "The Iraqi team made history by winning the match.",
])
def test_general_verbs_alone_code_nothing(event_types, text):
    assert event_types(text) == []


def test_the_month_of_march_is_not_a_protest_march(event_types):
    types = event_types("Turkish police stopped the convoy in March.")
    assert "COERCE" not in types and "PROTEST" not in types
