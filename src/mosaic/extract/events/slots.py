"""Filling an event's slots from its trigger's surroundings: date, place, perpetrators, targets.

Every slot is read relative to the trigger word, so a sentence naming two
events gives each its own: a date goes to the trigger nearest it in the parse,
a place must be a location (not "Pakistan's consulate", not "militants from
Central Asia"), and perpetrators must stand in an agent's position (subject,
"by" phrase, "X's attack", "claimed by X").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_repairs import MEMBER_AND_UNIT_NOUNS
from mosaic.extract.entities.parent_names import names_a_parent
from mosaic.extract.entities.parties import GROUP_POSSESSIVES, GROUP_WORDS, party
from mosaic.extract.entities.state_actors import ARMED_FORCES, STATE_NOUNS, modified_noun
from mosaic.extract.entities.state_units import described_unit
from mosaic.extract.events.agentless import STATE_PERSONNEL
from mosaic.extract.events.agents import (
    gerund_actor,
    harming_actor,
    led_by,
    listing_verb,
    partners,
    spoken_for,
    verb_agents,
)
from mosaic.extract.events.arson import FIRE_WORDS
from mosaic.extract.events.blame import (
    STATE_FORCES,
    blamed_heads,
    described_actor,
    force_actor,
    head_phrase,
    modifier_actor,
    participant_heads,
)
from mosaic.extract.events.state_bodies import GOVERNMENT_NOUNS
from mosaic.extract.events.target_nouns import QUANTITY_NOUNS, target_head
from mosaic.extract.numbers.casualties import ATTACKER_WORDS
from mosaic.extract.text.modality import LAUNCH_VERBS
from mosaic.extract.text.sentences import SentenceContext, previous_subject_group
from mosaic.extract.text.syntax import (
    ACTOR_MODIFIER_DEPS,
    CLAUSE_DEPS,
    NOUN_MODIFIER_DEPS,
    NOUN_PHRASE_DEPS,
    PATIENT_DEPS,
    PERPETRATION_PATH_DEPS,
    agents,
    antecedent,
    children,
    is_passive,
    prep_objects,
    subject,
    with_conjuncts,
)
from mosaic.model import EntityKind, EntityRef, PerpetratorStatus

PERPETRATION_VERBS = LAUNCH_VERBS | lexicon.words("events.perpetration_verbs")
BLAME_VERBS = lexicon.words("events.blame_verbs")
_INSPIRED_SUFFIXES = lexicon.ordered("events.inspired_suffixes")
SUSPICION_WORDS = BLAME_VERBS | lexicon.words("events.suspicion_words")
CLAIM_NOUNS = lexicon.words("attribution.claims_of_responsibility")
CLAIM_VERBS = lexicon.words("events.claim_verbs")
_STATE_ROLES = frozenset({Role.STATE, Role.COUNTRY, Role.DEMONYM})


@dataclass(frozen=True)
class Perpetrators:
    """Who carried out the event and how the text says so."""

    mentions: tuple[EntityMention, ...] = ()
    status: PerpetratorStatus | None = None


def phrase(head: Token) -> list[Token]:
    """The head's phrase without relative or adverbial clauses ("sympathisers who hijacked a bus
    ... of Aga Khan" is the sympathisers, not Aga Khan)."""
    cut = {t.i for c in head.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut]


def _agent_tokens(trigger: Token) -> tuple[list[Token], bool]:
    """Heads in an agent's position, and whether a claim introduces them."""
    found = children(trigger, *ACTOR_MODIFIER_DEPS) + led_by(trigger)
    claimed = False
    lister = listing_verb(trigger)
    if lister is not None:
        found += verb_agents(lister)
        claimed = lister.lemma_ == "claim"
    if trigger.pos_ == "VERB":
        found += (
            _passive_agents(trigger)
            if is_passive(trigger)
            else subject(trigger) or gerund_actor(trigger)
        )
    else:  # "an attack by X": spaCy hangs a noun's "by" on it as a plain preposition
        found += prep_objects(trigger, "by") + harming_actor(trigger)
    for acl in children(trigger, "acl"):
        found += agents(acl)
        claimed = claimed or acl.lemma_ == "claim"
    verb = perpetration_verb(trigger)
    if verb is not None:
        found += agents(verb) if is_passive(verb) else subject(verb)
        found += partners(verb)
        claimed = claimed or verb.lemma_ == "claim"
    return found, claimed


def agent_heads(trigger: Token) -> list[Token]:
    """The heads standing in an agent's position of the trigger (subject, "by" phrase, ...)."""
    return _agent_tokens(trigger)[0]


def _passive_agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb, also where the parser hung it on the object ("was
    designated a terrorist group by the US")."""
    objects = children(verb, "dobj", "oprd")
    return agents(verb) or [o for d in objects for o in prep_objects(d, "by")]


def perpetration_verb(trigger: Token) -> Token | None:
    """ "carried out the attack", "claimed responsibility for the attack", "launching an attack"."""
    current = trigger
    for _ in range(4):
        if current.dep_ not in PERPETRATION_PATH_DEPS or (current.head == current):
            return None
        if current.dep_ == "prep" and current.lower_ not in ("of", "for"):
            return None  # "the killing ... after the attack" is no perpetration of it
        current = current.head
        if current.pos_ == "VERB" and current.lemma_ in PERPETRATION_VERBS:
            return current
    return None


def claimants(context: SentenceContext, trigger: Token) -> list[EntityMention]:
    """Who the sentence says claimed responsibility or credit for the trigger's event
    ("X claimed responsibility for the attack"; with no "for ...", for any attack)."""
    found: list[Token] = []
    for token in context.sent:
        if token.lemma_ not in CLAIM_VERBS or token.pos_ != "VERB":
            continue
        objects = [o for o in children(token, *PATIENT_DEPS) if o.lemma_.lower() in CLAIM_NOUNS]
        claimed = [t.i for o in objects for p in prep_objects(o, "for") for t in p.subtree]
        if objects and (not claimed or trigger.i in claimed):
            found += agents(token) if is_passive(token) else subject(token)
    tokens = [t for f in found for t in phrase(f)]
    named = [
        spoken_for(m, context) for m in actor_mentions(tokens, context, (Role.GROUP, Role.PERSON))
    ]
    standing = [m for f in found if (m := party(f, context)) is not None and m.role is Role.GROUP]
    return list(dict.fromkeys([*named, *standing]))


def actor_mentions(
    tokens: Sequence[Token], context: SentenceContext, roles: Sequence[Role]
) -> list[EntityMention]:
    """Mentions among the tokens with one of the roles; states as countries where asked."""
    return [m for m in context.mentions_in(tokens) if m.role in roles]


def perpetrators(
    trigger: Token,
    context: SentenceContext,
    roles: Sequence[Role],
    named_only: Sequence[Role] = (),
) -> Perpetrators:
    """The event's perpetrators and their status (claimed, suspected, attributed); roles in
    `named_only` only where named, not through a word standing for them."""
    heads, claimed = _agent_tokens(trigger)
    tokens = [t for head in heads for t in phrase(head)]
    heads = [h for h in heads if not _names_where(h, trigger, context)]
    commands = _commands(heads, context)
    found = [
        commands.get(m, m) for m in actor_mentions(tokens, context, roles)
        if m in commands or (m not in commands.values() and _direct(m, heads))
    ]  # fmt: skip
    found += _standing_for(heads, context, [r for r in roles if r not in named_only])
    found = list(dict.fromkeys(spoken_for(m, context) for m in found))
    # "The group said it carried out the bombing": a party telling of its own act claims it.
    claimed = claimed or any(m.ref is not None and m.ref.name == context.speaker for m in found)
    claimers = claimants(context, trigger) if Role.GROUP in roles else []
    if claimers:
        found, claimed = [*found, *(c for c in claimers if c not in found)], True
    found = [m for m in found if not names_a_parent(m, found, context.doc)]
    blamed = False
    if not found:
        found, blamed = _blamed(trigger, context, roles)
    if not found and Role.GROUP in roles:
        # inferred from the text around, not stated: suspected, as a blame would make it
        found = _attackers_of_the_group_before(heads, context)
        blamed = bool(found)
    if not found:
        return Perpetrators()
    words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    suspected = blamed or bool(words & SUSPICION_WORDS) or _hyphen_inspired(found, context)
    status = (
        PerpetratorStatus.CLAIMED if claimed
        else PerpetratorStatus.SUSPECTED if suspected
        else PerpetratorStatus.ATTRIBUTED
    )  # fmt: skip
    return Perpetrators(tuple(dict.fromkeys(found)), status)


def _standing_for(
    heads: Sequence[Token], context: SentenceContext, roles: Sequence[Role]
) -> list[EntityMention]:
    """The parties pronouns and "the group" in an agent's position stand for ("they carried
    out the attack", "its attack on the consulate", "the group conducted attacks", "its
    fighters stormed the post")."""
    standing = [h for h in heads if h.pos_ == "PRON" or _the_group(h)]
    standing += [p for h in heads for p in _owning_group(h)]
    found = [party(h, context) for h in standing if context.mention_at(h) is None]
    return [m for m in found if m is not None and m.role in roles]


def _attackers_of_the_group_before(
    heads: Sequence[Token], context: SentenceContext
) -> list[EntityMention]:
    """Attackers told by what they are ("militants stormed a garrison", "a suicide bomber
    killed nine soldiers") in a sentence naming no group, just after a sentence about a group
    ("The TJP has claimed several of the deadliest attacks this year. In July, militants
    stormed a garrison"): the group the text is about, which they are told as an instance of."""
    if not heads or not all(_bare_attackers(h) for h in heads):
        return []
    if any(m.role is Role.GROUP for m in context.mentions):
        return []
    group = previous_subject_group(context)
    return [group] if group is not None else []


def _bare_attackers(head: Token) -> bool:
    """ "militants", "gunmen", "a suicide bomber", "four attackers": attackers by their kind
    with no owner, name ("Baloch militants") or "the" pointing back, as the subject of the
    act (not "attacks perpetrated by drug terrorists", a kind of attacker)."""
    if {head.lower_, head.lemma_.lower()}.isdisjoint(ATTACKER_WORDS) or head.dep_ != "nsubj":
        return False
    owned = any(
        c.dep_ in ("poss", "appos") or c.lower_ == "the" or _named_word(c) for c in head.children
    )
    return not owned and not prep_objects(head, "of", "from")


def _named_word(token: Token) -> bool:
    """A proper name or a word with a capital inside a sentence ("Baloch", "TTP")."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and not token.is_sent_start)


def _owning_group(head: Token) -> list[Token]:
    """The possessive of a group's fighters or units acting ("its fighters stormed", "their
    commandos carried out the attack", "the group's fighters attacked", "one of its fighters
    blew himself up"): the group acted through them."""
    if head.pos_ == "NUM" or {head.lower_, head.lemma_.lower()} & QUANTITY_NOUNS:
        return [p for whole in prep_objects(head, "of") for p in _owning_group(whole)]
    if not {head.lower_, head.lemma_.lower()} & MEMBER_AND_UNIT_NOUNS:
        return []
    return [p for p in children(head, "poss") if p.lower_ in GROUP_POSSESSIVES or _the_group(p)]


def _the_group(head: Token) -> bool:
    """ "the group", "the organisation": a group noun pointing back, not "a group of men"."""
    return (
        head.lemma_.lower() in GROUP_WORDS
        and any(c.lower_ == "the" for c in head.children)
        and not prep_objects(head, "of")
    )


def _blamed(
    trigger: Token, context: SentenceContext, roles: Sequence[Role]
) -> tuple[list[EntityMention], bool]:
    """Who a responsibility phrase over the trigger names ("the group responsible for the
    attack", "X was linked to the bombing"), and whether it only suspects them."""
    heads, suspected = blamed_heads(trigger)
    phrases = [t for h in heads if not _titled_person(h, context) for t in head_phrase(h)]
    named = [m for m in actor_mentions(phrases, context, roles) if _direct(m, heads)]
    standing = [m for h in heads if (m := party(h, context)) is not None and m.role in roles]
    return list(dict.fromkeys([*named, *standing])), suspected


def _titled_person(head: Token, context: SentenceContext) -> bool:
    """ "JAD's founder, X, is on trial over the attack": a title whose person is named beside
    it; the person is the one held to account, the group of the title only says who they are."""
    apposed = [context.mention_at(a) for a in children(head, "appos")]
    return head.pos_ == "NOUN" and any(m is not None and m.role is Role.PERSON for m in apposed)


def participants(
    trigger: Token, context: SentenceContext, roles: Sequence[Role]
) -> list[EntityMention]:
    """The parties a meeting brings together, named or standing for one ("its leaders")."""
    heads = participant_heads(trigger)
    named = [m for m in actor_mentions([t for h in heads for t in phrase(h)], context, roles)]
    named = [m for m in named if _direct(m, heads)]
    standing = [m for h in heads if (m := party(h, context)) is not None and m.role in roles]
    envoys = [m for h in heads for m in envoys_of(h, context)]
    return list(dict.fromkeys([*named, *standing, *envoys]))


ENVOY_NOUNS = lexicon.words("events.envoy_nouns")  # fmt: skip
"""People who stand for their state at a meeting ("diplomats from China", "Afghan officials")."""


def envoys_of(head: Token, context: SentenceContext) -> list[EntityMention]:
    """The states people at a meeting speak for: "diplomats from China and the US", "their
    Afghan and Pakistani counterparts"; as the country or demonym mentions."""
    if head.lemma_.lower() not in ENVOY_NOUNS or context.mention_at(head) is not None:
        return []
    words = prep_objects(head, "from", "of")
    words += with_conjuncts(c for c in head.children if c.dep_ in NOUN_MODIFIER_DEPS)
    found = [context.mention_at(w) for w in words]
    return [m for m in found if m is not None and m.role in (Role.COUNTRY, Role.DEMONYM)]


def described_perpetrators(
    trigger: Token, context: SentenceContext, named: Sequence[EntityMention] = ()
) -> Perpetrators:
    """Unnamed actors in an agent's position, described by who they are ("four Tajik men
    suspected of taking part in the attack", "a Baloch separatist attack")."""
    agents_found, _ = _agent_tokens(trigger)
    blamed, suspected = blamed_heads(trigger)
    heads = [w for h in [*agents_found, *blamed] for w in _counted(h)]
    heads = [h for h in heads if not any(m.start <= h.i < m.end for m in named)]
    found = [(h, r) for h in heads if (r := described_actor(h)) is not None]
    if not found and (ref := modifier_actor(trigger)) is not None:
        found = [(trigger, ref)]
    mentions = tuple(_unnamed_mention(head, ref) for head, ref in found)
    forces = [(h, r) for h in heads if (r := force_actor(h)) is not None]
    mentions += tuple(_force_mention(head, ref, context) for head, ref in forces)
    if not mentions:
        return Perpetrators()
    status = PerpetratorStatus.SUSPECTED if suspected else PerpetratorStatus.ATTRIBUTED
    return Perpetrators(mentions, status)


def _counted(head: Token) -> list[Token]:
    """ "Hundreds of Maoist rebels attacked": who a quantity counts, where it counts someone."""
    if {head.lower_, head.lemma_.lower()} & QUANTITY_NOUNS:
        return prep_objects(head, "of") or [head]
    return [head]


def bare_force_heads(trigger: Token, governments: bool = False) -> list[Token]:
    """Agents that are a force with nothing to say whose ("the army launched strikes",
    "police arrested two men"); with `governments`, a government too ("the government banned
    the group": asked for acts only states do, since "the government initiated the attack on
    the cartels" tells of a campaign, no one incident)."""
    heads, _ = _agent_tokens(trigger)
    words = ARMED_FORCES | GOVERNMENT_NOUNS if governments else ARMED_FORCES
    return [
        h for h in heads
        if h.lower_ in words
        and all(c.dep_ == "det" and c.lower_ == "the" for c in h.lefts)
    ]  # fmt: skip


def _force_role(head: Token) -> Role:
    """A described force is a state's ("government troops"), a militia a group's ("tribal
    militiamen")."""
    return Role.STATE if head.lower_ in STATE_FORCES else Role.GROUP


def _force_mention(head: Token, ref: EntityRef, context: SentenceContext) -> EntityMention:
    """A force described by its kind; the state unit the report names by the same words where
    it names one ("counter-terrorism police" ... "the Punjab Counter Terrorism Department")."""
    unit = described_unit(ref.name, context.doc_mentions)
    if unit is None:
        return _unnamed_mention(head, ref, _force_role(head))
    return EntityMention(
        head.i, head.i + 1, head.idx, head.idx + len(head.text), head.text, "DESC", Role.STATE,
        unit.ref, unit.country,
    )  # fmt: skip


def _unnamed_mention(head: Token, ref: EntityRef, role: Role = Role.GROUP) -> EntityMention:
    return EntityMention(
        head.i, head.i + 1, head.idx, head.idx + len(head.text), head.text, "DESC", role, ref
    )


def _direct(mention: EntityMention, heads: Sequence[Token]) -> bool:
    """Groups and people may stand anywhere in an agent's phrase ("gunmen affiliated with the
    TTP"); a state only as the agent itself ("Pakistan", "US forces"), not "Uighurs from China",
    or as the unit its forces belong to ("commandos of the Rapid Action Force")."""
    if mention.role not in _STATE_ROLES:
        return True
    return any(
        mention.start <= head.i < mention.end
        or _heads_forces(mention, head)
        or _unit_of_forces(mention, head)
        for head in heads
    )


UNIT_MEMBERS = STATE_FORCES | STATE_PERSONNEL
"""Who acts for a state body named by its own name: its forces and the people of its trade."""


def _unit_of_forces(mention: EntityMention, head: Token) -> bool:
    """ "commandos with the Rapid Action Force", "soldiers of the Frontier Corps", "officers
    of the Federal Security Service": a state body by its own name (no country) that the
    forces or the people of its trade acting belong to."""
    if mention.ref is None or mention.ref.kind is EntityKind.PLACE:
        return False
    if head.lower_ not in UNIT_MEMBERS and head.lemma_.lower() not in UNIT_MEMBERS:
        return False
    root = head.doc[mention.start : mention.end].root
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "with") and root.head.head == head


BLAST_NOUNS = lexicon.words("events.blast_nouns")


def _names_where(head: Token, trigger: Token, context: SentenceContext) -> bool:
    """ "a Pakistan bomb blast": a country's name before a blast says where it went off; a
    state's blasts are strikes ("a US strike")."""
    if head.dep_ != "compound" or trigger.lower_ not in BLAST_NOUNS:
        return False
    mention = context.mention_at(head)
    return mention is not None and mention.role is Role.COUNTRY


def _commands(
    heads: Sequence[Token], context: SentenceContext
) -> dict[EntityMention, EntityMention]:
    """ "U.S. Forces Afghanistan": a state's command named for the country it serves in; the
    agent is the state body before the country the parser made the head, not that country.
    Maps each such country mention to its body."""
    found = {}
    for head in heads:
        there = context.mention_at(head)
        body = context.mention_at(head.doc[there.start - 1]) if there and there.start else None
        if (
            there is not None and there.role is Role.COUNTRY
            and body is not None and body.role is Role.STATE and body.country != there.country
        ):  # fmt: skip
            found[there] = body
    return found


def _heads_forces(mention: EntityMention, head: Token) -> bool:
    """ "Afghan and Pakistani troops": each nationality describes the agent, a state noun."""
    word = head.doc[mention.end - 1]
    return modified_noun(word) == head and (
        head.lower_ in STATE_NOUNS or head.lemma_.lower() in STATE_NOUNS
    )


def _hyphen_inspired(found: Sequence[EntityMention], context: SentenceContext) -> bool:
    """ "IS-inspired", "Taliban-linked": the group is named as an inspiration, not an actor."""
    doc = context.doc
    for mention in found:
        after = doc[mention.end : mention.end + 2].text.lower()
        if after.startswith(_INSPIRED_SUFFIXES):
            return True
    return False


VICTIM_POSSESSORS = lexicon.words("events.victim_possessors")  # fmt: skip


def target_tokens(trigger: Token) -> list[Token]:
    """The attacked, killed, arrested or kidnapped: object, passive subject, "attack on X";
    a possessor only for nouns whose possessor is the victim ("bin Laden's killing")."""
    if trigger.pos_ == "VERB":
        heads = children(trigger, "nsubjpass") if is_passive(trigger) else children(trigger, "dobj")
        if not heads and is_passive(trigger) and trigger.dep_ == "conj":
            heads = children(trigger.head, "nsubjpass")  # "X was designated ... and banned"
        if not heads and is_opening_participle(trigger):
            heads = children(trigger.head, "nsubj", "nsubjpass")
        if trigger.lemma_.lower() == "set" and any(h.lemma_.lower() in FIRE_WORDS for h in heads):
            heads = prep_objects(trigger, "to")  # "set fire to the office": the office
    else:
        heads = prep_objects(trigger, "on", "against", "of")
        if trigger.lemma_.lower() in VICTIM_POSSESSORS:
            heads += children(trigger, "poss")
    return with_conjuncts(antecedent(h) for h in heads)


def is_opening_participle(trigger: Token) -> bool:
    """A past participle opening its sentence, said of the main clause's subject
    ("Designated a terrorist group in 2003, X is ...", "Founded in 2007, the group ...")."""
    return (
        trigger.tag_ == "VBN"
        and trigger.dep_ == "advcl"
        and trigger.i < trigger.head.i
        and not children(trigger, "nsubj", "nsubjpass")
    )


def target_refs(heads: Sequence[Token], context: SentenceContext) -> list[EntityRef]:
    """Targets as named: the entity where one is named, else the noun phrase of a concrete
    noun (`target_nouns`); a country is no target."""
    refs: list[EntityRef] = []
    for head in heads:
        mention = context.mention_at(head) or _apposed(head, context)
        country = mention is not None and mention.role is Role.COUNTRY
        if mention is not None and mention.ref is not None and not country:
            refs.append(mention.ref)
        elif not country and (concrete := target_head(head)) is not None:
            refs.append(EntityRef(name=noun_phrase(concrete), kind=EntityKind.OTHER))
    return list(dict.fromkeys(refs))


def _apposed(head: Token, context: SentenceContext) -> EntityMention | None:
    """The person or group a described target is named as ("its leader, X,")."""
    for child in head.children:
        mention = context.mention_at(child) if child.dep_ == "appos" else None
        if mention is not None and mention.role in (Role.PERSON, Role.GROUP):
            return mention
    return None


def noun_phrase(head: Token) -> str:
    """The head noun with its left modifiers, without articles or numbers."""
    words = [t for t in head.lefts if t.dep_ in NOUN_PHRASE_DEPS]
    tokens = [t for w in words for t in w.subtree] + [head]
    text = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()
    return text.replace(" 's", "'s")
