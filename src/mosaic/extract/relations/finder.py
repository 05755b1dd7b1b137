"""Relations in a report: role nouns and verb patterns turned into RelationFindings.

A candidate is kept when its parties have the roles its type allows (a person
leads a group; two groups are allied), it is not negated ("denied any link",
"no evidence of ties"), and it is not one entity related to itself. Hedged
statements ("reportedly joined") keep a lower confidence. Dates come from the
sentence for relations a verb or event noun states ("pledged allegiance in
October 2014"), never for a title in apposition, which describes a state of
affairs rather than its start; a leader's killing in the same report ends
his leadership. Where a `RelationClassifier` is given, it reads the pairs of actors of
the sentence the rules said nothing of (models/relation_classifier.py); what it is sure
of is added, its confidence scaled by its probability (halfway: a pair at the classifier's
threshold stays above the output's cut, one the sentence hedges does not).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.models.relation_classifier import (
    PairRelation,
    RelationClassifier,
    pair_key,
)
from mosaic.extract.relations.compounds import compound_relations, parent_name_relations
from mosaic.extract.relations.context import carried_date
from mosaic.extract.relations.deaths import parenthesised_death, stated_deaths
from mosaic.extract.relations.group_ties import SEVERING_VERBS, group_ties
from mosaic.extract.relations.infobox import InfoboxRelation, infobox_relations
from mosaic.extract.relations.leaving import left_groups
from mosaic.extract.relations.nouns import APPOINT_VERBS, Candidate, noun_relations
from mosaic.extract.relations.offshoots import offshoots
from mosaic.extract.relations.pledges import accepted_pledges
from mosaic.extract.relations.refs import full_person
from mosaic.extract.relations.regard import regarded_sides
from mosaic.extract.relations.rules.registry import relation_rule
from mosaic.extract.relations.succession import succession_relations, through_leaders
from mosaic.extract.relations.verbs import (
    noun_relations_of_events,
    verb_relations,
)
from mosaic.extract.text import modality
from mosaic.extract.text.sentences import DateSpan, SentenceContext
from mosaic.extract.text.syntax import (
    DENIED_DEPS,
    NOUN_CLAUSE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    governing_verb,
    tree_distance,
)
from mosaic.model import (
    EntityKind,
    EntityRef,
    EventFinding,
    FuzzyDate,
    RelationFinding,
    RelationType,
)

R = RelationType
BASE_CONFIDENCE = 0.6
HEDGED_FACTOR = 0.7
HYPOTHETICAL_FACTOR = 0.4
_DENIAL_WORDS = lexicon.words("relations.denial_words") | SEVERING_VERBS
"""Words of denying a tie, or of ending it ("renounced its ties to Y")."""
_NO_LINK = lexicon.ordered("relations.no_link")
_UNTIL = lexicon.words("relations.ending_words")


def allowed(candidate: Candidate) -> bool:
    """Roles fit the type, the parties differ, and a group takes part where one must."""
    rule = relation_rule(candidate.type)
    s, o = candidate.subject, candidate.object
    if s.role not in rule.subject_roles or o.role not in rule.object_roles:
        return False
    if _key(s.ref) == _key(o.ref):
        return False
    return Role.GROUP in (s.role, o.role) if rule.group_required else True


def _key(ref: EntityRef | None) -> str:
    return "" if ref is None else ref.key or ref.name.casefold()


def denied(candidate: Candidate, context: SentenceContext, role_noun: bool = False) -> bool:
    """ "denied any link", "no evidence of ties", "did not join"; a denial by the relation's
    holder of something else ("X commander Y denied the reports") does not count."""
    anchor = context.doc[candidate.anchor]
    if (role_noun and _in_subject(anchor)) or _describes_subject(anchor):
        if any(modality.is_negating(c) for c in anchor.children):
            return True
    elif modality.is_negated(anchor):
        return True
    text = context.sent.text.lower()
    if any(phrase in text for phrase in _NO_LINK):
        return True
    for word in context.sent:
        if word.lemma_.lower() in _DENIAL_WORDS:
            denied_part = [t for c in word.children if c.dep_ in DENIED_DEPS for t in c.subtree]
            if anchor in denied_part:
                return True
    return False


def _describes_subject(anchor: Token) -> bool:
    """Whether the anchor heads a clause describing the subject of its sentence's verb ("X,
    which has fought Y, denied the attack"): what that verb denies is not the description."""
    if anchor.dep_ not in NOUN_CLAUSE_DEPS:
        return False
    noun = anchor.head
    while noun.dep_ == "appos" and noun.head != noun:
        noun = noun.head
    return noun.dep_ in SUBJECT_DEPS


def _in_subject(token: Token) -> bool:
    """Whether the token belongs to the subject of its clause (what the verb says is about
    the holder's doing, not his role)."""
    for word in (token, *token.ancestors):
        if word.dep_ in SUBJECT_DEPS and word.head.pos_ in VERB_POS:
            return True
        if word.pos_ in VERB_POS:
            return False
    return False


def relation_dates(
    candidate: Candidate, context: SentenceContext
) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    """Start and end from the date nearest the anchor: "until 2016" ends, others start; a
    sentence with no date that refers back to the event before it takes that event's date.
    A role held "until" a date of its own clause ends then, even where nothing dates its
    start ("was its spokesman until 2014", "led Y from 2016 until his death in 2017")."""
    if not candidate.dated:
        return None, _until_end(candidate, context)
    if not context.dates:
        carried = carried_date(context)
        if carried is None:
            return None, None
        return (None, carried.value.start) if candidate.ending else (carried.value.start, None)
    anchor = context.doc[candidate.anchor]
    dates = [d for d in context.dates if not _in_other_clause(context.date_root(d), anchor)
             and not _described_elsewhere(anchor, context.date_root(d))]  # fmt: skip
    if not dates:
        return None, None
    date = min(dates, key=lambda d: tree_distance(anchor, context.date_root(d)))
    if candidate.ending:
        return None, date.value.start
    start, end = _start_end(date, context)
    return start, end or (_until_end(candidate, context) if start else None)


def _until_end(candidate: Candidate, context: SentenceContext) -> FuzzyDate | None:
    """The date an "until" of the anchor's own clause gives, nearest the anchor first."""
    anchor = context.doc[candidate.anchor]
    clause = governing_verb(anchor)
    ending = [d for d in context.dates if _until(root := context.date_root(d))
              and _date_clause(root) == clause]  # fmt: skip
    if not ending:
        return None
    return min(ending, key=lambda d: tree_distance(anchor, context.date_root(d))).value.start


def _date_clause(root: Token) -> Token:
    """The clause a date belongs to, past the "until" clause it may open ("until he
    defected in 2014": the clause "until" is hung on)."""
    verb = governing_verb(root)
    if any(c.dep_ == "mark" and c.lower_ in _UNTIL for c in verb.children):
        return governing_verb(verb.head)
    return verb


def _described_elsewhere(anchor: Token, date: Token) -> bool:
    """Whether the anchor sits in a participle clause describing a noun, and the date lies
    outside that clause ("X, led by Y, has fought Z since 1996": not Y's lead); a relative
    clause shares its sentence's time ("headed since 2012 by X, who replaced Y"), and so
    does an infinitive a noun takes ("its intention to take on Z")."""
    for clause in [anchor, *anchor.ancestors]:
        if clause.dep_ in NOUN_CLAUSE_DEPS:
            participle = clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG")
            return participle and date not in clause.subtree
    return False


def _in_other_clause(word: Token, anchor: Token) -> bool:
    """Whether the word sits in a relative or participle clause the anchor is not part of:
    "X, which pledged allegiance to Y in 2012, has fought Z" and "X, founded in 2000, has
    links with Z" date the pledge and the founding, not the fight or the links."""
    for clause in [word, *word.ancestors]:
        if clause.dep_ in NOUN_CLAUSE_DEPS:
            return anchor not in clause.subtree
    return False


def _start_end(
    date: DateSpan, context: SentenceContext
) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    root = context.date_root(date)
    if _until(root):
        return None, date.value.start
    return date.value.start, date.value.end


def _until(root: Token) -> bool:
    """Whether the date ends what it is said of: "until 2016", "until he was killed in
    2016" (the clause's marker)."""
    above = list(root.ancestors)[:4]
    marks = [c for t in above if t.pos_ in VERB_POS for c in t.children if c.dep_ == "mark"]
    return any(t.lower_ in _UNTIL for t in [*above, *marks])


def confidence(candidate: Candidate, context: SentenceContext) -> float:
    anchor = context.doc[candidate.anchor]
    score = BASE_CONFIDENCE
    if candidate.dated and modality.is_hypothetical(anchor) and not _declared(anchor):
        score *= HYPOTHETICAL_FACTOR
    if modality.is_hedged(anchor):
        score *= HEDGED_FACTOR
    return round(score, 3)


def _declared(anchor: Token) -> bool:
    """ "announced that X should be considered part of Y": the modal is the declared
    status, not a hypothesis about it."""
    verb = governing_verb(anchor)
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in APPOINT_VERBS


class RelationFinder:
    """Finds the relations one sentence states."""

    def __init__(self, extractor: str, classifier: RelationClassifier | None = None) -> None:
        self.extractor = extractor
        self.classifier = classifier

    def find(self, context: SentenceContext) -> list[RelationFinding]:
        return self.find_all([context])

    def find_all(self, contexts: Sequence[SentenceContext]) -> list[RelationFinding]:
        """`find` of each sentence in turn, the classifier's pairs of all of them scored
        together (`RelationClassifier.relations_of_each`)."""
        ruled = [self._ruled(context) for context in contexts]
        if self.classifier is None:
            return [finding for found, _ in ruled for finding in found]
        known = [{pair_key(c.subject, c.object) for c in stated} for _, stated in ruled]
        learned = self.classifier.relations_of_each(list(zip(contexts, known, strict=True)))
        return [
            finding
            for context, (found, stated), pairs in zip(contexts, ruled, learned, strict=True)
            for finding in (*found, *self._learned(pairs, context, stated))
        ]

    def _ruled(self, context: SentenceContext) -> tuple[list[RelationFinding], list[Candidate]]:
        """What the rules find in the sentence, and the candidates they state (the pairs
        the classifier is not asked about)."""
        roles = through_leaders(noun_relations(context), context)
        others = through_leaders(
            [*verb_relations(context), *noun_relations_of_events(context),
             *succession_relations(context), *regarded_sides(context), *offshoots(context),
             *compound_relations(context), *parent_name_relations(context),
             *accepted_pledges(context), *group_ties(context), *left_groups(context)],
            context,
        )  # fmt: skip
        kept = [c for c in roles if allowed(c) and not denied(c, context, role_noun=True)]
        kept += [c for c in others if allowed(c) and not denied(c, context)]
        found = [self._finding(_named_in_full(c, context), context) for c in kept]
        boxes = [box for box in infobox_relations(context) if allowed(box.candidate)]
        found += [self._boxed(box, context) for box in boxes]
        return found, [*kept, *(box.candidate for box in boxes)]

    def _learned(
        self, pairs: Sequence[PairRelation], context: SentenceContext, kept: list[Candidate]
    ) -> list[RelationFinding]:
        """What the classifier finds among the pairs the rules said nothing of."""
        found = []
        for pair in pairs:
            candidate = Candidate(pair.type, pair.subject, pair.object, pair.anchor, pair.dated)
            if _placed_elsewhere(candidate, kept) or _fellow_allies(candidate, kept):
                continue
            if allowed(candidate) and not denied(candidate, context):
                finding = self._finding(_named_in_full(candidate, context), context)
                sure = round(finding.confidence * (1 + pair.probability) / 2, 3)
                found.append(replace(finding, confidence=sure))
        return found

    def _boxed(self, box: InfoboxRelation, context: SentenceContext) -> RelationFinding:
        candidate = box.candidate
        return RelationFinding(
            type=candidate.type, subject=_ref(candidate.subject), object=_ref(candidate.object),
            evidence=box.evidence, extractor=self.extractor, start=box.start, end=box.end,
            attributed_to=None, confidence=BASE_CONFIDENCE,
        )  # fmt: skip

    def _finding(self, candidate: Candidate, context: SentenceContext) -> RelationFinding:
        start, end = relation_dates(candidate, context)
        if relation_rule(candidate.type).ended_by_death and end is None:
            end = parenthesised_death(candidate.subject, context)
        subject_ref, object_ref = _ref(candidate.subject), _ref(candidate.object)
        return RelationFinding(
            type=candidate.type, subject=subject_ref, object=object_ref,
            evidence=context.evidence, extractor=self.extractor, start=start, end=end,
            attributed_to=context.speaker, confidence=confidence(candidate, context),
        )  # fmt: skip


def _placed_elsewhere(candidate: Candidate, stated: list[Candidate]) -> bool:
    """A learned leadership of a person whose rank in another group the sentence states
    ("Z named X as one of his deputies": X is a deputy, not the leader of a group nearby)."""
    if candidate.type is not R.LEADER_OF:
        return False
    person = _key(candidate.subject.ref)
    return any(
        c.type in (R.LEADER_OF, R.MEMBER_OF) and _key(c.subject.ref) == person
        and _key(c.object.ref) != _key(candidate.object.ref)
        for c in stated
    )  # fmt: skip


def _fellow_allies(candidate: Candidate, stated: list[Candidate]) -> bool:
    """A learned tie between two groups the rules found allied to one and the same third
    ("X, an alliance of A and B": A and B are X's allies, and the sentence says nothing of A
    and B to each other)."""

    def partners(party: str) -> set[str]:
        pairs = [(_key(c.subject.ref), _key(c.object.ref)) for c in stated if c.type is R.ALLIANCE]
        return {b for a, b in pairs if a == party} | {a for a, b in pairs if b == party}

    pair = (_key(candidate.subject.ref), _key(candidate.object.ref))
    return bool((partners(pair[0]) & partners(pair[1])) - set(pair))


def _named_in_full(candidate: Candidate, context: SentenceContext) -> Candidate:
    subject = full_person(candidate.subject, context)
    return replace(candidate, subject=subject, object=full_person(candidate.object, context))


def _ref(mention: EntityMention) -> EntityRef:
    return mention.ref or EntityRef(name=mention.text, kind=_kind(mention))


def _kind(mention: EntityMention) -> EntityKind:
    return EntityKind.PERSON if mention.role is Role.PERSON else EntityKind.ORGANIZATION


def _identity(finding: RelationFinding) -> tuple[str, ...]:
    pair = [_key(finding.subject), _key(finding.object)]
    if finding.type.symmetric:
        pair.sort()
    return (finding.type.value, *pair)


def dedupe_relations(findings: Iterable[RelationFinding]) -> list[RelationFinding]:
    """One finding per (type, subject, object): the surest, with the earliest start; a
    person's membership of a group he leads is left to the leadership."""
    kept: dict[tuple[str, ...], RelationFinding] = {}
    for finding in findings:
        known = kept.get(_identity(finding))
        if known is None:
            kept[_identity(finding)] = finding
            continue
        lead = known if known.confidence >= finding.confidence else finding
        start = _earliest(known.start, finding.start)
        end = _finer(known.end, finding.end) if known.end and finding.end else None
        kept[_identity(finding)] = replace(lead, start=start, end=end or known.end or finding.end)
    return [f for f in kept.values() if not _led(f, kept)]


def _earliest(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    """The earlier start; of two that agree at the coarser precision ("2015-01" and
    "2015-01-11"), the finer, which states the same start more exactly."""
    if a is None or b is None:
        return a or b
    return _finer(a, b) if a.compatible(b) else min(a, b)


def _finer(a: FuzzyDate, b: FuzzyDate) -> FuzzyDate:
    if not a.compatible(b):
        return a
    return b if len(b.iso()) > len(a.iso()) else a


def _led(finding: RelationFinding, kept: dict[tuple[str, ...], RelationFinding]) -> bool:
    pair = (_key(finding.subject), _key(finding.object))
    stronger = relation_rule(finding.type).yields_to
    return stronger is not None and (stronger.value, *pair) in kept


def end_by_killings(
    relations: Sequence[RelationFinding],
    events: Sequence[EventFinding],
    contexts: Sequence[SentenceContext] = (),
) -> list[RelationFinding]:
    """A leader's or member's killing or death, dated in the same report (an event, or a
    sentence of `contexts` saying he was killed or died), ends the relation."""
    deaths: dict[str, FuzzyDate] = {}
    for event in events:
        if rule_for(event.type).report.ends_relations and event.date is not None:
            for target in event.targets:
                deaths.setdefault(_key(target), event.date)
    for person, date in stated_deaths(contexts).items():
        deaths.setdefault(person, date)
    result = []
    for relation in relations:
        death = deaths.get(_key(relation.subject))
        ends = relation_rule(relation.type).ended_by_death and relation.end is None
        result.append(replace(relation, end=death) if ends and death else relation)
    return result
