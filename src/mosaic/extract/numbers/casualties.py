"""Casualty counts read off the dependency parse: which number counts the dead, which the wounded.

Each number is followed up the parse from the noun it counts ("17 people") to
the word that says what happened to them ("killing", "were killed", "wounded",
"the death toll rose to"). The climb stops at "including" and "among", so a
breakdown never adds to the total, and at prepositions other than "of", "to"
and "along with", so "in 21 strikes" is not a count of the dead. Counts under
one casualty word add up ("two policemen and four soldiers"); of several
casualty words the later statement wins ("the toll rose to 54").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.numbers.counts import VAGUE_FLOORS, add_counts, parse_count, parse_number
from mosaic.extract.text.modality import is_negating
from mosaic.extract.text.syntax import (
    ACTING_VERB_TAGS,
    ATTRIBUTIVE_OR_RELATIVE_DEPS,
    COUNTED_POS,
    NAME_LABELS,
    NOT_COUNT_LABELS,
    NOUN_POS,
    NUMBER_DEPS,
    NUMBER_PART_DEPS,
    OBJECT_PREDICATE_DEPS,
    ONE_PERSON_TAGS,
    ORDINAL_PERSON_POS,
    PATIENT_OR_LISTED_DEPS,
    PERSON_DEPS,
    PERSON_LABELS,
    PLURAL_NOUN_TAGS,
    PREDICATE_TAGS,
    QUALIFIER_DEPS,
    RELATIVE_PRONOUN_TAGS,
    SUBJECT_DEPS,
    TIME_LABELS,
    VERB_POS,
    children,
    is_passive,
    tree_distance,
)
from mosaic.extract.text.words import ARTICLES, HYPHENS, INDEFINITE_ARTICLES
from mosaic.model import Count

WOUNDING_VERBS = lexicon.words("numbers.wounding_verbs")
DEADLY_VERBS = lexicon.words("numbers.deadly_verbs")
"""Verbs of killing whose active subject is the killer ("gunmen massacred 20")."""
KILLED_WORDS = DEADLY_VERBS | lexicon.words("numbers.killed_words")
WOUNDED_WORDS = WOUNDING_VERBS | lexicon.words("numbers.wounded_words")
TOLL_NOUNS = lexicon.words("events.toll_nouns")
"""Nouns of an event's dead counted as one figure ("the death toll", "the tally")."""
KILLER_VERBS = DEADLY_VERBS | WOUNDING_VERBS
"""Verbs whose active subject did the killing or wounding ("two strikes killed 26")."""
LIFE_TAKERS = lexicon.words("numbers.life_takers")
BESIDES_WORDS = lexicon.words("numbers.besides_words")
CASUALTY_NOUNS = lexicon.words("numbers.casualty_nouns")
NO_ONE = lexicon.words("numbers.no_one")
SAYING_VERBS = lexicon.words("attribution.telling_verbs") | lexicon.words(
    "attribution.speech_verbs"
)  # the verbs a claim is told with ("the group said it had killed 40")
SPEAKER_PRONOUNS = lexicon.words("attribution.pronouns")
SUFFERING_VERBS = lexicon.words("numbers.suffering_verbs")
WOUND_NOUNS = lexicon.words("numbers.wound_nouns")
CARE_PLACES = lexicon.words("numbers.care_places")
TALLY_NOUNS = lexicon.words("numbers.tally_nouns")
WOUND_PREPS = lexicon.words("numbers.wound_preps")
ATTACKER_WORDS = lexicon.words("numbers.attacker_words")  # fmt: skip
GROUP_HEADS = lexicon.words("relations.group_heads")
OFFICE_NOUNS = lexicon.words("relations.leader_nouns") | lexicon.words("relations.member_nouns")
_BREAKDOWN = lexicon.words("numbers.breakdown")
FLOOR_QUALIFIERS = lexicon.words("numbers.floor_qualifiers")
_HEAD_QUALIFIERS = lexicon.words("numbers.head_qualifiers")
_TABLE_DEATH_LABELS = lexicon.words("numbers.table_death_labels")
_RANGE_LINKS = HYPHENS | lexicon.words("numbers.range_words")
_TABLE = re.compile(
    r"\b(?P<label>Deaths|Killed|Fatalities|Injured|Wounded|Injuries|Non-fatal injuries)"
    r"\s*[|:]\s*(?P<n>(?:at least |more than |over )?[\d,]+)"
)


@dataclass(frozen=True)
class CountMention:
    """A number of people and what happened to them: `role` is "killed" or "wounded"."""

    count: Count
    role: str
    attacker: bool
    trigger: int
    others: bool = False
    """The count is of people besides those told before ("two other men were killed")."""
    noun: int | None = None
    """The token of the noun counted ("17 people"), or of the number standing alone."""
    earlier: bool = False
    """A toll a later figure replaced ("officials had given a toll of 40"): a toll sentence
    still, whose figure counts for nothing."""


@dataclass(frozen=True)
class Casualties:
    """The dead (victims), the dead among the attackers, and the wounded of one sentence."""

    killed: Count | None = None
    attackers_killed: Count | None = None
    wounded: Count | None = None
    attackers_died: bool = False
    """The attackers' dead are told as dying, not as killed by others ("the bomber was killed",
    not "killing eight Taliban fighters")."""

    def total_killed(self) -> Count | None:
        """Victims where stated, otherwise the attackers' dead (FORMAT.md counts both), unless
        the sentence tells its victims apart as wounded ("the bomber was killed and two guards
        were injured": none of the victims dead, a count of no one named)."""
        if self.killed is None and self.attackers_died and self.wounded:
            return Count.of_named(0)
        return self.killed or self.attackers_killed


def is_count_token(token: Token) -> bool:
    """Whether the token starts a count of people (not a date, time, sum or ordinal)."""
    if not (token.like_num or token.lower_ in VAGUE_FLOORS):
        return False
    if token.ent_type_ in NOT_COUNT_LABELS and not _count_read_as_date(token):
        return False
    if token.ent_type_ in NAME_LABELS and counted_noun(token).ent_type_ == token.ent_type_:
        return False  # "the 19 April Movement": a number inside a name counts no one
    neighbours = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    if not number_word_tens(token) and any(
        n.text in HYPHENS and n.whitespace_ == "" for n in neighbours
    ):
        return False
    if _negated_number(token):
        return False
    head = token.head
    return not (head != token and head.like_num and token.dep_ in NUMBER_PART_DEPS)


def _negated_number(token: Token) -> bool:
    """ "no one was hurt", "not one soldier died": a number negated counts no one."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (before is not None and is_negating(before)) or any(is_negating(c) for c in token.lefts)


def _count_read_as_date(token: Token) -> bool:
    """ "injuring 87": a small bare number the NER took for a year ('87), or "wounded 79,
    hours after" for a time, but that a casualty verb takes as its object; "between 10 and 12
    people": one that counts a noun outside the date the NER saw (not "10 days"); "the number
    of dead rose to 54": a date of that number alone, that a toll rises to."""
    small = token.text.isdigit() and len(token.text) <= 3 and token.ent_type_ in TIME_LABELS
    noun = token.head
    people = token.dep_ == "nummod" and noun.pos_ in NOUN_POS and noun.ent_type_ != "DATE"
    alone = token.ent_iob_ == "B" and not _inside_entity(token.doc, token.i + 1)
    alone = alone and token.dep_ == "pobj" and token.head.lower_ == "to"  # not "aged 54"
    return small and (people or alone or (token.dep_ == "dobj" and _role(token.head) is not None))


def _inside_entity(doc: Doc, i: int) -> bool:
    """Whether token `i` goes on the entity begun before it."""
    return i < len(doc) and doc[i].ent_iob_ == "I"


def spoken_range(first: Token) -> Token | None:
    """ "about 13, 14 were wounded": the second of two numbers a comma joins, one more than
    the first, which a qualifier hedges: together they state a range, not two counts."""
    doc, i = first.doc, first.i
    if i + 2 >= len(doc) or doc[i + 1].text != "," or not first.text.isdigit():
        return None
    if not any(c.dep_ in QUALIFIER_DEPS for c in first.lefts):
        return None
    second = doc[i + 2]
    return second if second.text.isdigit() and int(second.text) == int(first.text) + 1 else None


def number_word_tens(token: Token) -> list[Token]:
    """ "Twenty-three": the tens word and hyphen before a number word's last part, which
    the tokenizer splits off (empty where the token is no such part, as in "2-year-old")."""
    doc, i = token.doc, token.i
    if i < 2 or not token.is_alpha or (i + 1 < len(doc) and doc[i + 1].text in HYPHENS):
        return []
    hyphen, tens = doc[i - 1], doc[i - 2]
    joined = hyphen.text in HYPHENS and not hyphen.whitespace_ and not tens.whitespace_
    if not (joined and tens.is_alpha and tens.like_num and token.like_num):
        return []
    return [tens, hyphen] if parse_number(f"{tens.text}-{token.text}") is not None else []


def count_phrase(token: Token) -> tuple[str, list[Token]]:
    """The words stating the count: qualifiers on the left, a range's second number; of a
    spoken range ("about 13, 14"), the first number and its qualifiers too."""
    doc = token.doc
    before = doc[token.i - 2] if token.i >= 2 else None
    if before is not None and spoken_range(before) == token:
        _, tokens = count_phrase(before)
        return f"{before.text} to {token.text}", [*tokens, doc[token.i - 1], token]
    tens = number_word_tens(token)
    heads = [*tens[:1], token]
    left = list(dict.fromkeys(
        t for h in heads for child in h.lefts if child.dep_ in QUALIFIER_DEPS
        for t in child.subtree
    ))  # fmt: skip
    words = [t for t in left if t.lower_ not in ARTICLES or t.i == token.i - 1]
    words = [t for t in words if t.i < token.i and t.pos_ not in NOUN_POS and t not in tens]
    if (
        token.dep_ == "pobj"
        and token.head.i == token.i - 1
        and token.head.lower_ in _HEAD_QUALIFIERS
    ):
        words.append(token.head)  # "over 300 injured", parsed with "over" as the head
    tokens = [*sorted(words, key=lambda t: t.i), *tens, token]
    after = token.i + 1
    if after + 1 < len(doc) and doc[after].lower_ in _RANGE_LINKS:
        second = doc[after + 1]
        ranged = doc[after].lower_ != "and" or any(t.lower_ == "between" for t in tokens)
        if second.like_num and ranged:
            tokens += [doc[after], second]
    text = " ".join(t.text for t in tokens)
    if tens:  # written as one word: "at least twenty-three"
        spaced = " ".join(t.text for t in [*tens, token])
        text = text.replace(spaced, "".join(t.text for t in [*tens, token]))
    return text, tokens


def counted_noun(token: Token) -> Token:
    """The noun a number counts ("17 people" -> people), or the number when it stands alone."""
    head = token.head
    if token.dep_ in NUMBER_DEPS and head.pos_ in COUNTED_POS:
        return head
    return token


def casualty_trigger(noun: Token, parts: bool = True) -> tuple[Token, str] | None:
    """The casualty word governing the counted noun and its role, climbing at most four steps;
    none for a part of a count told before unless `parts` is false."""
    if any(c.lower_ in _BREAKDOWN and c.i < noun.i for c in noun.children):
        return None  # "killing nine civilians, among them three children": a part of the nine
    if parts and _part_of_relative(noun):
        return None  # "injured at least 44, 38 of whom were taken to hospital": a part of the 44
    own = _role(noun)
    if own is not None and noun.pos_ != "NUM":
        return noun, own
    if noun.like_num and noun.i + 1 < len(noun.doc) and _role(noun.doc[noun.i + 1]):
        after = noun.doc[noun.i + 1]  # "leaving 4 dead and 18 injured"
        return after, _role(after) or "killed"
    for child in noun.children:
        if child.dep_ in ATTRIBUTIVE_OR_RELATIVE_DEPS and _role(child) and not _has_object(child):
            return child, _role(child) or "killed"
    predicate = _object_predicate(noun)
    if predicate is not None:
        return predicate, _role(predicate) or "killed"
    current = noun
    for _ in range(4):
        head = current.head
        if head == current or not _may_climb(current):
            return None
        role = _role(head)
        if role is not None:
            return None if _is_agent(current, head) else (head, role)
        if head.pos_ in VERB_POS and any(
            c.dep_ in ("nsubj", "dobj") and c.lemma_ in TOLL_NOUNS for c in head.children
        ):
            return head, "killed"  # "the toll rose to 23", "bringing the toll to eight"
        told = _tallied(head) or _suffered(current, head) or _put_at(current, head)
        if told is not None:
            return told
        current = head
    return None


def _tallied(verb: Token) -> tuple[Token, str] | None:
    """ "the number of injured rose to 60", "the number of dead climbed to 41", "bringing the
    total number of dead to 182", "the number of people killed in the attack rose to 61": a
    verb whose subject or object tallies the dead or wounded."""
    if verb.pos_ not in VERB_POS:
        return None
    tallies = [c for c in children(verb, "nsubj", "dobj") if c.lemma_.lower() in TALLY_NOUNS]
    counted = [o for t in tallies for p in children(t, "prep") if p.lower_ == "of"
               for o in children(p, "pobj")]  # fmt: skip
    told = [(w, _role(w)) for o in counted for w in [o, *children(o, "acl", "amod")]]
    return next(((w, role) for w, role in told if role is not None), None)


def _put_at(number: Token, prep: Token) -> tuple[Token, str] | None:
    """ "officials put the number of dead at 63", "estimated the death toll at 40": a count
    after "at" on a verb whose object is the toll or a tally of the dead or wounded."""
    if number.dep_ != "pobj" or prep.lower_ != "at" or prep.head.pos_ not in VERB_POS:
        return None
    objects = children(prep.head, "dobj")
    counted = [c for o in objects if o.lemma_.lower() in TALLY_NOUNS for p in children(o, "prep")
               if p.lower_ == "of" for c in children(p, "pobj")]  # fmt: skip
    told = next(((c, role) for c in counted if (role := _role(c)) is not None), None)
    if told is None and any(o.lemma_.lower() in TOLL_NOUNS - TALLY_NOUNS for o in objects):
        return prep.head, "killed"  # "the toll", not "the number of arrests"
    return told


def _suffered(person: Token, verb: Token) -> tuple[Token, str] | None:
    """ "12 people sustained injuries", "25 suffered wounds": the subject of a verb of
    suffering whose object is a wound; "20 were taken to hospital with injuries", "31 were
    treated for wounds", "left seven others with injuries": people the verb's "with" or
    "for" says are wounded."""
    if person.dep_ not in PERSON_DEPS or verb.pos_ not in VERB_POS:
        return None
    objects = children(verb, "dobj") if verb.lemma_.lower() in SUFFERING_VERBS else []
    objects += [o for w in (verb, person) for p in children(w, "prep")
                if p.lower_ in WOUND_PREPS for o in children(p, "pobj")]  # fmt: skip
    wounds = [o for o in objects if o.lemma_.lower() in WOUND_NOUNS]
    return (wounds[0], "wounded") if wounds else None


def _part_of_relative(noun: Token) -> bool:
    """ "38 of whom", "most of which": a count of a relative pronoun is a part of the count
    the clause describes; so is one of a pronoun set beside a count or after one ("wounded 16
    others, two of them critically"), also where "of them" hangs on the number before the noun
    ("killed 12 people, nine of them police officers")."""
    return any(
        o.tag_ in RELATIVE_PRONOUN_TAGS
        or (o.pos_ == "PRON" and (noun.dep_ == "appos" or _count_before(noun)))
        for w in (noun, *children(noun, "nummod"))
        for p in children(w, "prep")
        if p.lower_ == "of"
        for o in children(p, "pobj")
    )


def _count_before(noun: Token) -> bool:
    """ "killing 141 people, 132 of them children", "79 were wounded, nine of them
    critically": "of them" after a count of dead or wounded in the same sentence picks out a
    part of it, however the parser hung it ("clashed with 20 gunmen, killing five of them":
    the 20 counts no dead, the five are all)."""
    sent = noun.sent
    return any(
        is_count_token(t) and casualty_trigger(counted_noun(t), parts=False) is not None
        for t in sent
        if sent.start <= t.i < noun.i
    )


def _object_predicate(noun: Token) -> Token | None:
    """ "the blast left three people dead": a casualty word its verb says of the object; also
    right after it where the parser hung it elsewhere ("leaving 13 others wounded")."""
    if noun.dep_ != "dobj":
        return None
    predicates = [c for c in noun.head.children if c.dep_ in OBJECT_PREDICATE_DEPS]
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.tag_ in PREDICATE_TAGS and after.head != noun:
        predicates.append(after)
    return next((p for p in predicates if p.i > noun.i and _role(p) is not None), None)


def _has_object(verb: Token) -> bool:
    """ "three strikes killed 18 militants", parsed with "killed" on "strikes": a verb with an
    object of its own counts others, not the noun it hangs on ("17 people killed")."""
    return any(c.dep_ == "dobj" for c in verb.children)


def is_shot_dead(token: Token) -> bool:
    """ "shot dead": the parser hangs "dead" on the verb or on its object ("shot dead two men");
    after a noun it may take "shot" for one ("gunmen on a motorcycle shot dead a headman")."""
    if token.lemma_.lower() != "shoot" and token.lower_ != "shot":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return any(c.lower_ == "dead" for c in token.children) or (
        after is not None and after.lower_ == "dead"
    )


def is_done_to_death(token: Token) -> bool:
    """ "hacked a blogger to death", "was beaten to death": any verb that carries "to death"
    kills."""
    return token.pos_ in VERB_POS and any(
        p.lower_ == "to" and any(o.lemma_.lower() == "death" for o in children(p, "pobj"))
        for p in children(token, "prep")
    )


def _treated_in_care(token: Token) -> bool:
    """ "11 more were being treated at a military hospital": people treated in a hospital
    are wounded (not "the blast was treated as terrorism")."""
    if token.lemma_.lower() != "treat" or not is_passive(token):
        return False
    places = [
        o for p in children(token, "prep") if p.lower_ in ("at", "in") for o in children(p, "pobj")
    ]
    return any(o.lemma_.lower() in CARE_PLACES for o in places)


def _role(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if is_shot_dead(token) or is_done_to_death(token):
        return "killed"
    if _treated_in_care(token):
        return "wounded"
    if lemma == "life" and token.head.lemma_ in LIFE_TAKERS:
        return "killed"
    if lemma in KILLED_WORDS and not (lemma in TOLL_NOUNS and token.dep_ == "nsubj"):
        return "killed"
    if lemma in WOUNDED_WORDS and not (lemma == "wound" and token.pos_ == "NOUN"):
        return "wounded"
    return None


def _may_climb(token: Token) -> bool:
    """Whether a count may pass from `token` to its head: not out of "including ...", "in ..."
    or "by ..."."""
    if token.lemma_ in _BREAKDOWN or token.lower_ in _BREAKDOWN:
        return False
    if token.dep_ == "conj" and token.pos_ in VERB_POS:
        return False  # "three were killed and seven were arrested": the seven were not killed
    if token.dep_ == "advcl" and token.pos_ in VERB_POS:
        return False  # "X and three others were killed when four missiles hit": not the dead
    if token.dep_ == "agent":
        return False  # "was killed by the impact of three bullets": what killed, not the dead
    if token.dep_ != "prep":
        return True
    if token.lower_ == "along":
        return any(child.lower_ == "with" for child in token.children)
    return token.lower_ in ("of", "to") or _along_with_word(token) or _with_others(token)


def _with_others(token: Token) -> bool:
    """ "X was killed with four other fighters": "with" people besides the victim ("other",
    "others"), who died beside them; not "with two rifles" nor "with three men"."""
    return token.lower_ == "with" and any(is_others(c) for c in children(token, "pobj"))


def _is_agent(child: Token, verb: Token) -> bool:
    """The subject of an active killing verb is the killer, not the killed (also when tagged a
    participle, if it has an object: "two strikes killed 26")."""
    return (
        child.dep_ == "nsubj"
        and (verb.tag_ in ACTING_VERB_TAGS or _has_object(verb))
        and (verb.lemma_ in KILLER_VERBS or is_shot_dead(verb) or is_done_to_death(verb))
    )


def count_mentions(span: Span) -> list[CountMention]:
    """Every number of dead or wounded people stated in the span, in order."""
    mentions: list[CountMention] = []
    consumed: set[int] = set()
    for token in span:
        plus = _plus_count(token)
        if plus is not None and token.i not in consumed:
            mentions.append(plus)
            consumed.update((token.i, token.i + 1))
            continue
        if token.i in consumed or not (is_count_token(token) or _one_more(token)):
            continue
        if spoken_range(token) is not None:
            continue  # counted with the range's second number, which the parse ties to its word
        text, tokens = count_phrase(token)
        consumed.update(t.i for t in tokens)
        count = (
            Count.exactly(1) if _one_more(token) else parse_count(text) or parse_count(token.text)
        )
        noun = counted_noun(token)
        found = casualty_trigger(noun)
        victim = _named_victim_before(noun, tokens[0], found[0] if found else None)
        if found is None and victim is not None:  # the others hung away from the verb
            found = (victim.head, _role(victim.head) or "killed")
        if count is None or found is None:
            continue
        if _listed_after_breakdown(found[0], token):
            continue
        stated = count
        count = _plus_subject(count, noun, found[0], victim)
        whole = count != stated  # "X and two of his aides": the two with X are all the dead
        if whole:  # the one it was added to is not counted again on its own
            consumed.update(v.i for v in victims_of(found[0]))
        besides = is_others(noun) or is_others(token)  # "three more people": on the number
        others = (besides and count == stated) or _wounded_who_died(noun, found[1])
        count = _plus_listed_people(count, noun)
        if mentions and tokens == [*number_word_tens(token), token] and noun == token:
            count = _shared_floor(mentions[-1], count, found[0], span)
        count = replace(count, claimed=True) if _killers_claim(found[0]) else count
        count = replace(count, part=True) if _counts_part(noun) and not (others or whole) else count
        attacker = _is_attacker(noun)
        earlier = _earlier_toll(found[0])
        mentions.append(
            CountMention(count, found[1], attacker, found[0].i, others, noun.i, earlier)
        )
        consumed.update(t.i for t in _listed_people(noun))
    singles = [*_single_victims(span, consumed), *_no_one_harmed(span)]
    return sorted([*mentions, *singles], key=lambda m: m.trigger) if singles else mentions


def _earlier_toll(trigger: Token) -> bool:
    """ "Officials had given a toll of 40 on Friday", "early reports had put the toll at 53":
    a toll a verb in the past perfect takes as its object is one a later figure replaced,
    not the event's ("the toll had risen to 33", "20 people had been killed" still count)."""
    verb = trigger
    while verb.pos_ not in VERB_POS and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in VERB_POS or not any(c.lower_ == "had" for c in children(verb, "aux")):
        return False
    casualty_words = TOLL_NOUNS | KILLED_WORDS | WOUNDED_WORDS
    return any(o.lemma_.lower() in casualty_words for o in children(verb, "dobj"))


def _no_one_harmed(span: Span) -> list[CountMention]:
    """ "No casualties were reported", "there were no deaths", "nobody was hurt", "no one
    was killed or injured": none dead or wounded, a count of no one named (`Count.named`),
    which any number stated outranks."""
    found = []
    for token in span:
        roles = _denied_roles(token)
        found += [CountMention(Count.of_named(0), r, False, token.i, noun=token.i) for r in roles]
    return found


def _denied_roles(token: Token) -> list[str]:
    """The roles a casualty word denies: a noun with "no" ("no casualties": both), or a verb
    whose subject is no one (with the verbs joined to it: "killed or injured")."""
    if token.pos_ in NOUN_POS and any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
        if token.lemma_.lower() in CASUALTY_NOUNS:
            return ["killed", "wounded"]
        role = _role(token)
        return [role] if role else []
    if token.pos_ not in VERB_POS or _role(token) is None:
        return []
    subjects = children(token, "nsubj", "nsubjpass")
    if not subjects and token.dep_ == "conj":
        subjects = children(token.head, "nsubj", "nsubjpass")  # "killed or injured"
    if not any(" ".join(t.lower_ for t in s.subtree) in NO_ONE for s in subjects):
        return []
    return [_role(token) or "killed"]


def _plus_count(token: Token) -> CountMention | None:
    """ "40+ wounded": a number written with a plus right before a casualty word is a floor."""
    doc = token.doc
    if token.i + 2 >= len(doc) or not token.text.isdigit() or token.whitespace_:
        return None
    sign, word = doc[token.i + 1], doc[token.i + 2]
    role = _role(word) if sign.text == "+" else None
    if role is None:
        return None
    return CountMention(Count(int(token.text), None), role, False, word.i, noun=token.i)


def _listed_people(noun: Token) -> list[Token]:
    """ "three of them and their driver", "two soldiers and a policeman", "X and Y": one
    person more for each singular noun with an article or possessive, or name of a person,
    listed after a count or a person, with no number; not an attacker ("40 soldiers as well
    as the bomber": the bomber is counted apart)."""
    return [c for c in children(noun, "conj") if _single_person(c) and not _is_attacker(c)]


def _plus_listed_people(count: Count, noun: Token) -> Count:
    listed = _listed_people(noun)
    return add_counts(count, Count.exactly(len(listed))) if listed else count


def _single_victims(span: Span, consumed: set[int]) -> list[CountMention]:
    """ "the attack killed a contractor", "his driver was wounded": a singular noun with an
    indefinite article or a possessive, no number, as a killing or wounding verb's victim, is
    one person, and one more for each listed after it ("his secretary and a guard"): a count
    of the people named (`Count.named`), which a number stated outranks."""
    found = []
    for verb in span:
        role = _role(verb) if verb.pos_ in VERB_POS else None
        if role is None or verb.i in consumed:
            continue
        for noun in victims_of(verb):
            if noun.i in consumed or not _one_person(noun, listing=True):
                continue
            if _listed_after_breakdown(verb, noun):
                continue  # "killed four people, among them a cleric": one of the four
            listed = _listed_people(noun)
            if len(listed) != len(children(noun, "conj")):
                continue  # "a guard and two customers": counted with the customers
            count = Count.of_named(1 + len(listed))
            attacker, others = _is_attacker(noun), _one_more_person(noun)
            found.append(CountMention(count, role, attacker, verb.i, others, noun.i))
            consumed.update(t.i for t in noun.subtree)
    return found


def victims_of(verb: Token) -> list[Token]:
    """Who a casualty verb says was killed or wounded: the passive subject ("X was killed"),
    the object of a verb with a killer ("gunmen killed X"), the subject of one without
    ("the driver died"), unless a name: "X died of a skull fracture" tells how a victim
    counted with the attack died, or a death of old age."""
    if is_passive(verb):
        return children(verb, "nsubjpass")
    if verb.lemma_.lower() in KILLER_VERBS or children(verb, "dobj"):
        return children(verb, "dobj")
    return [s for s in children(verb, "nsubj") if not ends_person_name(s)]


def _singles_out(word: Token) -> bool:
    """An article or a possessive that makes a singular noun one person ("a guard", "the
    driver", "his driver", "the minister's driver")."""
    singling = ARTICLES | BESIDES_WORDS
    return (word.dep_ == "det" and word.lower_ in singling) or word.dep_ == "poss"


def ends_person_name(noun: Token) -> bool:
    """The last word of a person's name ("Juan Ortiz"), one person."""
    return noun.ent_type_ in PERSON_LABELS and noun.tag_ == "NNP"


def _single_person(noun: Token) -> bool:
    """A person's name, or a singular common noun an article or possessive makes one person,
    with nothing counting it ("a guard", "the driver", "his driver"; not "a number of
    people", nor "the group's chief, X", which names the one it counts)."""
    words = [w for w in noun.children if w.dep_ != "conj"]  # "X and two guards": X is one
    counting = [w for w in words if w.like_num and w.ent_type_ != "ORDINAL"]  # not "a fourth"
    if counting or children(noun, "nummod"):
        return False
    if ends_person_name(noun):
        return True
    return (
        not children(noun, "appos")
        and noun.tag_ == "NN"
        and not noun.ent_type_
        and any(_singles_out(w) for w in words)
        and (_holds_office(noun) or not any(w.dep_ == "prep" and w.lower_ == "of" for w in words))
    )


def _holds_office(noun: Token) -> bool:
    """ "a senior commander of X", "the deputy chief of Y": one holder of an office in a group,
    one person whatever follows "of" (unlike "a number of people")."""
    return noun.lemma_.lower() in OFFICE_NOUNS


def _one_person(noun: Token, listing: bool = False) -> bool:
    """A single person (`_single_person`), alone unless `listing` (then others may be listed
    after it)."""
    return _single_person(noun) and (listing or not children(noun, "conj"))


def _listed_after_breakdown(trigger: Token, token: Token) -> bool:
    """ "29 were killed, including 20 hostages, two police officers and five attackers": a
    count after "including" on the casualty word is a part of the total, however the parser
    hung the list."""
    between = token.doc[trigger.i + 1 : token.i]
    return any(t.lower_ in _BREAKDOWN or t.lemma_ in _BREAKDOWN for t in between)


def _shared_floor(before: CountMention, count: Count, trigger: Token, span: Span) -> Count:
    """ "at least 20 killed and 70 injured": a bare number (no noun of its own) joined to a
    floor's casualty word shares that floor (70 or more injured); "235 others" does not, nor
    one with a verb of its own ("at least 9 were killed and 15 were hurt")."""
    earlier = span.doc[before.trigger]
    joined = trigger.dep_ == "conj" and trigger.head == earlier
    joined = joined and not children(trigger, "aux", "auxpass")  # "and 15 were hurt": its own
    floor = before.count.high is None and before.count.low > 0
    if not (joined and floor and count.high == count.low and _floor_stated(earlier, span)):
        return count
    return Count(count.low, None)


def _floor_stated(trigger: Token, span: Span) -> bool:
    """Whether a floor qualifier ("at least") stands before the casualty word in the span."""
    before = " ".join(t.lower_ for t in span if t.i < trigger.i)
    return any(f" {q} " in f" {before} " for q in FLOOR_QUALIFIERS)


def _one_more(token: Token) -> bool:
    """ "killing four soldiers and wounding a fifth": "a" + an ordinal is one more person."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.ent_type_ == "ORDINAL"
        and token.pos_ in ORDINAL_PERSON_POS
        and before is not None
        and before.lower_ in INDEFINITE_ARTICLES
        and token.dep_ in PATIENT_OR_LISTED_DEPS
    )


def _nearest(word: Token, event: Token, rivals: Sequence[Token]) -> bool:
    distance = tree_distance(word, event)
    return all(distance <= tree_distance(word, rival) for rival in rivals)


def _misattached(word: Token, event: Token) -> bool:
    """ "a man who planned the bombings in X that killed 60": a relative clause on what kills,
    that the parser hung on a noun before the event told between them."""
    while word.dep_ == "conj" and word.head.i < word.i:  # "that killed 60 and wounded 200"
        word = word.head
    return (
        word.dep_ == "relcl"
        and event.pos_ == "NOUN"
        and word.head.i < event.i < word.i
        and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in word.children)
    )


def _plus_subject(count: Count, noun: Token, trigger: Token, victim: Token | None) -> Count:
    """ "he was killed ... along with 16 other people" counts 17, "X and three others" 4,
    "X and two other militants" 3, "killed the head of X, Y, and four other rebels" 5 (the
    one victim told before the others, `_named_victim_before`)."""
    if is_others(noun) and noun.dep_ == "conj" and noun.head.tag_ in ONE_PERSON_TAGS:
        return add_counts(count, Count.exactly(1))
    if victim is not None and victim.head == trigger:
        return add_counts(count, Count.exactly(1))
    if noun.dep_ == "conj" and noun.head.i < noun.i and _one_person(noun.head, listing=True):
        return add_counts(count, Count.exactly(1))  # "a guard and two customers were killed"
    if _along_with(noun) and any(
        _one_person(v, listing=True) or _one_named(v) for v in victims_of(trigger)
    ):
        return add_counts(count, Count.exactly(1))  # "X was killed along with two guards"
    if not any(c.lower_ == "other" for c in noun.children):
        return count
    if not any(c.dep_ == "nsubjpass" and c.tag_ in ONE_PERSON_TAGS for c in trigger.children):
        return count
    return add_counts(count, Count.exactly(1))


def _named_victim_before(noun: Token, first: Token, trigger: Token | None) -> Token | None:
    """ "killed the leader of X, Y, and four other militants", "killed the state's chief
    minister, Y, and 16 other people": a count of others right after ", and" that ends the
    one person a casualty verb names as its victim (the name apposed to it, within its words
    or right after them) is counted beside that victim, however the parser hung the others
    (on the verb, on the name, on the sentence's root); the victim, or none."""
    doc = first.doc
    if not is_others(noun) or noun.dep_ in SUBJECT_DEPS or first.i < 3:
        return None
    name, comma, conj = doc[first.i - 3 : first.i]
    if conj.lower_ != "and" or comma.text != "," or not ends_person_name(name):
        return None
    for verb in doc[first.sent.start : name.i]:
        if verb.pos_ not in VERB_POS or _role(verb) is None or trigger not in (None, verb):
            continue
        victims = victims_of(verb)
        if len(victims) != 1 or victims[0].tag_ != "NN" or victims[0].i > name.i:
            continue
        victim, end = victims[0], victims[0].right_edge.i
        inside = victim.left_edge.i <= name.i <= end
        apposed = end + 2 <= name.i and doc[end + 1].text == ","
        apposed = apposed and all(t.ent_type_ in PERSON_LABELS for t in doc[end + 2 : name.i + 1])
        if (inside or apposed) and _one_victim(victim):
            return victim
    return None


def _one_victim(noun: Token) -> bool:
    """One person: "the governor, Y," (`_one_named`), "his driver", "the leader of X"."""
    singled = any(_singles_out(w) for w in noun.children)
    return _one_named(noun) or _single_person(noun) or (singled and _holds_office(noun))


def _one_named(noun: Token) -> bool:
    """ "a candidate, X," "the governor, X,": one person, a singular noun its name follows."""
    return noun.tag_ == "NN" and any(ends_person_name(a) for a in children(noun, "appos"))


def _along_with_word(token: Token) -> bool:
    """ "with" of "along with", however the parser hung "along" (on "with", or on the verb
    right before it)."""
    if token.lower_ != "with":
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    along = before is not None and before.lower_ == "along"
    return along or token.head.lower_ == "along" or any(c.lower_ == "along" for c in token.children)


def _along_with(noun: Token) -> bool:
    """ "along with two of his guards", "with four other fighters": a count the casualty
    word's victim comes with."""
    return _along_with_word(noun.head) or _with_others(noun.head)


def is_others(noun: Token) -> bool:
    """ "four others", "two other men", "three more", "another man": people besides someone
    told before (not "more than 50")."""
    return noun.lemma_.lower() == "other" or any(
        c.lower_ == "other" or (c.lower_ in BESIDES_WORDS and not _before_than(c))
        for c in noun.children
    )


def _before_than(word: Token) -> bool:
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return after is not None and after.lower_ == "than"


def _wounded_who_died(noun: Token, role: str) -> bool:
    """ "two of the wounded later died": dead counted out of the wounded are dead besides
    those counted before."""
    group = _partitive_group(noun)
    return role == "killed" and group is not None and group.lemma_.lower() in WOUNDED_WORDS


def _one_more_person(noun: Token) -> bool:
    """ "another man", "a fourth officer": one person besides those told before."""
    return any(c.lower_ in BESIDES_WORDS for c in noun.children) or (
        any(c.lower_ in INDEFINITE_ARTICLES for c in noun.children)
        and any(c.ent_type_ == "ORDINAL" and c.dep_ == "amod" for c in noun.children)
    )


def _is_attacker(noun: Token) -> bool:
    """Whether the count is of attackers: the counted noun says so ("three gunmen"), or the
    group it counts a part of ("two of the attackers", "nine of them" after "the gunmen")."""
    group = _partitive_group(noun)
    words = {noun.lemma_.lower(), noun.lower_} | {c.lemma_.lower() for c in noun.lefts}
    if group is not None:
        words |= {group.lemma_.lower(), group.lower_}
    return bool(words & ATTACKER_WORDS)


def _counts_part(noun: Token) -> bool:
    """ "one of them", "two of the passengers": a count of some of a group told of, not of
    all the dead or wounded."""
    return any(children(p, "pobj") for p in children(noun, "prep") if p.lower_ == "of")


def _partitive_group(noun: Token) -> Token | None:
    """ "two of the attackers": the group a count is a part of; for "nine of them", the
    plural noun told last before it in the sentence, passing over the subjects of the verbs
    above the count: who reports it ("police say that nine of them ...") or who killed them
    ("militants stormed the village, killing 12 of them")."""
    groups = [o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    if not groups:
        return None
    if groups[0].pos_ != "PRON":
        return groups[0]
    above = set(noun.ancestors)
    before = [t for t in noun.sent if t.i < noun.i and t.tag_ in PLURAL_NOUN_TAGS]
    told = [t for t in before if not (t.dep_ in SUBJECT_DEPS and t.head in above)]
    return told[-1] if told else None


def _killers_claim(trigger: Token) -> bool:
    """ "the group said it had killed 40", "the attackers claimed to have killed 30": a killing
    verb told by its own subject, a pronoun of the speaker, or none (the speaker's): the
    killers' claim (`Count.claimed`), which a figure another source states outranks."""
    if trigger.dep_ not in ("ccomp", "xcomp") or trigger.head.lemma_.lower() not in SAYING_VERBS:
        return False
    if trigger.lemma_.lower() not in KILLER_VERBS or not children(trigger, "dobj"):
        # passive: "the group said more than 30 soldiers had been killed"
        speakers = children(trigger.head, "nsubj")
        return is_passive(trigger) and any(_the_militants(s) for s in speakers)
    subjects = children(trigger, "nsubj")
    if not subjects:
        return trigger.dep_ == "xcomp"
    return all(s.lower_ in SPEAKER_PRONOUNS or _own_fighters(s) for s in subjects)


def _the_militants(speaker: Token) -> bool:
    """ "the group", "the militants": the side that did the killing, named again as the
    speaker of the figure."""
    lemma = speaker.lemma_.lower()
    definite = any(c.lower_ == "the" for c in speaker.children)
    return definite and (lemma in GROUP_HEADS or lemma in ATTACKER_WORDS)


def _own_fighters(subject: Token) -> bool:
    """ "(the group said) its fighters had killed 50": the speaker's own fighters."""
    owned = any(c.tag_ == "PRP$" and c.dep_ == "poss" for c in subject.children)
    return owned and subject.lemma_.lower() in ATTACKER_WORDS


def table_counts(span: Span) -> list[CountMention]:
    """Infobox rows: "Deaths | 103", "Injured | 235"."""
    found = []
    for match in _TABLE.finditer(span.text):
        count = parse_count(match["n"])
        if count is not None:
            role = "killed" if match["label"] in _TABLE_DEATH_LABELS else "wounded"
            found.append(CountMention(count, role, False, span.start))
    return found


def combine(mentions: Iterable[CountMention]) -> Count | None:
    """Counts under one casualty word add up; the last casualty word stated wins, of those
    not the killers' own claim where there are such, and not "no one" where any counts."""
    given = list(mentions)
    listed = [m for m in given if m.count.low] or given  # a number outranks "no one"
    by_trigger: dict[int, Count] = {}
    for mention in [m for m in listed if not m.count.claimed] or listed:
        known = by_trigger.pop(mention.trigger, None)
        by_trigger[mention.trigger] = add_counts(known, mention.count) if known else mention.count
    return list(by_trigger.values())[-1] if by_trigger else None


def casualties(span: Span, event: Token | None = None, rivals: Sequence[Token] = ()) -> Casualties:
    """The sentence's dead and wounded, victims and attackers apart; given an `event` trigger,
    only the figures nearer to it in the parse than to any of the `rivals`."""
    mentions = [m for m in count_mentions(span) if not m.earlier]
    if event is not None:
        words = [(m, span.doc[m.trigger]) for m in mentions]
        mentions = [
            m for m, word in words if _nearest(word, event, rivals) or _misattached(word, event)
        ]
    mentions = mentions or table_counts(span)
    fighters = [m for m in mentions if m.role == "killed" and m.attacker]
    return Casualties(
        killed=combine(m for m in mentions if m.role == "killed" and not m.attacker),
        attackers_killed=combine(fighters),
        wounded=combine(m for m in mentions if m.role == "wounded"),
        attackers_died=any(m.noun is None or span.doc[m.noun].dep_ != "dobj" for m in fighters),
    )
