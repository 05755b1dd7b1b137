"""Role-filler spans: a trained tagger of attackers, targets, victims and weapons in
incident reports, and how its spans join the report's attack and killing events.

`mosaic_roles_v1` runs the tagger shipped in `data/models/roles/` (a small spaCy NER trained
by `scripts/train_roles.py` on the MUC-4 train split) over the parsed text and puts its spans
in `doc.spans["mosaic_roles"]`. The tagger has its own vocabulary and weights: it reads a
copy of the document's tokens, so the main pipeline's entities are left as they are. It
skips a document with none of the words the event rules need to find an attack or a
killing (`may_state_incident`), leaving no spans key, and in the others reads only the
sentences within `SPAN_REACH` of a sentence with such a word (`role_windows`), the only
ones whose spans an event found there can take; it notes what it read in
`doc.spans["mosaic_roles_read"]`. `tag_unread` reads later the sentences within reach of
the report's incident events that it did not read (a skipped document, an event told far
from the words), so the spans an event can take never depend on those checks.
`attach_roles` then gives each span to the incident event whose sentence holds it, else to
the nearest incident event of the report (none for a span in a sentence with no incident
word more than two sentences from every incident's, `_remote`, and none for the source a
sentence cites, "according to X", `_cited`): attackers become perpetrators (an attacker
span that an attack or killing verb acts on, a victim: `_acted_on`), targets and
victims become targets (replacing the rule-found targets of the report's incidents),
weapons fill `weapons`. A span is read by `role_span_names.span_refs`: the gazetteer record of
the group or person it names, else its own words (trimmed, on one line), which keep the
fuller name or noun phrase the tagger saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from importlib import resources
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import according_to
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.blame import ATTRIBUTING_VERBS, PINNING_VERBS
from mosaic.extract.events.killings import CASUALTY_WORDS, DEATH_WORDS, EXECUTIONS, KILL_WORDS
from mosaic.extract.events.rules.registry import rule_for, trigger_table
from mosaic.extract.events.slots import BLAME_VERBS
from mosaic.extract.models.cpu_ops import load_tagger, one_blas_thread
from mosaic.extract.models.role_span_names import (
    ATTACKERS,
    SPAN_KINDS,
    coordinated,
    span_refs,
    span_words,
)
from mosaic.extract.models.role_windows import (
    LowerWords,
    Run,
    Window,
    holds_any,
    merged,
    receptive_field,
    remote_sentences,
    runs_within_reach,
    sentences_with,
    unread,
    windows,
)
from mosaic.extract.models.word_copies import copy_words
from mosaic.extract.numbers.casualties import ATTACKER_WORDS
from mosaic.extract.text.display_lines import DisplayLines
from mosaic.extract.text.modality import MODALS
from mosaic.extract.text.syntax import (
    NOUN_MODIFIER_DEPS,
    PATIENT_DEPS,
    VERB_POS,
    lemma,
)
from mosaic.model import EntityKind, EntityRef, EventFinding, PerpetratorStatus
from mosaic.resolve.names import match_key

ROLE_LABELS: dict[str, str] = {
    "PerpInd": "PERP_IND",
    "PerpOrg": "PERP_ORG",
    "Target": "TARGET",
    "Victim": "VICTIM",
    "Weapon": "WEAPON",
}
"""MUC-4 role -> the tagger's label."""
NO_DISPLAY = DisplayLines()
"""A text without headlines or bylines."""
SPANS_KEY = "mosaic_roles"
READ_KEY = "mosaic_roles_read"
"""The runs of sentences the tagger has read, as spans: those whose role spans are known."""
INCIDENT_WORDS: frozenset[str] = frozenset(
    {word for word, entry in trigger_table().items() if rule_for(entry.type).report.role_fillers}
    | KILL_WORDS | CASUALTY_WORDS | DEATH_WORDS | EXECUTIONS
    | set(lexicon.words("models.incident_words"))
)  # fmt: skip
"""Lemmas and lower-case words of which an attack or a killing needs one: the lexicon's attack
triggers, kill and casualty words (killings.py), the phrasal triggers' words ("blew up",
"opened fire", "slit ... throat", "suicide strike", "shot dead") and raids that retype as
attacks."""
TARGET_PREPS = lexicon.words("models.target_preps")
_INCIDENT_WORDS = LowerWords(INCIDENT_WORDS)
"""The incident words, tested by string-store key (each key's answer kept)."""


def default_model_path() -> Path:
    """The shipped tagger's folder."""
    return Path(str(resources.files("mosaic").joinpath("data", "models", "roles")))


class RoleTagger:
    """Tags role-filler spans with a separately loaded spaCy NER pipeline."""

    def __init__(self, model_path: Path) -> None:
        self.tagger = load_tagger(model_path)
        self.incident_words = _INCIDENT_WORDS
        self.context = 2 * receptive_field(self.tagger.config)
        """Tokens of context a window reads on either side of what it reads for."""

    def __call__(self, doc: Doc) -> Doc:
        """The doc with its role spans, or untagged if it cannot state an incident."""
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """The docs, each as `__call__` leaves it. The docs of a batch that may state an
        incident go through the tagger together: its parser then takes one step for all of
        them at a time, which costs less than one run per document; each document is
        tagged on its own, so batching leaves the spans as they are."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self.tag_near_incidents([doc for doc in batch if may_state_incident(doc)])
            yield from batch

    def tag(self, docs: Sequence[Doc]) -> Sequence[Doc]:
        """The docs with the role spans of all their words in `doc.spans[SPANS_KEY]`."""
        self._read([(doc, [(0, len(doc))] if len(doc) else []) for doc in docs])
        return docs

    def tag_near_incidents(self, docs: Sequence[Doc]) -> Sequence[Doc]:
        """The docs with the role spans of the sentences within `SPAN_REACH` of a sentence
        with an incident word in `doc.spans[SPANS_KEY]` (possibly none): the sentences
        whose spans can join an event found there (`role_windows`)."""
        self._read([(doc, self._near_incident_words(doc)) for doc in docs])
        return docs

    def _near_incident_words(self, doc: Doc) -> list[Run]:
        return runs_within_reach(doc, sentences_with(doc, self.incident_words), SPAN_REACH)

    def tag_unread(self, doc: Doc, events: Sequence[EventFinding]) -> Doc:
        """The doc with the spans of the sentences within `SPAN_REACH` of its incident events
        that the tagger has not read (a document it skipped, an event told far from the
        incident words), so no span an event can take depends on what was read before."""
        read = merged((span.start, span.end) for span in doc.spans.get(READ_KEY, []))
        if read == [(0, len(doc))]:
            return doc  # a short report is read whole
        anchors = [(e.evidence.start, e.evidence.end) for e in events if _incident(e)]
        self._read([(doc, unread(runs_within_reach(doc, anchors, SPAN_REACH), read))])
        return doc

    def _read(self, wanted: Sequence[tuple[Doc, list[Run]]]) -> None:
        """Each doc's runs tagged, all windows of all docs as one batch; their spans and
        the runs read added to the doc's (a doc with no runs is left as it is)."""
        pieces = [
            (doc, window) for doc, runs in wanted for window in windows(doc, runs, self.context)
        ]
        copies = [self._copy(doc[w.start : w.end]) for doc, w in pieces]
        with one_blas_thread():
            tagged = list(self.tagger.pipe(copies, batch_size=max(len(copies), 1)))
        found: dict[int, list[Span]] = {id(doc): [] for doc, _ in wanted}
        for (doc, window), copy in zip(pieces, tagged, strict=True):
            found[id(doc)] += _kept_spans(doc, window, copy)
        for doc, runs in wanted:
            if runs:
                _add_spans(doc, SPANS_KEY, found[id(doc)])
                _add_spans(doc, READ_KEY, [doc[start:end] for start, end in runs])

    def _copy(self, words: Doc | Span) -> Doc:
        """The words as a doc of the tagger's own vocabulary."""
        return copy_words(words[:], self.tagger.vocab)


def _kept_spans(doc: Doc, window: Window, copy: Doc) -> list[Span]:
    """The tagger's entities in a window's copy that touch its run, as spans of the doc."""
    found = [(window.start + e.start, window.start + e.end, e.label_) for e in copy.ents]
    return [Span(doc, s, e, label=label) for s, e, label in found if window.keeps(s, e)]


def _add_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """The spans added to the doc's group `key`, in order, each once."""
    known = list(doc.spans.get(key, []))
    seen = {(s.start, s.end, s.label_) for s in known}
    new = [s for s in spans if (s.start, s.end, s.label_) not in seen]
    doc.spans[key] = sorted(known + new, key=lambda s: (s.start, s.end))


def may_state_incident(doc: Doc) -> bool:
    """Whether a token's lemma or lower-case form is one of the incident words (read from
    the doc's arrays, each distinct word once: a Token per word cost more)."""
    return holds_any(doc, _INCIDENT_WORDS)


@Language.factory("mosaic_roles_v1", default_config={"model_path": ""})
def make_role_tagger(nlp: Language, name: str, model_path: str) -> RoleTagger:
    """The role tagger; `model_path` empty for the shipped model."""
    return RoleTagger(Path(model_path) if model_path else default_model_path())


SPAN_REACH = 800
"""Characters from its nearest incident beyond which a span belongs to none: a report of
several events names people and places far from any attack it tells."""
QUIET_REACH = 2
"""Sentences from an incident's beyond which a span in a sentence with no incident word
belongs to none (`_remote`)."""


def attach_roles(
    events: list[EventFinding],
    doc: Doc,
    mentions: Sequence[EntityMention],
    display: DisplayLines = NO_DISPLAY,
) -> list[EventFinding]:
    """The events with the doc's role spans added to its incident events.

    Where the tagger found a target or victim for an incident, the rules' targets of that
    incident are dropped: the tagger read the same sentences and is the better judge (on
    MUC-4 dev about one rule-found target in ten was right, one tagged target in three). An
    incident the tagger found nothing for keeps its rules' targets: a report of several
    attacks ("an attack on the consulate; a bombing at a politician's home") often has
    spans for only some of them.
    Attackers described ("gunmen") are kept beside a named group: both are facts the report
    states, and the description is often all that is known of who acted. An attacker's
    name no gazetteer lists that stands only in a headline or byline (`display`) is casing,
    not a name ("Islamic State Claims Deadly Jakarta").
    """
    incidents = [i for i, event in enumerate(events) if _incident(event)]
    spans = doc.spans.get(SPANS_KEY, [])
    if not incidents or not spans:
        return events
    found: dict[int, list[Span]] = {i: [] for i in incidents}
    elsewhere = [e for e in events if rule_for(e.type).report.own_roles]
    remote = _remote(doc, [events[i] for i in incidents])
    for span in spans:
        if _told_of(span, elsewhere) and not _told_of(span, [events[i] for i in incidents]):
            continue  # "X was founded by former members of Y": Y founded, not attacked
        if any(start <= span.start_char < end for start, end in remote) or _cited(span):
            continue
        if span.label_ in ATTACKERS and _blaming(span):
            continue  # "US officials blamed the attack on X": who blames, not who attacked
        if span.label_ in ATTACKERS and (_names_thing_hit(span) or _victims_own(span)):
            continue  # "an army patrol was ambushed": the army names what was hit
        if span.label_ in ATTACKERS and _acted_on(span):
            span = Span(doc, span.start, span.end, label="VICTIM")  # "fighters were killed"
        owner = _owner(span, [(i, events[i]) for i in incidents])
        if _distance(span, events[owner]) <= SPAN_REACH:
            found[owner].append(span)
    _lead_attackers(events, found)
    victims = [_words(span_words(s)) for s in spans if s.label_ == "VICTIM"]
    result = list(events)
    for index, owned in found.items():
        event = _drop_victims(result[index], victims)
        tagged_targets = any(span.label_ in ("TARGET", "VICTIM") for span in owned)
        result[index] = _fill(event, owned, mentions, tagged_targets, display)
    return result


def _acted_on(span: Span) -> bool:
    """Whether the span is what an attack or killing verb acts on, or joined to it by "and",
    or what an incident noun is "on" ("an attack on X"): a victim, whatever the tagger's label.

    "More than a dozen pro-regime fighters were killed": the tagger read a side of the war
    as attackers, but the verb says they were hit. A group named inside what was hit ("a
    militant of X was killed") may still be the one that attacked, and keeps its label.
    """
    return _hit(span.root)


def _names_thing_hit(span: Span) -> bool:
    """Whether the span names a thing or unit that was hit ("an army patrol was ambushed",
    "an attack on an X hideout"): neither attacker nor, by itself, the target. Not a group
    naming people who may have acted ("X bombers were killed")."""
    head = span.root
    while head.dep_ in NOUN_MODIFIER_DEPS and head.head != head:
        head = head.head
    return head != span.root and lemma(head) not in ATTACKER_WORDS and _hit(head)


def _victims_own(span: Span) -> bool:
    """Whether the span names whose the one hit was, in an apposition to them ("X, the founder
    of Y, was killed in a raid"): the victim's own group, not who killed them."""
    prep = span.root.head
    noun = prep.head
    return (
        span.root.dep_ == "pobj"
        and prep.lower_ == "of"
        and noun.dep_ == "appos"
        and noun.head != noun
        and _hit(noun.head)
    )


def _hit(word: Token) -> bool:
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    verb = word.head
    if _attack_on(word):
        return True
    return (
        word.dep_ in PATIENT_DEPS
        and verb.pos_ in VERB_POS
        and _incident_word(verb)
        and _told_as_done(verb)
    )


def _attack_on(word: Token) -> bool:
    """ "An attack on X", "a raid against X": the object of an incident noun's "on"."""
    prep = word.head
    noun = prep.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ in TARGET_PREPS
        and noun.pos_ == "NOUN"
        and _incident_word(noun)
    )


def _incident_word(word: Token) -> bool:
    return lemma(word) in INCIDENT_WORDS or word.lower_ in INCIDENT_WORDS


def _told_as_done(verb: Token) -> bool:
    """Whether the verb tells a deed rather than one wanted or owed ("not to attack the
    armed forces", "we must attack terrorists"), whose object is no one's victim."""
    return not any(
        child.dep_ == "aux" and (child.tag_ == "TO" or child.lower_ in MODALS)
        for child in verb.children
    )


def _cited(span: Span) -> bool:
    """Whether the span is the source its sentence cites ("..., according to the X
    Observatory"): who reports an incident, not one of its role fillers."""
    source = according_to(span.sent)
    return source is not None and span.start <= source.i < span.end


_OWNER_DEPS = ("amod", "compound", "poss")
BLAMING_VERBS = BLAME_VERBS | PINNING_VERBS | ATTRIBUTING_VERBS
"""Verbs whose subject lays an event at another's door: the one blaming did not do it."""


def _blaming(span: Span) -> bool:
    """Whether the span is who lays the event at another's door ("US officials blamed the
    attack on X", "police suspect X"): the subject of an active verb of blame, or the word
    naming whose that subject is ("US" of "US officials")."""
    word = span.root
    while word.dep_ in _OWNER_DEPS and word.head != word:
        word = word.head
    verb = word.head
    return word.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in BLAMING_VERBS


def _remote(doc: Doc, incidents: Sequence[EventFinding]) -> list[tuple[int, int]]:
    """The sentences whose role spans join no incident: those with no word for an attack
    or a killing more than `QUIET_REACH` sentences from every incident's sentence.

    A report tells who was hit or who did it in its incident's sentence or in the few
    after it ("The victims were ..."); a sentence further on that names no attack or
    killing is about something else (a trial, a tournament, a source), and what the
    tagger finds there ("prosecutor X", "the Football World Cup") is no filler of them,
    however few characters lie between.
    """
    anchors = [(event.evidence.start, event.evidence.end) for event in incidents]
    return remote_sentences(doc, anchors, _INCIDENT_WORDS, QUIET_REACH)


def _lead_attackers(events: list[EventFinding], found: dict[int, list[Span]]) -> None:
    """Give the report's first incident (its lead) the attackers tagged outside every
    event's sentence when neither the rules nor the tagger found one for it.

    A news report states its incident first and who claimed or is blamed for it later, in
    a sentence of no incident of its own ("Leaflets found at the sites bore the name of
    X"); by nearness such an attacker joins whichever incident is told closest, often a
    restatement ("the bombings caused fear"), not the lead. Attackers in a sentence that
    states an event of any type (an incident, a raid, an arrest) are not given to the lead,
    nor attackers the incident they were found for already names: a claim or blame that
    names its event again ("X blamed Y for that bombing") gave them to that event.
    """
    lead = min(found, key=lambda i: events[i].evidence.start)
    if events[lead].perpetrators or any(s.label_ in ATTACKERS for s in found[lead]):
        return
    found[lead] += [
        span
        for index, spans in found.items()
        if index != lead
        for span in spans
        if span.label_ in ATTACKERS
        and not _told_of(span, events)
        and not _named_by(span, events[index])
    ]


def _named_by(span: Span, event: EventFinding) -> bool:
    """Whether the span's words are among those of the event's perpetrators' names."""
    named = {word for ref in event.perpetrators for word in _words(ref.name)}
    return bool(named) and _words(span_words(span)) <= named


def _drop_victims(event: EventFinding, victims: list[set[str]]) -> EventFinding:
    """The event without rule-found perpetrators that the tagger read as a victim's name.

    The rules take a clause's subject or agent; in "X, shot by gunmen, was..." that is the
    victim. A perpetrator whose words all belong to a tagged victim's name is dropped, unless
    a phrase of blame or a claim names them ("X, convicted for his role in the attack", "X
    claimed it"): such a phrase is no clause's subject mistaken for the actor, and the same
    person is often the victim of another event the sentence tells ("the execution of X").
    """
    if event.perpetrator_status in (PerpetratorStatus.SUSPECTED, PerpetratorStatus.CLAIMED):
        return event
    kept = tuple(
        p
        for p in event.perpetrators
        if p.kind is not EntityKind.PERSON or not any(_words(p.name) <= v for v in victims)
    )
    return replace(event, perpetrators=kept)


def _words(name: str) -> set[str]:
    return {word.casefold() for word in name.split()}


def _told_of(span: Span, events: Sequence[EventFinding]) -> bool:
    """Whether one of the events is stated in the span's sentence."""
    sentence = _sentence_chars(span)
    return any(_in_sentence(sentence, event) for event in events)


def _sentence_chars(span: Span) -> tuple[int, int]:
    """The span's sentence as characters: found once per span, not once per event."""
    sent = span.sent
    return sent.start_char, sent.end_char


def _in_sentence(sentence: tuple[int, int], event: EventFinding) -> bool:
    return event.evidence.start < sentence[1] and sentence[0] < event.evidence.end


def _owner(span: Span, incidents: list[tuple[int, EventFinding]]) -> int:
    """The index of the incident stated in the span's sentence, else of the nearest one."""
    sentence = _sentence_chars(span)
    for index, event in incidents:
        if _in_sentence(sentence, event):
            return index
    return min(incidents, key=lambda item: _distance(span, item[1]))[0]


def _distance(span: Span, event: EventFinding) -> int:
    if span.end_char <= event.evidence.start:
        return event.evidence.start - span.end_char
    return max(0, span.start_char - event.evidence.end)


def _fill(
    event: EventFinding,
    spans: list[Span],
    mentions: Sequence[EntityMention],
    tagged: bool,
    display: DisplayLines,
) -> EventFinding:
    perpetrators, weapons = list(event.perpetrators), list(event.weapons)
    targets = [] if tagged else list(event.targets)
    for span in spans:
        if span.label_ == "WEAPON":
            _add_name(weapons, span_words(span))
        elif span.label_ in ("PERP_IND", "PERP_ORG"):
            claimed = event.perpetrator_status is PerpetratorStatus.CLAIMED
            for ref in span_refs(span, mentions):
                if claimed and not _may_join_claim(ref, mentions):
                    continue
                if not _displayed_only(span, ref, display):
                    _add_ref(perpetrators, ref)
        elif span.label_ in SPAN_KINDS:
            for piece in coordinated(span, mentions):
                _add_ref(targets, span_refs(piece, mentions)[0])
    return replace(
        event, perpetrators=tuple(perpetrators), targets=tuple(targets), weapons=tuple(weapons)
    )


def _may_join_claim(ref: EntityRef, mentions: Sequence[EntityMention]) -> bool:
    """Whether a tagged attacker may join an event a group claimed: a named person (one of
    its men) or a listed armed group (a partner in the claim), not a description ("soldiers",
    "the Sunni extremist group"), a state body or a name the gazetteer lacks, which near a
    claimed attack are far more often what it hit, who answered it or who reported it."""
    if ref.kind is EntityKind.PERSON:
        return True
    return ref.key is not None and any(
        m.ref is not None and m.ref.key == ref.key and m.role is Role.GROUP for m in mentions
    )


def _displayed_only(span: Span, ref: EntityRef, display: DisplayLines) -> bool:
    """Whether the span names an unlisted actor only in a headline or byline."""
    if ref.key:
        return False
    person = ref.kind is EntityKind.PERSON
    return display.only_displayed(span.start_char, span.end_char, ref.name, person)


def _add_ref(refs: list[EntityRef], ref: EntityRef) -> None:
    """Add an entity unless it is one already there, so that an actor told under two names
    ("IJU" beside the listed Islamic Jihad Union) is one perpetrator, not two.

    The same record is the same entity; so is an unlisted name that one already there
    shares with it, and a listed record takes the place of the unlisted one it names. Two
    listed records that share an alias stay two: the gazetteer keeps them apart.
    """
    names = _match_keys(ref)
    for index, known in enumerate(refs):
        if ref.key is not None and known.key is not None:
            if ref.key == known.key:
                return
            continue
        if names & _match_keys(known):
            if known.key is None and ref.key is not None:
                refs[index] = ref
            return
    refs.append(ref)


def _match_keys(ref: EntityRef) -> set[str]:
    return {key for key in map(match_key, ref.names) if key}


def _add_name(names: list[str], name: str) -> None:
    if name.casefold() not in {n.casefold() for n in names}:
        names.append(name)


def _incident(event: EventFinding) -> bool:
    """Whether role fillers belong to events of the finding's type (attacks, killings)."""
    return rule_for(event.type).report.role_fillers
