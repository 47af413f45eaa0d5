"""tools/check_gold_overlap.py finds runs of seven words shared with the gold sets; small gold
and test files of our own stand in for the real ones, and a last test checks the real repository."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("check_gold_overlap",
                                                  ROOT / "tools" / "check_gold_overlap.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while being defined
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture
def gold(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    article = {"id": "a1", "title": "Harbour pilots in Valdoria end their long strike",
               "text": "The harbour pilots of Valdoria ended a strike on Tuesday.\n"
                       "Port officials in Merrow said the first tankers sailed before dawn.",
               "events": [{"type": "CONCEDE",
                           "evidence": "The harbour pilots of Valdoria ended a strike on Tuesday"}]}
    (folder / "dev.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    timex = {"id": "t1", "text": "Rain fell across the northern valleys for nine days in a row.",
             "timexes": [{"text": "nine days", "value": "P9D"}]}
    (folder / "timex.jsonl").write_text(json.dumps(timex) + "\n", encoding="utf-8")
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_seven_shared_words_are_reported_with_file_and_line(tool, gold, tmp_path):
    tests = tmp_path / "tests"
    write(tests, "test_a.py", 'import x\n\nTEXT = "Yesterday the harbour pilots of Valdoria ended a strike."\n')
    found = tool.check([tests], gold)
    assert [(o.path.name, o.line, o.words) for o in found] == [
        ("test_a.py", 3, "the harbour pilots of valdoria ended a strike")]


def test_six_shared_words_are_not_a_copy(tool, gold, tmp_path):
    tests = tmp_path / "tests"
    write(tests, "test_b.py", 'TEXT = "The harbour pilots of Valdoria ended their work in May."\n')
    assert tool.check([tests], gold) == []
    assert len(tool.check([tests], gold, run=6)) == 1


def test_case_punctuation_quotes_and_line_breaks_do_not_hide_a_copy(tool, gold, tmp_path):
    tests = tmp_path / "tests"
    write(tests, "test_c.py", 'TEXT = ("PORT OFFICIALS, in Merrow, said "\n'
                              '        "the first tankers sailed!")\n')
    write(tests, "cases.jsonl", json.dumps({"text": "Port officials in Merrow said the first"
                                                    " tanker\u2019s crew"}) + "\n")
    found = {(o.path.name, o.line) for o in tool.check([tests], gold)}
    assert found == {("test_c.py", 1), ("cases.jsonl", 1)}


def test_titles_and_texts_of_any_gold_file_count(tool, gold, tmp_path):
    examples = tmp_path / "examples"
    write(examples, "story.txt", "Headline\nRain fell across the northern valleys for a week.\n")
    write(examples, "title.md", "# Harbour pilots in Valdoria end their long strike\n")
    found = {o.path.name for o in tool.check([examples], gold)}
    assert found == {"story.txt", "title.md"}


def test_listed_names_are_not_copies(tool, gold, tmp_path):
    write(gold, "toponyms.jsonl", json.dumps(
        {"id": "g2", "text": "Envoys of the United Federation of Northern and Southern Isles met."}) + "\n")
    data = tmp_path / "data"
    write(data, "orgs.yaml", "- name: United Federation of Northern and Southern Isles\n")
    names = write(tmp_path, "names.txt", "# names\nUnited Federation of Northern and Southern Isles\n")
    assert len(tool.check([data], gold)) == 1
    assert tool.check([data], gold, names=names) == []


def test_one_stretch_of_copied_words_is_one_report(tool, gold, tmp_path):
    tests = tmp_path / "tests"
    write(tests, "test_d.py", '"The harbour pilots of Valdoria ended a strike on Tuesday, officials said."\n')
    [overlap] = tool.check([tests], gold)
    assert overlap.words == "the harbour pilots of valdoria ended a strike on tuesday"


def test_command_exits_1_with_copies_0_without_and_2_without_gold(tool, gold, tmp_path, capsys):
    copied = write(tmp_path / "tests", "test_e.py", '"port officials in merrow said the first tankers"\n')
    own = write(tmp_path / "clean", "test_f.py", '"Ferry crews in Lastra stopped work on Friday."\n')
    assert tool.main(["--gold", str(gold), str(copied)]) == 1
    assert "test_e.py:1: port officials in merrow said the first tankers" in capsys.readouterr().out
    assert tool.main(["--gold", str(gold), str(own)]) == 0
    assert tool.main(["--gold", str(tmp_path / "nowhere"), str(own)]) == 2
    assert "none of" in capsys.readouterr().err


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"the gold sets are not at {GOLD}")
def test_the_repository_holds_no_text_copied_from_the_gold_sets(tool):
    found = tool.check([ROOT / name for name in tool.SCANNED], GOLD, names=tool.NAMES)
    assert not found, "\n".join(f"{o.path.relative_to(ROOT)}:{o.line}: {o.words}" for o in found)
