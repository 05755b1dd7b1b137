"""Table of the common ways of saying each relation type, in sentences written for the
test (mosaic.extract.relations.finder): appositions, possessives, relative clauses,
passives, dates, and "the group" or "it" standing for a group named before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.finder import RelationFinder, dedupe_relations, end_by_killings
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, FuzzyDate, RelationFinding, RelationType
from support.findings import assert_relation_found

R = RelationType
Found = Callable[[str], list[RelationFinding]]
Contexts = Callable[..., list[SentenceContext]]
Events = Callable[..., list[EventFinding]]
IS, ISKP, TTP = "Islamic State", "Islamic State Khorasan Province", "Tehreek-i-Taliban Pakistan"
AQ, TALIBAN, ALF = "al-Qaeda", "Afghan Taliban", "Alpha Liberation Front"

FORMS = [
    # affiliates and branches
    ("The Alpha Liberation Front, an affiliate of al-Qaeda, claimed the attack.",
     R.AFFILIATE_OF, ALF, AQ),
    ("The ALF, which is affiliated with al-Qaeda, claimed the attack.", R.AFFILIATE_OF, ALF, AQ),
    ("The ALF is affiliated to al-Qaeda.", R.AFFILIATE_OF, ALF, AQ),
    ("The ISKP, the Islamic State's formal branch in the region, claimed the attack.",
     R.AFFILIATE_OF, ISKP, IS),
    ("The ISKP is the Islamic State's regional affiliate.", R.AFFILIATE_OF, ISKP, IS),
    ("Police blamed the ALF, al-Qaeda's wing in Pakistan.", R.AFFILIATE_OF, ALF, AQ),
    ("The ISKP operates as the Afghan branch of the Islamic State.", R.AFFILIATE_OF, ISKP, IS),
    # splits
    ("The ALF split from the TTP in February 2014.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF broke away from the Pakistani Taliban in 2014.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF, a splinter group of the TTP, claimed the attack.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF, a TTP splinter faction, claimed the attack.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF, which split from the TTP in 2014, claimed the attack.", R.SPLIT_FROM, ALF, TTP),
    ("The ISKP was formed in 2015 by former members of the TTP.", R.SPLIT_FROM, ISKP, TTP),
    ("Dissidents from the TTP founded the ALF in 2014.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF, set up by former TTP commanders, claimed the attack.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF was set up by disaffected TTP commanders in 2014.", R.SPLIT_FROM, ALF, TTP),
    # allegiance
    ("The ALF merged into the TTP in August 2014.", R.ALLEGIANCE, ALF, TTP),
    ("The ALF rejoined the TTP in 2020.", R.ALLEGIANCE, ALF, TTP),
    ("The ALF announced its merger with the TTP in 2020.", R.ALLEGIANCE, ALF, TTP),
    ("The ALF was absorbed into the TTP in 2017.", R.ALLEGIANCE, ALF, TTP),
    # alliances
    ("The ALF, a militant group aligned with the Taliban, claimed the attack.",
     R.ALLIANCE, ALF, TALIBAN),
    ("The ALF is closely aligned with al-Qaeda.", R.ALLIANCE, ALF, AQ),
    ("The ALF works closely with the TTP.", R.ALLIANCE, ALF, TTP),
    ("The ALF has long worked closely with al-Qaeda.", R.ALLIANCE, ALF, AQ),
    ("The ALF, which works closely with the TTP, claimed the attack.", R.ALLIANCE, ALF, TTP),
    ("The ALF is an ally of the TTP.", R.ALLIANCE, ALF, TTP),
    ("The ALF cooperates with al-Qaeda.", R.ALLIANCE, ALF, AQ),
    # rivalries
    ("The ISKP considers the Taliban an enemy.", R.RIVALRY, ISKP, TALIBAN),
    ("The ISKP regards the Taliban as an enemy.", R.RIVALRY, ISKP, TALIBAN),
    ("The ISKP, which considers the Taliban its enemy, attacked a mosque.",
     R.RIVALRY, ISKP, TALIBAN),
    ("The ALF considers the TTP its ally.", R.ALLIANCE, ALF, TTP),
    ("The ISKP is a rival of the Taliban.", R.RIVALRY, ISKP, TALIBAN),
    ("The ISKP has fought the Taliban since 2015.", R.RIVALRY, ISKP, TALIBAN),
    ("The ISKP has waged a bloody campaign against the Taliban since 2019.",
     R.RIVALRY, ISKP, TALIBAN),
    ("The ALF has led an offensive against the TTP in the valley since last year.",
     R.RIVALRY, ALF, TTP),
    ("The ALF claimed the blast. Its war against the TTP has gone on for years.",
     R.RIVALRY, ALF, TTP),
    ("The ISKP competes against the Taliban for recruits.", R.RIVALRY, ISKP, TALIBAN),
    # leaders
    ("Hakim Zaman was named chief of the TTP in late July.", R.LEADER_OF, "Hakim Zaman", TTP),
    ("The TTP named Hakim Zaman as its chief in July 2015.", R.LEADER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman was appointed emir of the ALF in 2015.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman took over as leader of the TTP in 2013.", R.LEADER_OF, "Hakim Zaman", TTP),
    ("Former TTP emir Hakim Zaman was arrested.", R.LEADER_OF, "Hakim Zaman", TTP),
    ("The TTP's former emir, Hakim Zaman, was arrested.", R.LEADER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, the former chief of the TTP, was arrested.",
     R.LEADER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, who leads the ALF, was arrested.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF is led by Hakim Zaman.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF was founded by Hakim Zaman in 2012.", R.LEADER_OF, "Hakim Zaman", ALF),
    # members: deputies, spokesmen, commanders
    ("TTP spokesman Hakim Zaman said the group carried out the attack.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, a spokesman for the TTP, claimed the attack.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, the deputy chief of the TTP, was arrested.", R.MEMBER_OF, "Hakim Zaman", TTP),
    ("TTP deputy leader Hakim Zaman was arrested.", R.MEMBER_OF, "Hakim Zaman", TTP),
    ("The TTP's deputy emir, Hakim Zaman, was arrested.", R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, a senior commander of the ALF, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman, who joined the ALF in 2012, was arrested.", R.MEMBER_OF, "Hakim Zaman", ALF),
    # across sentences
    ("The ALF was founded in 2012. The group later pledged allegiance to the Islamic State.",
     R.ALLEGIANCE, ALF, IS),
    ("The ALF was founded in 2012. It split from the TTP in 2014.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF claimed the attack. Its leader, Hakim Zaman, was arrested.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. The group's spokesman, Hakim Zaman, said more would follow.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. The group works closely with the TTP.",
     R.ALLIANCE, ALF, TTP),
    ("The TTP claimed the bombing. Police said the TTP had planned it. The ALF has attacked "
     "Quetta before. Its leader, Hakim Zaman, was arrested.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("The TTP claimed the bombing. Police said the TTP had planned it. The ALF split from the "
     "TTP in 2014. The faction is led by Hakim Zaman.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("The Islamic State claimed the attack. Police said the suspects belonged to the ALF, a "
     "network that has pledged allegiance to the Islamic State. The network's founder, Hakim "
     "Zaman, is in prison.", R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF, a militant movement, bombed a school. The Taliban turned on the movement.",
     R.RIVALRY, TALIBAN, ALF),
    # longer sentences: relative clauses, raising verbs, conjoined sides, "whose"
    ("The ALF, a faction that broke away from the Pakistani Taliban in 2014, claimed the blast.",
     R.SPLIT_FROM, ALF, TTP),
    ("A TTP splinter group, the ALF, claimed the attack.",
     R.SPLIT_FROM, ALF, TTP),
    ("The ALF, an offshoot of the TTP, claimed the attack.",
     R.SPLIT_FROM, ALF, TTP),
    ("The ALF, which has links to al-Qaeda, claimed the attack.",
     R.ALLIANCE, ALF, AQ),
    ("The ALF has close ties to al-Qaeda.",
     R.ALLIANCE, ALF, AQ),
    ("The ALF is allied with the TTP.",
     R.ALLIANCE, ALF, TTP),
    ("The ALF, which has long been allied with al-Qaeda, claimed the attack.",
     R.ALLIANCE, ALF, AQ),
    ("The Taliban and the ISKP are bitter rivals.",
     R.RIVALRY, TALIBAN, ISKP),
    ("The Taliban have been battling the ISKP for years.",
     R.RIVALRY, TALIBAN, ISKP),
    ("The ISKP, which has been fighting the Taliban since 2015, claimed the attack.",
     R.RIVALRY, ISKP, TALIBAN),
    ("The ISKP is an enemy of the Taliban.",
     R.RIVALRY, ISKP, TALIBAN),
    ("The Taliban view the ISKP as their main rival.",
     R.RIVALRY, TALIBAN, ISKP),
    ("The ALF, whose leader Hakim Zaman was killed in 2015, claimed the attack.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman, who heads the ALF, was arrested.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. Hakim Zaman, the group's founder, denied it.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The TTP said its spokesman, Hakim Zaman, had been arrested.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, the TTP's commander in Swat, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, a former TTP commander who later joined the ISKP, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, a former TTP commander who later joined the ISKP, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", ISKP),
    ("Hakim Zaman succeeded Qari Rahim Gul as TTP chief in 2013.",
     R.LEADER_OF, "Hakim Zaman", TTP),
    ("After Qari Rahim Gul was killed in 2013, Hakim Zaman became the TTP's leader.",
     R.LEADER_OF, "Hakim Zaman", TTP),
    ("The ALF claimed the attack. The group is now led by Hakim Zaman.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. Hakim Zaman was appointed the group's new emir in July.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. The group's spokesman, Hakim Zaman, said more would follow.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("The ALF claimed the attack. It is an affiliate of al-Qaeda.",
     R.AFFILIATE_OF, ALF, AQ),
    ("The ALF claimed the attack. The group is aligned with the Taliban.",
     R.ALLIANCE, ALF, TALIBAN),
    ("The ALF claimed the attack. The group considers the Taliban an enemy.",
     R.RIVALRY, ALF, TALIBAN),
    ("The ALF claimed the attack. The militant group is believed to be an affiliate of al-Qaeda.",
     R.AFFILIATE_OF, ALF, AQ),
    ("Hakim Zaman, the ALF's deputy leader, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman, a top TTP commander, was arrested.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, the head of the ISKP, was killed.",
     R.LEADER_OF, "Hakim Zaman", ISKP),
    ("The ISKP, the Islamic State's affiliate in Afghanistan, claimed the attack.",
     R.AFFILIATE_OF, ISKP, IS),
    ("The ISKP, the Afghan branch of the Islamic State, claimed the attack.",
     R.AFFILIATE_OF, ISKP, IS),
    ("The Islamic State's Afghan affiliate, the ISKP, claimed the attack.",
     R.AFFILIATE_OF, ISKP, IS),
    ("The ALF was founded by Hakim Zaman, a former TTP commander.",
     R.MEMBER_OF, "Hakim Zaman", TTP),
    ("The ALF joined forces with the TTP in 2016.",
     R.ALLIANCE, ALF, TTP),
    ("The ALF and the TTP formed an alliance in 2016.",
     R.ALLIANCE, ALF, TTP),
    ("The ALF has fought alongside the Taliban.",
     R.ALLIANCE, ALF, TALIBAN),
    ("The ALF is a close ally of the TTP.",
     R.ALLIANCE, ALF, TTP),
    ("The ALF has pledged loyalty to the Afghan Taliban.",
     R.ALLEGIANCE, ALF, TALIBAN),
    ("The ALF declared allegiance to the Islamic State in 2015.",
     R.ALLEGIANCE, ALF, IS),
    ("The ALF is part of the TTP.",
     R.AFFILIATE_OF, ALF, TTP),
    # founders and senior leaders
    ("Hakim Zaman, a senior leader of the ALF founded by his father Qari Rahim Gul, was "
     "arrested.", R.LEADER_OF, "Qari Rahim Gul", ALF),
    ("Hakim Zaman, a senior leader of the TTP, was arrested.",
     R.LEADER_OF, "Hakim Zaman", TTP),
    ("Hakim Zaman, who co-founded the ALF, was arrested.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman co-founded the ALF in 2012.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("The Taliban are considered an enemy by the ISKP.",
     R.RIVALRY, ISKP, TALIBAN),
    ("The TTP is regarded as an ally by the ALF.",
     R.ALLIANCE, ALF, TTP),
    # fronts and umbrellas
    ("The ALF is widely believed to be a front for al-Qaeda.",
     R.AFFILIATE_OF, ALF, AQ),
    ("The ALF, a front for the TTP, claimed the attack.",
     R.AFFILIATE_OF, ALF, TTP),
    ("Hakim Zaman formed a charity called the ALF, which is believed to be a front for the "
     "TTP.", R.AFFILIATE_OF, ALF, TTP),
    ("The ALF operates under the umbrella of the TTP.",
     R.AFFILIATE_OF, ALF, TTP),
    ("The ALF, which operates under the umbrella of al-Qaeda, claimed the attack.",
     R.AFFILIATE_OF, ALF, AQ),
    # a group a person calls his own
    ("Police said Hakim Zaman's ALF carried out the raid.",
     R.LEADER_OF, "Hakim Zaman", ALF),
    ("Mullah Omar's Afghan Taliban ruled Kabul until 2001.",
     R.LEADER_OF, "Mullah Omar", TALIBAN),
    # a hyphenated participle before a name
    ("The Taliban-allied ALF claimed the attack.",
     R.ALLIANCE, ALF, TALIBAN),
    ("The al-Qaeda-affiliated ALF claimed the attack.",
     R.AFFILIATE_OF, ALF, AQ),
    ("Police blamed the TTP-aligned Alpha Liberation Front for the attack.",
     R.ALLIANCE, ALF, TTP),
    ("The Mullah Omar-led Afghan Taliban claimed the attack.",
     R.LEADER_OF, "Mullah Omar", TALIBAN),
    # hyphenated titles the tokenizer splits
    ("The ALF claimed the attack. The group's second-in-command, Hakim Zaman, was killed.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman, the second-in-command of the ALF, was killed.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
    ("Hakim Zaman, the ALF's second-in-command, was killed.",
     R.MEMBER_OF, "Hakim Zaman", ALF),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "subject", "obj"), FORMS)
def test_forms_relation_is_found(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), kind, subject, obj)


D = FuzzyDate
DATED = [
    ("The ALF split from the TTP in February 2014.", R.SPLIT_FROM, ALF, D(2014, 2), None),
    ("The ALF merged into the TTP in August 2014.", R.ALLEGIANCE, ALF, D(2014, 8), None),
    ("The ALF rejoined the TTP this week.", R.ALLEGIANCE, ALF, D(2016, 1), None),
    ("The ALF rejoined the TTP last week.", R.ALLEGIANCE, ALF, D(2016, 1), None),
    ("In October 2014 the ALF pledged allegiance to the Islamic State.",
     R.ALLEGIANCE, ALF, D(2014, 10), None),
    ("The ALF was founded in 2012. In 2014 the group pledged allegiance to the Islamic State.",
     R.ALLEGIANCE, ALF, D(2014), None),
    ("Hakim Zaman was named chief of the TTP in late July.",
     R.LEADER_OF, "Hakim Zaman", D(2015, 7), None),
    ("The TTP named Hakim Zaman as its chief in July 2015.",
     R.LEADER_OF, "Hakim Zaman", D(2015, 7), None),
    ("Hakim Zaman took over as leader of the TTP in 2013.",
     R.LEADER_OF, "Hakim Zaman", D(2013), None),
    ("Hakim Zaman took over the TTP in 2009 after its previous head was killed.",
     R.LEADER_OF, "Hakim Zaman", D(2009), None),
    ("Hakim Zaman took charge of the ALF in 2009.", R.LEADER_OF, "Hakim Zaman", D(2009), None),
    ("Hakim Zaman assumed the leadership of the ALF in March 2010.",
     R.LEADER_OF, "Hakim Zaman", D(2010, 3), None),
    ("TTP chief Hakim Zaman was killed in a drone strike in 2015.",
     R.LEADER_OF, "Hakim Zaman", None, D(2015)),
    ("Hakim Zaman became leader of the TTP in 2013. He was killed in a drone strike in "
     "November 2015.", R.LEADER_OF, "Hakim Zaman", D(2013), D(2015, 11)),
    ("The TTP has lost two previous leaders: Hakim Zaman (killed July 2014) and Qari Rahim "
     "Gul (killed April 2015).", R.LEADER_OF, "Hakim Zaman", None, D(2014, 7)),
    ("The TTP has lost two previous leaders: Hakim Zaman (killed July 2014) and Qari Rahim "
     "Gul (killed April 2015).", R.LEADER_OF, "Qari Rahim Gul", None, D(2015, 4)),
    ("Hakim Zaman led the TTP until 2014.", R.LEADER_OF, "Hakim Zaman", None, D(2014)),
    ("The ALF, founded by Hakim Zaman in 2012, pledged allegiance to the Islamic State.",
     R.ALLEGIANCE, ALF, None, None),
    ("Hakim Zaman led the ALF until he was killed in a strike in July 2015.",
     R.LEADER_OF, "Hakim Zaman", None, D(2015, 7)),
    ("Hakim Zaman, who became emir of the ALF in 2012, was arrested.",
     R.LEADER_OF, "Hakim Zaman", D(2012), None),
    ("Hakim Zaman, the ALF's emir since 2012, was arrested.",
     R.LEADER_OF, "Hakim Zaman", D(2012), None),
    ("The ALF, an al-Qaeda affiliate since 2014, claimed the attack.",
     R.AFFILIATE_OF, ALF, D(2014), None),
    ("The TTP named Hakim Zaman its new chief in 2013.",
     R.LEADER_OF, "Hakim Zaman", D(2013), None),
    ("Hakim Zaman, the ALF's emir, was arrested in 2014.",
     R.LEADER_OF, "Hakim Zaman", None, None),
]  # fmt: skip


@pytest.fixture(scope="module")
def ended(contexts: Contexts, events: Events) -> Found:
    """The rules' relations of a text, deduplicated and ended by the deaths it states."""
    finder = RelationFinder("test")

    def run(text: str) -> list[RelationFinding]:
        said = contexts(text)
        found = dedupe_relations(f for c in said for f in finder.find(c))
        return end_by_killings(found, events(text), said)

    return run


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "subject", "start", "end"), DATED)
def test_forms_relation_dates(
    ended: Found, text: str, kind: RelationType, subject: str, start: D | None, end: D | None
) -> None:
    found = [f for f in ended(text) if f.type is kind and f.subject.name == subject]
    assert [(f.start, f.end) for f in found] == [(start, end)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [("Members of the TTP founded the ALF in 2014.", R.SPLIT_FROM),
     ("The ALF was founded by Hakim Zaman, a former TTP commander.", R.SPLIT_FROM),
     ("The ISKP considers the Taliban an enemy of Islam.", R.RIVALRY),
     ("The ALF considers the Taliban Islam's enemy.", R.RIVALRY),
     ("The ALF worked with the TTP.", R.ALLIANCE),
     ("The TTP is considered an enemy of Islam.", R.RIVALRY),
     ("The ALF claimed the attack. The group's second-in-command, Hakim Zaman, was killed.",
      R.LEADER_OF),
     ("The army fought the ALF on the front near Quetta.", R.AFFILIATE_OF),
     ("The al-Qaeda-linked ALF claimed the attack.", R.AFFILIATE_OF),
     ("Pakistan's TTP and Afghanistan's ISKP claimed attacks.", R.LEADER_OF),
     ("The Taliban-led government denied that the ALF exists.", R.LEADER_OF),
     ("The ALF fought under the cover of darkness against the TTP.", R.AFFILIATE_OF),
     ("Hakim Zaman, a well-known preacher, addressed a rally called by the TTP.", R.LEADER_OF)],
)  # fmt: skip
def test_forms_near_misses_state_no_relation(
    relation_findings: Found, text: str, kind: RelationType
) -> None:
    assert kind not in {f.type for f in relation_findings(text)}


@pytest.mark.slow
def test_forms_the_groups_fight_is_its_leaders_group(relation_findings: Found) -> None:
    found = relation_findings(
        "The ALF's leader, Hakim Zaman, spoke on Monday. Hakim Zaman has declared the ALF's "
        "loyalty to al-Qaeda's general command and has led the group's fight against the TTP."
    )
    rivals = {frozenset((f.subject.name, f.object.name)) for f in found if f.type is R.RIVALRY}
    assert rivals == {frozenset((ALF, TTP))}
