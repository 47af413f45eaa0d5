"""Build src/newsevents/data/events/evaluations.json: words that judge what they are
said of, with a valence, for coding criticism stated as a judgement ("said the
sanctions were illegal") as ACCUSE.

    pip install vaderSentiment==3.3.2 && python tools/build_evaluation_lexicon.py

The words come from VADER's lexicon (vader_lexicon.txt, MIT, C.J. Hutto; the notice
is kept in the output and in data/NOTICE-vader.txt): plain lower-case words whose
mean valence is at least STRONG in either direction. VADER was made for social media
and misses the words officials use of each other; ADDED holds those, curated for this
project, and DROPPED the VADER words that in news describe events or states rather
than judge them ("killed", "war", "crisis"). The reader (nlp/evaluations.py) decides
where a word judges: only in a predicate said of a party's act or of the party.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "events" / "evaluations.json"
STRONG = 1.5
NOTICE = ("Derived by tools/build_evaluation_lexicon.py from vaderSentiment 3.3.2 vader_lexicon.txt. "
          "The MIT License (MIT) Copyright (c) 2016 C.J. Hutto. Permission is hereby granted, free of "
          "charge, to any person obtaining a copy of this software and associated documentation files "
          "(the \"Software\"), to deal in the Software without restriction, including without limitation "
          "the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of "
          "the Software, and to permit persons to whom the Software is furnished to do so, subject to the "
          "following conditions: The above copyright notice and this permission notice shall be included "
          "in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", "
          "WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF "
          "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE "
          "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN "
          "ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR "
          "THE USE OR OTHER DEALINGS IN THE SOFTWARE.")

# The language of diplomatic and political criticism VADER lacks (valence on its scale).
ADDED = {
    **dict.fromkeys((
        "inappropriate", "preposterous", "baseless", "unfounded", "illegitimate", "barbaric",
        "provocative", "deplorable", "counterproductive", "destabilizing", "destabilising",
        "unhelpful", "unwarranted", "unjustified", "unjustifiable", "indefensible", "untenable",
        "irresponsible", "unlawful", "unconstitutional", "undemocratic", "authoritarian",
        "dictatorial", "draconian", "heavy-handed", "high-handed", "arbitrary", "discriminatory",
        "hostile", "belligerent", "aggressive", "expansionist", "imperialist", "colonial",
        "interference", "meddling", "blackmail", "extortion", "ultimatum", "propaganda",
        "falsity", "falsehood", "fabrication", "lie", "slander", "smear", "hypocrisy",
        "absurd", "nonsense", "farce", "sham", "charade", "travesty", "mockery", "witch-hunt",
        "persecution", "provocation", "sabotage", "treachery", "betrayal", "bullying",
        "null", "void", "invalid", "flawed", "misguided", "short-sighted", "ill-advised",
        "reprehensible", "abhorrent", "despicable", "heinous", "egregious", "callous",
        "cynical", "irrational", "insane", "lawless", "rogue", "fascist", "genocidal",
        "inhumane", "inhuman", "violation", "breach",
        "overreach", "overreaction", "humiliation", "insult", "affront", "outrage",
        "scandal", "scandalous", "unethical", "corrupt", "illicit", "bogus", "fake",
        "groundless", "politically motivated", "selective", "biased", "one-sided",
        "lacklustre", "lackluster", "unacceptable", "intolerable", "unconscionable",
    ), -2.0),
    # Praise that, denied, is criticism: "is not constructive", "was not acceptable".
    **dict.fromkeys((
        "constructive", "productive", "helpful", "collaborative", "acceptable", "legitimate",
        "legal", "lawful", "fair", "serious", "credible", "responsible", "appropriate",
        "reasonable", "justified", "sincere", "genuine", "transparent", "democratic",
    ), 2.0),
}
# VADER words that in news report events or states instead of judging them.
DROPPED = {
    "killed", "kill", "killing", "dead", "death", "died", "die", "war", "crisis", "attack",
    "attacked", "attacks", "violence", "violent", "arrest", "arrested", "prison", "jail",
    "jailed", "injured", "injury", "wounded", "hurt", "pain", "fire", "bomb", "terror",
    "terrorist", "terrorism", "victim", "victims", "disaster", "catastrophe", "tragedy",
    "tragic", "fear", "fears", "afraid", "worried", "worry", "concerned", "sad", "sadness",
    "grief", "mourn", "mourning", "poor", "poverty", "sick", "ill", "illness", "cancer",
    "lost", "lose", "loss", "losing", "defeat", "defeated", "fight", "fighting", "fought",
    "protest", "protests", "strike", "struck", "threat", "threaten", "threatened", "warn",
    "warning", "danger", "risk", "emergency", "conflict", "hostage", "hostages", "abuse",
    "abused", "crash", "accident", "damage", "damaged", "destroy", "destroyed", "destruction",
    "flood", "storm", "weapon", "weapons", "gun", "guns", "missile", "army",
}


def build(lexicon_path: Path) -> dict:
    words = {}
    for line in lexicon_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z-]+", parts[0]):
            continue
        valence = float(parts[1])
        if abs(valence) >= STRONG and parts[0] not in DROPPED:
            words[parts[0]] = valence
    for word, valence in ADDED.items():
        words[word] = min(words.get(word, 0.0), valence) if valence < 0 else valence
    return {"notice": NOTICE, "source": "vaderSentiment 3.3.2 vader_lexicon.txt",
            "strong": STRONG, "words": dict(sorted(words.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lexicon", nargs="?", help="vader_lexicon.txt (default: the installed package's)")
    args = parser.parse_args()
    if args.lexicon:
        path = Path(args.lexicon)
    else:
        import vaderSentiment
        path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    data = build(path)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['words'])} words -> {OUT}")


if __name__ == "__main__":
    main()
