"""Random markings and readers for property tests of the visibility rule."""

from __future__ import annotations

from hypothesis import strategies as st

from mosaic.model import Distribution, Marking, Tlp, Visibility

ORGANISATIONS = ("alpha", "bravo", "charlie")
GROUPS = ("g-one", "g-two")


@st.composite
def markings(draw: st.DrawFn, owners: tuple[str, ...] = ORGANISATIONS) -> Marking:
    distribution = draw(st.sampled_from(list(Distribution)))
    group = draw(st.sampled_from(GROUPS)) if distribution is Distribution.GROUP else None
    return Marking(
        draw(st.sampled_from(owners)), draw(st.sampled_from(list(Tlp))), distribution, group
    )


@st.composite
def visibilities(draw: st.DrawFn) -> Visibility:
    groups = draw(st.frozensets(st.sampled_from(GROUPS)))
    return Visibility(draw(st.sampled_from((*ORGANISATIONS, "delta"))), groups)
