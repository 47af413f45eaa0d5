"""PLOVER quad categories: each event type is verbal or material cooperation or conflict.

From the PLOVER manual's quad table (1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict). This project's REQUEST is PLOVER's DEMAND and
its ACCUSE covers DISAPPROVE and INVESTIGATE; FIGHT is coded ASSAULT here.
"""
from __future__ import annotations

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}

QUAD_OF_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
}


def quad_of(event_type: str | None) -> int | None:
    """The quad class (1-4) of a PLOVER type, None for a type outside the table."""
    return QUAD_OF_TYPE.get((event_type or "").upper())


def quad_name(event_type: str | None) -> str | None:
    quad = quad_of(event_type)
    return QUAD_NAMES[quad] if quad else None


def quad_case_sql(column: str) -> str:
    """A SQL CASE giving the quad class of the PLOVER type in `column`, NULL when unknown."""
    whens = " ".join(f"WHEN '{t}' THEN {q}" for t, q in QUAD_OF_TYPE.items())
    return f"(CASE upper({column}) {whens} ELSE NULL END)"
