"""The MUC-4 benchmark: GRIT's CEAF-REE over five role fillers, plus incident-level figures.

`load_split` reads a split (GRIT's processed gold and the 1992 answer keys), `role_fillers`
reads Mosaic's extraction of a document as role fillers, `score_corpus` scores them as GRIT
does, and `IncidentScores` counts date, location and effect accuracy against the keys.
Tune only on the train and dev splits; report the test split.
"""

from mosaic.evaluation.muc4.ceaf_ree import (
    ROLES,
    CeafReeResult,
    RoleCounts,
    RoleFillers,
    normalise_mention,
    score_corpus,
    score_document,
)
from mosaic.evaluation.muc4.corpus import SPLITS, KeyTemplate, Muc4Document, load_split
from mosaic.evaluation.muc4.incidents import Accuracy, IncidentScores
from mosaic.evaluation.muc4.roles import incident_events, role_fillers

__all__ = [
    "ROLES",
    "SPLITS",
    "Accuracy",
    "CeafReeResult",
    "IncidentScores",
    "KeyTemplate",
    "Muc4Document",
    "RoleCounts",
    "RoleFillers",
    "incident_events",
    "load_split",
    "normalise_mention",
    "role_fillers",
    "score_corpus",
    "score_document",
]
