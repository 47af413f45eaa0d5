"""tools/build_cameo_lexicon.py reads the PETRARCH2 verb dictionary format; a small
dictionary of our own in that format stands in for CAMEO.2.0.txt."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

DICTIONARY = """\
# a comment
&VEHICLE
+TRUCK
+ARMORED_CAR_

---  PUNISH_VERBALLY   [111]  ---
SCOLD
+TELL_OFF {+TELLS_OFF +TOLD_OFF +TELLING_OFF}
WHACK [180]
- * {SHARP REMARK}                                    [112]         # SCOLD
- * &VEHICLE (FOR SPEEDING)                           [---]         # SCOLD
- * (AFTER BEATING)                                   [:182]        # the subject suffers

---  WANDER   [---]  ---
WANDER {WANDERS WANDERED WANDERING}
- * OFF (INTO TERRITORY)                              [192]         # WANDER
"""


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_cameo_lexicon",
                                                  ROOT / "tools" / "build_cameo_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tool, tmp_path_factory):
    source = tmp_path_factory.mktemp("cameo") / "dictionary.txt"
    source.write_text(DICTIONARY, encoding="utf-8")
    return tool.build(source)


def test_blocks_keep_their_default_code_and_verbs(built):
    punish, wander = built["blocks"]
    assert punish["name"] == "PUNISH_VERBALLY" and punish["code"] == "111"
    assert {"verb": "scold"} in punish["verbs"]
    assert {"verb": "tell", "particles": ["off"]} in punish["verbs"]
    assert {"verb": "whack", "code": "180"} in punish["verbs"]
    assert wander["code"] is None


def test_patterns_become_word_constraints_with_synonym_sets_named(built):
    patterns = built["blocks"][0]["patterns"]
    remark = next(p for p in patterns if p["code"] == "112")
    assert remark["object"] == ["remark", "remarks"] and remark["modifiers"] == ["sharp"]
    vehicle = next(p for p in patterns if p["code"] is None)
    assert vehicle["object"] == ["&VEHICLE"] and vehicle["preps"] == [["for", ["speeding", "speedings"]]]
    assert built["synsets"]["&VEHICLE"] == ["armored car", "truck", "trucks"]


def test_a_code_only_for_the_subject_as_target_is_left_out(built):
    assert all(p.get("preps", [[None]])[0][0] != "after" for p in built["blocks"][0]["patterns"])


def test_particles_and_irregular_forms_are_read(built):
    wander = built["blocks"][1]["patterns"][0]
    assert wander["particle"] == "off" and wander["preps"] == [["into", ["territories", "territory"]]]
    assert built["forms"]["told"] == "tell"


def test_the_built_file_carries_the_mit_notice(built):
    assert "MIT License" in built["notice"] and "Open Event Data Alliance" in built["notice"]
