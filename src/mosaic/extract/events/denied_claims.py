"""Who made a claim that another party denies: the source of what the claim states.

"The rebels deny government claims that the strike killed 40 fighters": the
denial does not negate the strike or its toll (`text.modality.denied_claim`);
they are the government's claim, and the government is the one who stated them.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract.text.modality import denied_claim
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import children

_OWNER_DEPS = ("poss", "compound", "amod", "nsubj")
"""Who made the claim: "the army's claim", "government claims" (a noun, or a verb's subject)."""


def claimant(trigger: Token, context: SentenceContext) -> str | None:
    """The name or noun of whoever made the denied claim the trigger stands in ("government
    claims": government; "the army's claim": the named state or "army"); None outside one."""
    claim = denied_claim(trigger)
    if claim is None:
        return None
    owners = children(claim, *_OWNER_DEPS)
    if not owners:
        return None
    owner = owners[0]
    mention = context.mention_at(owner)
    if mention is not None and mention.ref is not None:
        return mention.ref.name
    return " ".join(t.text for t in owner.subtree if t.dep_ != "case" and t.lower_ != "the")
