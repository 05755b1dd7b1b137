"""Relations stated by a role noun: "X, an al-Qaeda affiliate", "LJ chief Malik Ishaq",
"Y's leader X", "X is a branch of Y", "appointed X as its leader".

A role noun links a holder (the entity the noun describes) to an owner (the
group the noun belongs to). The holder stands in apposition, in a compound
before a name, as a copula's subject or as the object the noun is said of;
the owner is the noun's possessor, its modifier or the object of "of", "for"
or "in". "Its" and "the group" stand for the last group named before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import (
    GROUP_HEADS,
    GROUP_POSSESSIVES,
    PERSON_PRONOUNS,
    parties,
)
from mosaic.extract.relations.listed import LIST_WORDS, listed_holders
from mosaic.extract.relations.refs import (
    group_antecedent,
    is_subgroup_reference,
    subgroup_antecedent,
)
from mosaic.extract.text.sentences import SentenceContext, group_before, topic_group
from mosaic.extract.text.syntax import (
    COMPLEMENT_DEPS,
    HOLDER_BESIDE_DEPS,
    NOUN_POS,
    OBJECT_PREDICATE_DEPS,
    PARTICIPLE_CLAUSE_DEPS,
    PAST_TAGS,
    PATIENT_DEPS,
    PLURAL_NOUN_TAGS,
    REFERRING_POS,
    S_VERB_TAGS,
    SUBJECT_DEPS,
    TITLE_DEPS,
    VERB_POS,
    agents,
    children,
    is_passive,
    prep_objects,
    subject,
)
from mosaic.model import RelationType

AFFILIATE_NOUNS = lexicon.words("relations.affiliate_nouns")  # fmt: skip
LEADER_NOUNS = lexicon.words("relations.leader_nouns")  # fmt: skip
MEMBER_NOUNS = lexicon.words("relations.member_nouns")  # fmt: skip
ALLY_NOUNS = lexicon.words("relations.ally_nouns")
FRONT_NOUNS = lexicon.words("relations.front_nouns")
SHELTER_NOUNS = lexicon.words("relations.shelter_nouns")
RIVAL_NOUNS = lexicon.words("relations.rival_nouns")
RIVAL_ADJECTIVES = lexicon.words("relations.rival_adjectives")
APPOINT_VERBS = lexicon.words("relations.appoint_verbs")  # fmt: skip
SUCCEED_VERBS = lexicon.words("relations.succeed_verbs")
PROMOTING_VERBS = lexicon.words("relations.promoting_verbs")
"""Verbs that move one to the role "to" names ("promoted to chief")."""
OFFICE_OBJECTS = lexicon.words("relations.office_objects")
"""What one takes to take up an office ("took charge", "took the helm")."""
BECOME_VERBS = lexicon.words("relations.become_verbs")
PAST_OFFICE = lexicon.words("relations.past_office")
MILITANT_TITLES = lexicon.words("relations.militant_titles")
"""Titles that, held before ("former emir X"), name an office in the group talked about;
others ("former president X") may be a state's."""
STARTING_WORDS = lexicon.words("relations.starting_words")
FORMATION_NOUNS = lexicon.words("relations.formation_nouns")
SPLIT_WORDS = lexicon.words("relations.split_words")
FELLOW_WORDS = lexicon.words("relations.fellow_words")
"""Words that make a plural role noun joined to a name that name's role too ("X and other
commanders")."""
CELL_NOUNS = lexicon.words("relations.cell_nouns")
"""The small units of a group a leader may head ("a local cell"); with AFFILIATE_NOUNS, the
parts whose leader is a member of the whole."""
DEPUTY_WORDS = lexicon.words("relations.deputy_words")  # fmt: skip
_GROUP_HEADS = lexicon.words("relations.group_heads")
RELATIVE_POSSESSIVES = lexicon.words("relations.relative_possessives")
"""The relative pronoun of an owner ("whose"), which stands for the name before it."""
_NARROWING_DEPS = ("compound", "nmod")
_GROUP_PARTS = GROUP_HEADS | _GROUP_HEADS | CELL_NOUNS | AFFILIATE_NOUNS
"""Words for a group or a part of one: "leader of militant groups" heads them, no function."""
_HYPHENATED = frozenset(w for w in LEADER_NOUNS | MEMBER_NOUNS if "-" in w)
_HYPHENATED_PARTS = frozenset(p for w in _HYPHENATED for p in w.split("-"))
_KINDS = (("member", MEMBER_NOUNS), ("affiliate", AFFILIATE_NOUNS), ("ally", ALLY_NOUNS),
          ("rival", RIVAL_NOUNS))  # fmt: skip
_SYMMETRIC = {"ally": RelationType.ALLIANCE, "rival": RelationType.RIVALRY}
_KIND_WORDS = (
    SPLIT_WORDS
    | _GROUP_HEADS
    | LEADER_NOUNS
    | FRONT_NOUNS
    | SHELTER_NOUNS
    | frozenset(word for _, words in _KINDS for word in words)
)
"""Every word `noun_kind` can turn on: a noun's lemma outside them states no relation."""


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence; `anchor` is the token that states it."""

    type: RelationType
    subject: EntityMention
    object: EntityMention
    anchor: int
    dated: bool
    ending: bool = False
    """Whether the sentence's date ends the relation ("quit Y in May") rather than starts it."""


def noun_kind(noun: Token, context: SentenceContext) -> str | None:
    """Which relation the noun states: affiliate, leader, member, split, ally or rival."""
    lemma = hyphenated_word(noun) or noun.lemma_.lower()
    if lemma not in _KIND_WORDS and noun.lemma_.lower() not in _KIND_WORDS:
        return None
    modifiers = {c.lower_ for c in noun.children}
    if lemma in SPLIT_WORDS or (lemma in _GROUP_HEADS and modifiers & SPLIT_WORDS):
        return "split"
    if _front(noun) or _shelter(noun):
        return "affiliate"
    if lemma in LEADER_NOUNS:
        narrowed = modifiers & DEPUTY_WORDS or _has_plain_compound(noun, context)
        narrowed = narrowed or _of_a_function(noun, context)
        return "member" if narrowed else "leader"
    for kind, words in _KINDS:
        if lemma in words:
            return kind
    return None


def _front(noun: Token) -> bool:
    """ "a front for Y": the noun states an affiliation only with what it is a front for."""
    return noun.lemma_.lower() in FRONT_NOUNS and bool(prep_objects(noun, "for"))


def _shelter(noun: Token) -> bool:
    """ "under the umbrella of Y", "under the TTP's banner"."""
    return noun.lemma_.lower() in SHELTER_NOUNS and _under(noun)


def _under(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _has_plain_compound(noun: Token, context: SentenceContext) -> bool:
    """ "operations chief", "intelligence and operations chief": a noun before it that names
    no entity narrows the role below the top."""
    return any(
        c.dep_ in _NARROWING_DEPS and c.pos_ == "NOUN" and context.mention_at(c) is None
        for c in noun.children
    )


def _of_a_function(noun: Token, context: SentenceContext) -> bool:
    """ "its head of operations", "chief of intelligence": a bare noun after "of" (no article
    or owner, no name, no word for a group or its part) is the function the role heads."""
    return any(
        o.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss") for c in o.children)
        and context.mention_at(o) is None
        and o.lemma_.lower() not in _GROUP_PARTS
        for o in prep_objects(noun, "of")
    )


def _role_position(noun: Token) -> Token:
    """The token whose position says what the noun describes ("militant and emir" -> militant,
    "as one of his deputies" -> one)."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM":
        noun = noun.head.head  # "named X as one of his deputies": where "one" stands
        while noun.dep_ == "conj" and noun.head != noun:  # "a commander and one of the leaders"
            noun = noun.head
    return noun


def holder_tokens(noun: Token) -> tuple[list[Token], bool]:
    """Tokens naming what the role noun describes, and whether an appointment dates it
    ("appointed X as its leader")."""
    place = _role_position(noun)
    tokens: list[Token] = [t for a in children(noun, "appos") for t in (a, *a.conjuncts)]
    tokens += [c for c in children(noun, "conj") if c.pos_ == "PROPN"]
    if place.dep_ in HOLDER_BESIDE_DEPS:
        tokens.append(place.head)
    dated = any(c.lower_ in STARTING_WORDS for c in noun.children)  # "its emir since 2012"
    if place.dep_ == "attr" or _become_complement(place):
        tokens += described(place.head) or subject(place.head) or raised_subject(place.head)
        dated = dated or place.head.lemma_.lower() in BECOME_VERBS  # "became leader in 2010"
    if place.dep_ == "appos" and place.head.dep_ in ("dobj", "oprd"):
        dated = dated or _appointing(place.head.head)  # "named X its new chief in 2013"
    if place.dep_ == "nsubj" and takes_office(place.head):
        dated = True  # "the group's new leader, X, took over in June 2020"
    if place.lemma_ == "be" and place != noun:  # "X was a militant and emir for Y"
        tokens += subject(place)
    if place.dep_ in OBJECT_PREDICATE_DEPS:
        tokens += children(place.head, *PATIENT_DEPS) or described(place.head)
        dated = _appointing(place.head)  # "X was named chief in July"
    tokens += listed_holders(place)  # "its leaders were A and B", "its leaders include A"
    if _shelter(place):  # "X operates under the umbrella of Y", "groups under the banner of Y"
        above = place.head.head
        tokens += subject(above) if above.pos_ in VERB_POS else [above]
    if _promoted_to(place):  # "X was elevated to deputy leader of Y in 2021"
        verb = place.head.head
        tokens += children(verb, "nsubjpass", "dobj") or subject(verb)
        dated = True
    if place.dep_ == "pobj" and place.head.lower_ == "as":
        verb = place.head.head
        tokens += _appointed(verb)
        if verb.dep_ in PARTICIPLE_CLAUSE_DEPS and _participle(verb):  # "X, anointed as chief"
            tokens += [verb.head, *before_comma(verb)]
        dated = _appointing(verb) or takes_office(verb)
    tokens += _misplaced_holders(noun)
    tokens += _fellow_holder(noun)
    return tokens + before_comma(noun), dated


def _fellow_holder(noun: Token) -> list[Token]:
    """ "X and other TTP commanders", "X and fellow militants of Y": the name the plural role
    noun is joined to holds that role too."""
    if noun.dep_ != "conj" or noun.head.pos_ != "PROPN":
        return []
    fellow = any(c.dep_ == "amod" and c.lower_ in FELLOW_WORDS for c in noun.children)
    return [noun.head] if fellow else []


def _promoted_to(place: Token) -> bool:
    """ "promoted to chief", "rose to deputy leader": the role the verb moves its holder to."""
    if place.dep_ != "pobj" or place.head.lower_ != "to" or place.head.dep_ != "prep":
        return False
    return place.head.head.lemma_.lower() in PROMOTING_VERBS


def _misplaced_holders(noun: Token) -> list[Token]:
    """ "a spokesman for the group, X, said": the name the parser hung on the owner is the
    holder's (a person there is never the group itself)."""
    owned = prep_objects(noun, "of", "for", "in", "within", "to")
    return [a for o in owned for a in children(o, "appos") if a.pos_ == "PROPN"]


def _become_complement(place: Token) -> bool:
    """ "X, who became emir of Y": the title parsed as the verb's adjectival complement."""
    return place.dep_ == "acomp" and place.head.lemma_.lower() in BECOME_VERBS


def raised_subject(verb: Token) -> list[Token]:
    """The subject of the verb a copula completes: "X is believed / said to be a branch"."""
    if verb.dep_ != "xcomp":
        return []
    return children(verb.head, "nsubjpass") or children(verb.head, "nsubj")


def described(verb: Token) -> list[Token]:
    """ "X, considered the leader of Y", "X, believed to be a commander of Y": a participle
    clause after a comma says what the name before the comma is."""
    if verb.dep_ == "xcomp" and verb.lemma_ == "be":
        verb = verb.head
    if verb.dep_ in PARTICIPLE_CLAUSE_DEPS and _participle(verb):
        return before_comma(verb)
    return []


def takes_office(verb: Token) -> bool:
    """ "took over", "took charge", "assumed command", "succeeded X": the role begins then."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.lower_ == "over" for c in verb.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in OFFICE_OBJECTS for c in verb.children
        )
    return lemma == "assume" or lemma in SUCCEED_VERBS


def _appointing(verb: Token) -> bool:
    """An appointment, or what an announcement declares ("announced that X would be
    considered part of Y"): the role begins then, so the sentence's date dates it."""
    if verb.lemma_.lower() in APPOINT_VERBS:
        return True
    head = verb.head
    return verb.dep_ in COMPLEMENT_DEPS and head.lemma_.lower() in APPOINT_VERBS


def _participle(verb: Token) -> bool:
    """A past participle with no subject of its own (the tagger sometimes calls it VBD)."""
    return verb.tag_ in PAST_TAGS and not children(verb, *SUBJECT_DEPS)


def _appointed(verb: Token) -> list[Token]:
    """Who takes the role "as" names: the appointee, who "succeeded X as leader", or the
    subject of a verb with no object ("X took over as leader", "X operates as a branch")."""
    if verb.lemma_.lower() not in SUCCEED_VERBS:  # the parser calls some appointees "oprd"
        return children(verb, "dobj", "nsubjpass", "oprd") or _acting(verb)
    return agents(verb) if is_passive(verb) else subject(verb)


def _acting(verb: Token) -> list[Token]:
    """The subject of a verb that acts in a role ("serves as"), not one that names it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in APPOINT_VERBS:
        return []
    return subject(verb)


def before_comma(word: Token) -> list[Token]:
    """The name just before ", a ... <word>" ("Lashkar-i-Jhangvi (LJ), a Pakistani AQ
    affiliate"), for appositions the parser attached elsewhere."""
    doc = word.doc
    i = word.left_edge.i - 1
    if i < 1 or doc[i].text != ",":
        return []
    i -= 1
    if doc[i].text == ")":
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    while i > 0 and doc[i].text in ("'", "’", '"', "”"):
        i -= 1
    return [doc[i]] if i >= 0 and doc[i].pos_ == "PROPN" else []


def owner_tokens(noun: Token) -> list[Token]:
    """Tokens naming the group the role noun belongs to; in "its affiliate X" the possessor
    hangs on X."""
    tokens = children(noun, "poss", "compound", "nmod", "amod")
    if _verb_tagged_compound(noun):  # "M-19 guerrillas X and Y": M-19 parsed as its subject
        tokens += children(noun, "nsubj")
    if noun.dep_ in ("compound", "amod"):  # "the group's second-in-command X": on X
        tokens += children(noun.head, "poss")
        if noun.head.pos_ == "PROPN":  # "Commander X of Y": the group hangs on the name
            tokens += prep_objects(noun.head, "of")
        if noun.head.dep_ == "conj":  # "their founder and former leader X"
            tokens += children(noun.head.head, "poss")
    tokens += prep_objects(noun, "of", "for", "in", "within", "to")
    return tokens


def owners(
    tokens: list[Token], context: SentenceContext, exclude: str | None
) -> list[EntityMention]:
    """The parties the owner tokens stand for; "its" and "their" by `group_antecedent`."""
    found: list[EntityMention] = []
    for token in tokens:
        new_group = (
            _formed_group(token, context, exclude) if token.lower_ in GROUP_POSSESSIVES else None
        )
        if new_group is not None:
            found.append(new_group)
        elif token.lower_ in RELATIVE_POSSESSIVES:  # "X, whose leader Y was killed"
            found += parties(_relative_owner(token), context, exclude)[:1]
        elif token.lower_ in PERSON_PRONOUNS:  # "named X as one of his deputies": not X
            found += _person_before(token, context, exclude)
        elif token.lower_ in GROUP_POSSESSIVES or is_subgroup_reference(token):
            resolve = group_antecedent if token.lower_ in GROUP_POSSESSIVES else subgroup_antecedent
            earlier = resolve(token, context, exclude)
            found += [earlier] if earlier is not None else []
        else:
            found += parties([token], context, exclude)
    return list(dict.fromkeys(found))


def _person_before(
    token: Token, context: SentenceContext, exclude: str | None
) -> list[EntityMention]:
    """The person "his" stands for: the last named before it other than the role's holder."""
    people = [m for m in context.doc_mentions if m.end <= token.i and m.role is Role.PERSON
              and m.ref is not None and m.ref.name != exclude]  # fmt: skip
    return people[-1:]


def _relative_owner(whose: Token) -> list[Token]:
    """The noun "whose" stands for: the head of its relative clause, else the name before
    its comma (the parser does not always see the clause)."""
    clause = next((a for a in list(whose.ancestors)[:3] if a.dep_ == "relcl"), None)
    return [clause.head] if clause is not None else before_comma(whose)


def _formed_group(
    token: Token, context: SentenceContext, exclude: str | None
) -> EntityMention | None:
    """ "announced the group's formation and appointed X as its leader": "its" is the group
    whose founding the sentence announces, not the announcer."""
    for noun in context.sent:
        if noun.i >= token.i or noun.lemma_.lower() not in FORMATION_NOUNS:
            continue
        for owner in children(noun, "poss") + prep_objects(noun, "of"):
            mention = context.mention_at(owner)
            if mention is not None and mention.role is Role.GROUP:
                return mention
            definite = any(c.lower_ == "the" for c in owner.children)
            if owner.lemma_.lower() in _GROUP_HEADS and definite:
                founders = parties(subject(noun.head), context)
                if len(founders) == 1 and founders[0].ref is not None:
                    return topic_group(context.doc_mentions, founders[0].ref.name)
    return None


def relation_type(kind: str, holder: EntityMention) -> RelationType | None:
    """The relation a role noun of `kind` states for a holder of this role."""
    if kind in _SYMMETRIC:
        return _SYMMETRIC[kind]
    if holder.role is Role.PERSON:
        if kind == "leader":
            return RelationType.LEADER_OF
        return RelationType.MEMBER_OF if kind in ("member", "affiliate") else None
    if holder.role is not Role.GROUP:
        return None
    if kind == "affiliate":
        return RelationType.AFFILIATE_OF
    return RelationType.SPLIT_FROM if kind == "split" else None


def noun_relations(context: SentenceContext) -> list[Candidate]:
    """Every relation the sentence states through a role noun."""
    found: list[Candidate] = []
    for noun in context.sent:
        kind = noun_kind(noun, context)  # None at once for most words: before _role_word
        if kind is None or not _role_word(noun) or context.mention_at(noun) is not None:
            continue  # "Province" in "Islamic State Khorasan Province" is part of a name
        tokens, dated = holder_tokens(noun)
        holders = parties(_names_in_apposition(_coordinated(noun, tokens)), context)
        parts = _unnamed_parts(noun, context)
        whole = [c for p in parts for c in children(p, "poss", "compound", "nmod")]
        for holder in holders:
            rel = relation_type("member" if parts and kind == "leader" else kind, holder)
            name = holder.ref.name if holder.ref else None
            for owner in (
                owners(owner_tokens(noun) + whole, context, name)
                or _unnamed_owner(noun, kind, context, name)
                or _fellow_holders(kind, holder, holders)
            ):
                if rel is not None and owner != holder:
                    found.append(Candidate(rel, holder, owner, noun.i, dated=dated))
    return found + possessed_groups(context) + rival_groups(context)


def _unnamed_parts(noun: Token, context: SentenceContext) -> list[Token]:
    """The parts of a group the role noun is of, where the text does not name the part ("the
    emir of a local Islamic State cell", "the head of the TTP's Mohmand chapter"): the role
    is held in the whole group the part's modifiers name, and its leader is a member of it."""
    parts = prep_objects(noun, "of", "in", "within")
    return [
        p for p in parts
        if (p.lemma_.lower() in CELL_NOUNS or p.lemma_.lower() in AFFILIATE_NOUNS)
        and context.mention_at(p) is None
    ]  # fmt: skip


def _coordinated(noun: Token, tokens: list[Token]) -> list[Token]:
    """A plural role noun describes every name of its holder's coordination ("A and B, the
    leaders of Y", "A and B are considered the heads of Y", "Y commanders A, B and C"), where
    the parser hangs it on one of them (and may take "A, B" for an apposition)."""
    if not _plural(noun):
        return tokens
    listed = [n for t in tokens for n in children(t, "appos") if n.pos_ == "PROPN"]
    return list(dict.fromkeys(t for token in tokens + listed for t in (token, *token.conjuncts)))


def _plural(noun: Token) -> bool:
    """A plural noun, or one the tagger took for a verb's "-s" form inside a compound."""
    return noun.tag_ in PLURAL_NOUN_TAGS or _verb_tagged_compound(noun)


def _verb_tagged_compound(word: Token) -> bool:
    """ "TTP commanders X and Y": the tagger reads "commanders" as a verb, the parser as the
    compound it is."""
    return word.dep_ == "compound" and word.tag_ in S_VERB_TAGS


def _names_in_apposition(tokens: list[Token]) -> list[Token]:
    """A common noun with a name in apposition stands for that name: in "Y's leader, X, was
    a commander of Z" the commander is X, not the group "leader" stands for."""
    named: list[Token] = []
    for token in tokens:
        names = [a for a in children(token, "appos") if a.pos_ == "PROPN"]
        named += names if token.pos_ == "NOUN" and names else [token]
    return named


def _unnamed_owner(
    noun: Token, kind: str, context: SentenceContext, exclude: str | None
) -> list[EntityMention]:
    """ "X was named chief", "the previous leaders were A and B", "former emir X": an office
    given or held with no owner word is in the group the text is about (`group_before`)."""
    named = [t for t in owner_tokens(noun) if t.pos_ in REFERRING_POS]
    if kind not in ("leader", "member") or named or not _office(noun):
        return []
    owner = group_before(context, noun.i, exclude)
    return [owner] if owner is not None else []


def _fellow_holders(
    kind: str, holder: EntityMention, holders: list[EntityMention]
) -> list[EntityMention]:
    """ "X and Y are rivals": of a rivalry or alliance with no owner, each holder is the
    other's side."""
    return [h for h in holders if h != holder] if kind in _SYMMETRIC else []


def _office(noun: Token) -> bool:
    """Whether the noun names an office someone is given, takes or held before."""
    place = _role_position(noun)
    verb = place.head
    if place.dep_ in OBJECT_PREDICATE_DEPS or (place.dep_ == "pobj" and verb.lower_ == "as"):
        return _appointing(verb if place.dep_ != "pobj" else verb.head)
    if place.dep_ == "attr":
        return verb.lemma_.lower() in BECOME_VERBS
    words = [*noun.children, *(verb.children if place.dep_ == "compound" else ())]
    earlier = any(c.lower_ in PAST_OFFICE for c in words)
    titled = place.dep_ in TITLE_DEPS and noun.lemma_.lower() in MILITANT_TITLES
    listed = noun.lemma_.lower() in LEADER_NOUNS and bool(children(noun, "appos"))
    listing = verb.lemma_ == "be" or verb.lemma_.lower() in LIST_WORDS
    return earlier and (titled or listed or (place.dep_ == "nsubj" and listing))


def _role_word(word: Token) -> bool:
    """A noun, a title the tagger read as an adjective ("was named chief") or as a verb in a
    compound ("TTP commanders X and Y"), or the head of a hyphenated title
    ("second-in-command")."""
    if hyphenated_word(word) is not None or _verb_tagged_compound(word):
        return True
    return word.pos_ in NOUN_POS or (word.pos_ == "ADJ" and word.dep_ == "oprd")


def hyphenated_word(word: Token) -> str | None:
    """The role word a hyphenated run the tokenizer split ("second - in - command",
    "commander - in - chief") spells, where `word` is the run's head (the token that hangs
    outside it); None elsewhere."""
    if word.lower_ not in _HYPHENATED_PARTS:
        return None
    doc = word.doc
    start = end = word.i
    while start >= 2 and doc[start - 1].text == "-" and _joined(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and _joined(doc[end], doc[end + 1]):
        end += 2
    inside = start <= word.head.i <= end and word.head != word
    spelled = doc[start : end + 1].text.lower()
    return spelled if start < end and not inside and spelled in _HYPHENATED else None


def _joined(before: Token, hyphen: Token) -> bool:
    return not before.whitespace_ and not hyphen.whitespace_


def _led_as_own(mention: EntityMention, root: Token, context: SentenceContext) -> list[Candidate]:
    if mention.role is not Role.GROUP or mention.ref is None:
        return []
    owners = parties(children(root, "poss"), context)  # "Zaman's ALF", "his faction"
    return [Candidate(RelationType.LEADER_OF, owner, mention, root.i, False)
            for owner in owners if owner.role is Role.PERSON]  # fmt: skip


def rival_groups(context: SentenceContext) -> list[Candidate]:
    """ "the rival X group": X is the rival of the group named before it in the sentence."""
    found: list[Candidate] = []
    for index, mention in enumerate(context.mentions):
        rival = _rival_word(context.doc[mention.start : mention.end])
        earlier = [m for m in context.mentions[:index] if m.role is Role.GROUP and m.ref
                   and m.ref != mention.ref]  # fmt: skip
        if rival is not None and mention.role is Role.GROUP and earlier:
            found.append(Candidate(RelationType.RIVALRY, mention, earlier[-1], rival.i, False))
    return found


def _rival_word(span: Span) -> Token | None:
    heads = [*span, span.root.head] if span.root.dep_ == "compound" else list(span)
    for token in heads:
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() in RIVAL_ADJECTIVES:
                return child
    return None


def possessed_groups(context: SentenceContext) -> list[Candidate]:
    """ "its Khorasan Governorate": a group another group calls its own is its affiliate;
    "Hakim Zaman's ALF": a group a person calls his own is the one he leads."""
    found: list[Candidate] = []
    for mention in context.mentions:
        root = context.doc[mention.start : mention.end].root
        found += _led_as_own(mention, root, context)
        own = [c for c in root.children if c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES]
        if mention.role is not Role.GROUP or not own or mention.ref is None:
            continue
        parent = group_before(context, mention.start, mention.ref.name)
        if parent is not None:
            found.append(Candidate(RelationType.AFFILIATE_OF, mention, parent, root.i, False))
    return found
