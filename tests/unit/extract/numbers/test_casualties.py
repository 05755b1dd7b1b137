"""Tests for casualty counts read off the parse (mosaic.extract.numbers.casualties)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc, Span

from mosaic.extract.numbers.casualties import (
    Casualties,
    casualties,
    count_mentions,
    is_count_token,
)
from mosaic.model import Count

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Gunmen stormed the hotel, killing 12 people.", Count(12, 12), None),
        (
            "At least 40 people were killed and 120 others wounded.",
            Count(40, None),
            Count(120, 120),
        ),
        ("The blast killed more than 30 and injured dozens.", Count(31, None), Count(24, None)),
        ("The bombing killed nine people, including four police officers.", Count(9, 9), None),
        ("The raiders killed three guards and five drivers.", Count(8, 8), None),
        ("The death toll rose to 54 on Sunday.", Count(54, 54), None),
        ("By evening the tally had climbed to 31.", Count(31, 31), None),
        ("The minister was killed in the blast along with 6 other people.", Count(7, 7), None),
        ("The strike hit 21 targets, killing about 300 fighters.", Count(300, 300), None),
        (
            "At least 12 people were killed and 30 injured in the blast.",
            Count(12, None),
            Count(30, None),
        ),
        (
            "More than 12 people were killed and 30 injured in the blast.",
            Count(13, None),
            Count(30, 30),
        ),
        (
            "The commander and two others were killed when three rockets hit the car.",
            Count(3, 3),
            None,
        ),
        ("The fire took the lives of 4 guards, 2 cooks, and 1 driver.", Count(7, 7), None),
        (
            "Gunmen fired on a van, killing two men and leaving 11 others wounded.",
            Count(2, 2),
            Count(11, 11),
        ),
        ("The blast also wounded 16 others, two of them critically.", None, Count(16, 16)),
        (
            "A guard and two customers were killed and nine others were hurt.",
            Count(3, 3),
            Count(9, 9),
        ),
        ("A policeman and three children died in the blast.", Count(4, 4), None),
        ("Another 12 people sustained injuries in the blast.", None, Count(12, 12)),
        ("At least 25 people suffered wounds.", None, Count(25, None)),
        ("The number of injured rose to 60 on Tuesday.", None, Count(60, 60)),
        ("The number of dead has climbed to 41.", Count(41, 41), None),
        ("The number of schools rose to 60 on Tuesday.", None, None),
        ("The ambush killed his secretary and a guard.", Count(2, 2), None),
        ("His driver was wounded in the blast.", None, Count(1, 1)),
        ("His driver and two guards were killed.", Count(3, 3), None),
        ("The raid killed the group's chief, Ahmed Karim.", None, None),
        ("More than 20 people were taken to hospital with injuries.", None, Count(21, None)),
        ("Doctors said 31 people were being treated for wounds.", None, Count(31, 31)),
        (
            "The grenade killed two officers and left seven others with injuries.",
            Count(2, 2),
            Count(7, 7),
        ),
        ("More than 20 people were taken to hospital with fever.", None, None),
        ("The driver was killed in the ambush.", Count(1, 1), None),
        (
            "The minister's driver was killed and his bodyguard was wounded.",
            Count(1, 1),
            Count(1, 1),
        ),
        ("Police officer Fidel Ramos was seriously wounded.", None, Count(1, 1)),
        ("A policeman died in the explosion.", Count(1, 1), None),
        ("Inspector Juan Ortiz died of a heart attack in 1990.", None, None),
        ("Mayor Pedro Lopez was killed along with two of his bodyguards.", Count(3, 3), None),
        ("The senator and his two bodyguards died in the blast.", Count(3, 3), None),
        ("The judge was killed by the impact of three bullets.", Count(1, 1), None),
        ("The blast killed 40 border guards as well as the bomber.", Count(40, 40), None),
        (
            "Soldiers killed a deputy commander of the rebel front and three of his guards.",
            Count(4, 4),
            None,
        ),
        ("Rioters beat two shopkeepers to death in the market.", Count(2, 2), None),
        ("Five pilgrims were killed and 14 others were treated in hospital.", Count(5, 5),
         Count(14, 14)),
        ("The court said the case was treated as a terrorist act.", None, None),
    ],
)  # fmt: skip
def test_casualties_counts_victims(
    parse: Callable[..., Doc], sentence: str, killed: Count, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert found.total_killed() == killed
    assert found.wounded == wounded


def test_casualties_keeps_attackers_apart(parse: Callable[..., Doc]) -> None:
    found = casualties(
        parse("Four gunmen killed 11 villagers and two attackers were also killed.")[:]
    )
    assert found == Casualties(
        killed=Count(11, 11), attackers_killed=Count(2, 2), attackers_died=True
    )


@pytest.mark.parametrize(
    ("sentence", "victims", "attackers"),
    [
        ("Two of the bombers were killed when their car crashed.", None, Count(2, 2)),
        (
            "Nobody knows how many militants took part, but officials say six of them died.",
            None,
            Count(6, 6),
        ),
        ("The gunmen fired on the pilgrims, killing five of them.", Count(5, 5), None),
        ("Militants stormed the village at night, killing 12 of them.", Count(12, 12), None),
    ],
)
def test_casualties_a_part_of_the_attackers_is_counted_apart(
    parse: Callable[..., Doc], sentence: str, victims: Count | None, attackers: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.killed, found.attackers_killed) == (victims, attackers)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("One guard died and around 20, 21 were hurt, a doctor said.", Count(1, 1), Count(20, 21)),
        ("Officials said about 9, 10 people were killed in the raid.", Count(9, 10), None),
    ],
)
def test_casualties_a_hedged_spoken_range_is_one_count(
    parse: Callable[..., Doc], sentence: str, killed: Count, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Forty-two people died when the ferry was bombed.", Count(42, 42), None),
        (
            "At least twenty-one people were killed and sixty-five wounded.",
            Count(21, None),
            Count(65, None),
        ),
        ("A 19-year-old guard was killed at the gate.", Count(1, 1), None),
    ],
)
def test_casualties_number_words_written_with_a_hyphen(
    parse: Callable[..., Doc], sentence: str, killed: Count, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


def test_casualties_ignore_numbers_that_count_no_dead(parse: Callable[..., Doc]) -> None:
    found = casualties(
        parse("In 2015 some 3,000 fighters joined the 12 factions in 21 districts.")[:]
    )
    assert found == Casualties()


def test_casualties_read_infobox_rows(parse: Callable[..., Doc]) -> None:
    found = casualties(parse("Location | Kabul | Deaths | 95 | Injured | 158 |")[:])
    assert (found.killed, found.wounded) == (Count(95, 95), Count(158, 158))


def test_casualties_small_number_the_ner_took_for_a_year(parse: Callable[..., Doc]) -> None:
    doc = parse("The blast killed 12 people and injured 87.")
    wounded = next(t for t in doc if t.text == "87")
    doc.ents = [Span(doc, wounded.i, wounded.i + 1, label="DATE")]
    assert casualties(doc[:]).wounded == Count(87, 87)


def test_casualties_a_year_stays_a_date(parse: Callable[..., Doc]) -> None:
    doc = parse("The group has attacked churches since 95.")
    year = next(t for t in doc if t.text == "95")
    doc.ents = [Span(doc, year.i, year.i + 1, label="DATE")]
    assert casualties(doc[:]) == Casualties()


def test_casualties_relative_clause_hung_on_the_noun_before_the_event(
    parse: Callable[..., Doc],
) -> None:
    doc = parse(
        "Officers caught a cleric who planned the twin bombings in Quetta that killed at "
        "least 30 people and wounded more than 50 others."
    )
    bombings = next(t for t in doc if t.lower_ == "bombings")
    caught = next(t for t in doc if t.lower_ == "caught")
    found = casualties(doc[:], bombings, [caught])
    assert found.killed == Count(30, None)
    assert found.wounded == Count(51, None)


@pytest.mark.parametrize(
    "sentence",
    ["Aides said Friday four air strikes killed at least 18 rebels along the river.",
     "In May, two strikes in the valley killed at least 26 fighters."],
)  # fmt: skip
def test_casualties_the_number_of_strikes_is_no_toll(
    parse: Callable[..., Doc], sentence: str
) -> None:
    found = casualties(parse(sentence)[:])
    assert found.total_killed() is not None and found.total_killed().low in (18, 26)
    assert found.killed is None or found.killed.low not in (2, 3)


def test_casualties_a_list_after_including_is_a_part_however_parsed() -> None:
    """The parser may hang the second item of "including A, B" on the total as an apposition."""
    words = [
        "14",
        "people",
        "were",
        "killed",
        ",",
        "including",
        "6",
        "passengers",
        ",",
        "two",
        "guards",
        ".",
    ]
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        heads=[1, 3, 3, 3, 3, 3, 7, 5, 1, 10, 1, 3],
        deps=["nummod", "nsubjpass", "auxpass", "ROOT", "punct", "prep", "nummod", "pobj",
              "punct", "nummod", "appos", "punct"],
        pos=["NUM", "NOUN", "AUX", "VERB", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT", "NUM", "NOUN",
             "PUNCT"],
        tags=["CD", "NNS", "VBD", "VBN", ",", "VBG", "CD", "NNS", ",", "CD", "NNS", "."],
        lemmas=["14", "people", "be", "kill", ",", "include", "6", "passenger", ",", "two",
                "guard", "."],
    )  # fmt: skip
    assert casualties(doc[:]).total_killed() == Count(14, 14)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Karim Baksh and three other guards died when the convoy was ambushed.", Count(4, 4)),
        ("The gunmen shot the driver, killing him and two others on the road.", Count(3, 3)),
        ("The rocket hit the market, killing two of the traders and their cook.", Count(3, 3)),
        ("The mine killed four soldiers and a porter near the pass.", Count(5, 5)),
    ],
)
def test_casualties_count_the_people_listed_beside_a_number(
    parse: Callable[..., Doc], sentence: str, killed: Count
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The shelling killed a shopkeeper and wounded several farmers.", Count(1, 1), None),
        ("A teacher was killed and a nurse was injured in the blast.", Count(1, 1), Count(1, 1)),
        ("The blast killed nine people and wounded a child.", Count(9, 9), Count(1, 1)),
    ],
)
def test_casualties_one_person_named_with_an_article(
    parse: Callable[..., Doc], sentence: str, killed: Count, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The blast killed a number of people in the square.", None),
        ("Gunmen killed a policeman and two other people at the gate.", Count(3, 3)),
    ],
)
def test_casualties_an_article_counts_no_one_twice_nor_a_quantity(
    parse: Callable[..., Doc], sentence: str, killed: Count | None
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The car bomb left four shoppers dead and 30 injured.", Count(4, 4), Count(30, 30)),
        ("A roadside blast left at least two soldiers dead.", Count(2, None), None),
        ("The floods left 500 families homeless.", None, None),
    ],
)
def test_casualties_what_a_verb_left_its_object(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "wounded"),
    [
        ("- Casualties: 9 killed, 25+ wounded\n", Count(25, None)),
        ("The blast left 9 dead and 25+ injured.", Count(25, None)),
        ("The blast left 9 dead and 25 injured.", Count(25, 25)),
    ],
)
def test_casualties_a_number_with_a_plus_is_a_floor(
    parse: Callable[..., Doc], sentence: str, wounded: Count
) -> None:
    assert casualties(parse(sentence)[:]).wounded == wounded


def test_casualties_one_person_placed_by_a_phrase(parse: Callable[..., Doc]) -> None:
    found = casualties(parse("Gunmen shot dead a police officer in the bazaar on Tuesday.")[:])
    assert found.total_killed() == Count(1, 1)


def test_casualties_a_count_of_whom_is_a_part(parse: Callable[..., Doc]) -> None:
    found = casualties(
        parse("The bomb killed 9 people and wounded at least 30, 12 of whom were children.")[:]
    )
    assert (found.total_killed(), found.wounded) == (Count(9, 9), Count(30, None))


@pytest.mark.parametrize(
    ("spans", "counts"),
    [
        ([(1, 4, "ORG")], False),  # "the 19 April Movement": the number is part of the name
        ([(1, 2, "CARDINAL"), (2, 4, "ORG")], True),  # "19 April Movement men": a count
    ],
)
def test_casualties_a_number_inside_a_name_counts_no_one(
    spans: list[tuple[int, int, str]], counts: bool
) -> None:
    words = ["the", "19", "April", "Movement"]
    deps = ["det", "nummod", "compound", "ROOT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 3], deps=deps)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    doc[3].pos_ = "PROPN"
    assert is_count_token(doc[1]) is counts


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt in the blast.",
        "Fortunately, no one was killed or wounded in the attack.",
        "Not one soldier died in the ambush.",
    ],
)
def test_casualties_a_negated_number_counts_no_one(
    parse: Callable[..., Doc], sentence: str
) -> None:
    found = casualties(parse(sentence)[:])
    counts = [found.killed, found.attackers_killed, found.wounded]
    assert all(c is None or c == Count.exactly(0) for c in counts)


@pytest.mark.parametrize(
    ("sentence", "killed", "others"),
    [
        ("Three more people died in hospital on Tuesday.", Count(3, 3), True),
        ("Two of the injured later died, a doctor said.", Count(2, 2), True),
        ("Another guard died of his wounds overnight.", Count(1, 1), True),
        ("A third policeman died on the way to hospital.", Count(1, 1), True),
        ("More than 40 people died in the fire.", Count(41, None), False),
        ("Two of the passengers died at the scene.", Count(2, 2), False),
    ],
)
def test_casualties_dead_besides_those_told_before(
    parse: Callable[..., Doc], sentence: str, killed: Count, others: bool
) -> None:
    [mention] = [m for m in count_mentions(parse(sentence)[:]) if m.role == "killed"]
    assert (mention.count, mention.others) == (killed, others)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The bombing raised the toll to 31, the ministry said.", Count(31, 31)),
        ("A wounded guard succumbed to his injuries on Monday.", Count(1, 1)),
    ],
)
def test_casualties_toll_raised_and_death_of_wounds(
    parse: Callable[..., Doc], sentence: str, killed: Count
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed


def test_casualties_people_hospitalised_are_wounded(parse: Callable[..., Doc]) -> None:
    found = casualties(parse("Nineteen villagers were hospitalised after the blast.")[:])
    assert found.wounded == Count(19, 19)


@pytest.mark.parametrize(
    ("sentence", "killed", "claimed"),
    [
        (
            "Officials said eight guards were killed, while the rebels claimed to have killed 25.",
            8,
            False,
        ),
        ("The faction said it had killed 60 troops in the raid.", 60, True),
        ("The army said the rebels killed 12 villagers.", 12, False),
        ("The outfit said its gunmen had killed 35 guards at the depot.", 35, True),
        ("The group said 45 policemen had been killed in the ambush.", 45, True),
        ("The governor said 45 policemen had been killed in the ambush.", 45, False),
    ],
)
def test_casualties_the_killers_own_claim_yields_to_another_source(
    parse: Callable[..., Doc], sentence: str, killed: int, claimed: bool
) -> None:
    found = casualties(parse(sentence)[:]).total_killed()
    assert found == Count.exactly(killed)
    assert found is not None and found.claimed is claimed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("No casualties were reported after the blast.", 0, 0),
        ("Nobody was hurt in the explosion.", None, 0),
        ("No one was killed or injured, officials said.", 0, 0),
        ("Four people were wounded but no one was killed.", 0, 4),
        ("The blast killed three people; no one else was hurt.", 3, None),
    ],
)
def test_casualties_no_one_harmed_is_a_count_of_none(
    parse: Callable[..., Doc], sentence: str, killed: int | None, wounded: int | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert found.total_killed() == (None if killed is None else Count.exactly(killed))
    assert found.wounded == (None if wounded is None else Count.exactly(wounded))


def test_casualties_a_number_with_a_verb_of_its_own_shares_no_floor(
    parse: Callable[..., Doc],
) -> None:
    found = casualties(parse("At least nine people were killed and 15 were hurt.")[:])
    assert (found.killed, found.wounded) == (Count(9, None), Count(15, 15))


@pytest.mark.parametrize(
    "sentence",
    [
        "A car bomb killed six people, among them a local judge, near the court.",
        "The ambush killed six soldiers, including a young lieutenant.",
    ],
)
def test_casualties_one_person_named_in_a_breakdown_is_of_the_count(
    parse: Callable[..., Doc], sentence: str
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == Count(6, 6)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Between 10 and 12 people were killed when gunmen raided the village.", Count(10, 12)),
        ("The siege lasted 10 days and 12 people were killed.", Count(12, 12)),
        ("By Sunday the number of dead had risen to 47.", Count(47, 47)),
        ("The guard, aged 47, was killed in the blast.", Count(1, 1)),
    ],
)
def test_casualties_a_count_the_ner_took_for_a_date(
    parse: Callable[..., Doc], sentence: str, killed: Count
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        (
            "Rebels raided the market, killing 63 people, 40 of them traders, police said.",
            Count(63, 63),
            None,
        ),
        (
            "The health minister said 64 people had been injured, nine of them critically.",
            None,
            Count(64, 64),
        ),
    ],
)
def test_casualties_of_them_after_a_count_is_a_part_of_it(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("On Friday, doctors put the number of dead at 38.", Count(38, 38), None),
        ("The ministry put the death toll at 17.", Count(17, 17), None),
        ("Doctors put the number of injured at 90.", None, Count(90, 90)),
        ("Police put the number of arrests at 25.", None, None),
        (
            "Two more bodies were found, bringing the total number of dead to 29.",
            Count(29, 29),
            None,
        ),
        ("The second blast brought the number of injured to 75.", None, Count(75, 75)),
        ("The sweep raised the number of arrests to 40.", None, None),
    ],
)
def test_casualties_a_toll_put_at_or_brought_to_a_figure(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        (
            "A gunman killed a judge, Farid Ahmadi, outside the court, along with three other "
            "people.",
            Count(4, 4),
            None,
        ),
        (
            "The mayor, Rosa Delgado, was wounded along with two of her aides.",
            None,
            Count(3, 3),
        ),
    ],
)
def test_casualties_one_named_victim_along_with_others(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        (
            "Police killed the leader of the Southern Front, Rustam Karimov, and three other "
            "militants in a raid in Grozny.",
            Count(4, 4),
            None,
        ),
        (
            "They blame it for the bombing that killed the country's defence minister, Ali "
            "Batirov, and 12 other people.",
            Count(13, 13),
            None,
        ),
        (
            "The mayor's aide, Rosa Delgado, was killed with two other officials when a bomb "
            "went off under her car.",
            Count(3, 3),
            None,
        ),
        ("A bomber killed a guard, and three other people were wounded.", Count(1, 1), Count(3, 3)),
        ("Two soldiers were killed with their rifles in hand.", Count(2, 2), None),
    ],
)
def test_casualties_others_told_after_one_named_victim(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


def test_casualties_of_them_after_a_count_of_no_dead_is_the_count(
    parse: Callable[..., Doc],
) -> None:
    found = casualties(
        parse("Troops clashed with about 30 rebels near the river, killing seven of them.")[:]
    )
    assert found.total_killed() == Count(7, 7)


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("The sniper fired at three guards at the gate, killing one of them.", True),
        ("Two of the farmers were wounded when the shell landed.", True),
        ("Four of the wounded later died in hospital, a nurse said.", False),
        ("The shell killed six farmers near the well.", False),
    ],
)
def test_casualties_a_count_of_some_of_a_group_is_a_part(
    parse: Callable[..., Doc], sentence: str, part: bool
) -> None:
    [mention] = count_mentions(parse(sentence)[:])
    assert mention.count.part is part


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("On Friday three attackers killed 20 people, eight of them soldiers, in the town of "
         "Garo.", Count(20, 20), None),
        ("The blast wounded 40 people, eleven of them police cadets, near the gate.",
         None, Count(40, 40)),
    ],
)  # fmt: skip
def test_casualties_of_them_on_the_number_of_an_apposed_count_is_a_part(
    parse: Callable[..., Doc], sentence: str, killed: Count | None, wounded: Count | None
) -> None:
    """ "20 people, eight of them soldiers": the parser hangs "of them" on "eight", not on
    the noun; the eight are a part of the 20, not more dead."""
    found = casualties(parse(sentence)[:])
    assert (found.total_killed(), found.wounded) == (killed, wounded)


def test_casualties_a_small_number_the_ner_took_for_a_time(parse: Callable[..., Doc]) -> None:
    """ "wounded 64, hours after": the NER reads "64, hours" as a time, but the verb takes the
    number as its object, a count of the wounded."""
    sentence = "The grenade attack on the bus depot wounded 64, hours after the curfew was lifted."
    assert casualties(parse(sentence)[:]).wounded == Count(64, 64)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The bomber was killed and two guards were injured.", Count.of_named(0)),
        ("The gunman died at the scene; four shoppers were wounded.", Count.of_named(0)),
        ("All six attackers were killed.", Count.exactly(6)),
        ("Rebels ambushed a convoy, killing eight fighters and wounding five.", Count.exactly(8)),
    ],
)
def test_casualties_attackers_dying_beside_wounded_victims_kill_no_victim(
    parse: Callable[..., Doc], sentence: str, killed: Count
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Officials had given a toll of 12 on Monday and 19 on Tuesday.", None),
        ("Early reports had put the toll at 30.", None),
        ("By Friday the toll had risen to 33.", Count.exactly(33)),
        ("Police said nine villagers had been killed.", Count.exactly(9)),
        ("The number of people killed in the raid rose to 27 on Sunday.", Count.exactly(27)),
    ],
)
def test_casualties_a_toll_given_before_is_replaced(
    parse: Callable[..., Doc], sentence: str, killed: Count | None
) -> None:
    assert casualties(parse(sentence)[:]).total_killed() == killed
