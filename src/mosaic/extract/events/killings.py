"""Killings: when "killed" names an event of its own, and which event a killing belongs to.

A named person's death at another's hand is a `killing` (FORMAT.md): "the May
2011 killing of Osama bin Laden", "he was shot dead", "Aliza was killed in a
U.S. drone strike". The strike or raid that did it is not a second event: the
killing absorbs it, with its perpetrators, date and place. A person killed in a
bombing is the bombing's target instead. "Killed" with only a number of victims
is an attack when the sentence names no other attack ("the killing of seven
soldiers"), and an attack carried out by state forces alone is a military
operation, or a killing when it is an execution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import force_speaking, party
from mosaic.extract.entities.state_actors import ARMED_FORCES
from mosaic.extract.events.blame import STATE_FORCES
from mosaic.extract.events.reporting_forces import STATE_ARMS
from mosaic.extract.events.rules.base import Entry, Trigger
from mosaic.extract.events.slots import agent_heads, target_tokens
from mosaic.extract.events.types import CAPTIVE_ROLES, attack_type
from mosaic.extract.numbers.casualties import (
    ATTACKER_WORDS,
    WOUNDING_VERBS,
    is_done_to_death,
    is_shot_dead,
)
from mosaic.extract.numbers.counts import add_counts, parse_number
from mosaic.extract.text.modality import (
    DEFINITE,
    is_hypothetical,
    is_negated,
    is_negating,
    is_sought,
)
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    ACT_POS,
    NOUN_POS,
    SINGULAR_NOUN_TAGS,
    VERB_POS,
    antecedent,
    children,
    is_passive,
    prep_objects,
    tree_distance,
    with_conjuncts,
)
from mosaic.model import AttackType, Count, EventFinding, EventType

KILL_WORDS = lexicon.words("events.kill_words")
CASUALTY_WORDS = WOUNDING_VERBS
"""The verbs of wounding: their victims are casualties, not the killed."""
EXECUTIONS = lexicon.words("events.executions")
DEATH_WORDS = lexicon.words("events.death_words")
SENTENCING_VERBS = lexicon.words("events.sentencing_verbs")
"""Verbs that send someone "to death" by a court's order: a sentence, not a killing."""
DYING_VERBS = lexicon.words("relations.dying_verbs")
"""Verbs whose subject is the one who died ("X died during a raid by special forces")."""
RAID_WORDS = lexicon.words("events.raid_words")
"""Raids that armed groups alone carry out are attacks ("an ambush by militants")."""
BREAKDOWN_WORDS = lexicon.words("numbers.breakdown")
"""A total's parts ("29 killed, including five attackers"): no count of two sides."""
ABSORB_DISTANCE = 5
"""A killing this close to an attack in the parse is a death in that attack."""


def is_kill_word(token: Token) -> bool:
    """ "killed", "killing", "hanged", "shot dead", "gunned down"; "death" only where a strike
    caused it."""
    lemma = token.lemma_.lower()
    if lemma == "shoot" or token.lower_ == "shot":
        return is_shot_dead(token)
    pos = token.pos_  # asked of every word of a sentence: "to death" is looked for on verbs only
    if pos in VERB_POS and is_done_to_death(token):
        return lemma not in SENTENCING_VERBS  # "hacked to death", not "sentenced to death"
    if lemma == "gun" and pos == "VERB":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
    return lemma in KILL_WORDS and pos in ACT_POS


def victim_people(token: Token, context: SentenceContext) -> list[EntityMention]:
    """The named people killed: object, passive subject (pronouns resolved), "killing of X",
    "X's death", "the killing in July of X", "the mastermind ..., X, was killed"."""
    if token.pos_ == "VERB":
        heads = _victim_heads(token)
    else:
        heads = prep_objects(token, "of") + children(token, "poss")
        heads += [o for p in prep_objects(token, "in", "on") for o in prep_objects(p, "of")]
    heads = with_conjuncts(antecedent(h) for h in heads)
    heads += [a for h in heads for a in children(h, "appos")]
    found = [party(h, context) for h in heads]
    people = [m for m in found if m is not None and m.role is Role.PERSON]
    # "X, the man accused of the bombing": the apposition names X again, not a second victim
    return list({(m.ref.key or m.ref.name) if m.ref else m.text: m for m in people}.values())


def victim_count(token: Token, context: SentenceContext) -> Count | None:
    """How many named people a killing word says were killed: "X and his wife were killed"
    (2), "X, who was also killed, along with Y" (2), "the killing of X" (1)."""
    victims = victim_people(token, context)
    if not victims:  # "the leader of the X Front was killed": one, his name unread
        return Count.of_named(1) if _leader_killed(token, context) else None
    heads = children(token, "nsubjpass") if is_passive(token) else []
    heads += children(token, "nsubj") if _is_dying(token) else []
    partners = [
        o
        for p in [*children(token, "prep"), *_trailing_along(token)]
        if p.lower_ == "along"
        for w in children(p, "prep")
        if w.lower_ == "with"
        for o in children(w, "pobj")
    ]
    partners += [
        o
        for p in children(token, "prep")
        if p.lower_ == "with" and any(c.lower_ == "along" for c in p.children)
        for o in children(p, "pobj")
    ]
    extra = [t for t in with_conjuncts(partners) if t.pos_ in NOUN_POS]
    people = len(victims) + len(extra)
    # "the group's leader, X, was killed": the name apposed to the noun is that one victim
    people += sum(
        1
        for h in with_conjuncts(heads)
        if h.pos_ == "NOUN" and context.mention_at(h) is None and h.tag_ == "NN"
        and not children(h, "appos")
    )  # fmt: skip
    return Count.of_named(people)


def _forces_assault(found: Sequence[Trigger], context: SentenceContext) -> bool:
    """ "during an assault by army troops": an attack word whose doers are all forces, which
    the attack rule makes an operation only once its finding is made."""
    return any(t.type is EventType.ATTACK and _forces_only(context.doc[t.i]) for t in found)


def _forces_only(token: Token) -> bool:
    heads = with_conjuncts(agent_heads(token))
    return bool(heads) and all({h.lower_, h.lemma_.lower()} & FORCE_WORDS for h in heads)


def _victim_heads(verb: Token) -> list[Token]:
    """Who a kill verb acts on: its passive subject, object, or a dying verb's subject."""
    if is_passive(verb):
        return children(verb, "nsubjpass")
    return children(verb, "nsubj") if _is_dying(verb) else children(verb, "dobj")


def _is_dying(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in DYING_VERBS


def _trailing_along(token: Token) -> list[Token]:
    """ "X, who was also killed, along with Y": the parser hangs "along with" right after a
    relative clause on the main verb; it still tells who died with X."""
    if token.dep_ != "relcl":
        return []
    doc, end = token.doc, max(t.i for t in token.subtree) + 1
    while end < len(doc) and doc[end].is_punct:
        end += 1
    return [doc[end]] if end < len(doc) and doc[end].lower_ == "along" else []


LETHAL = frozenset({AttackType.ASSASSINATION, AttackType.BEHEADING})
BODY_PARTS = lexicon.words("events.body_parts")


def lethal_count(token: Token, trigger: Trigger) -> Count | None:
    """The dead of an attack that kills its targets by definition (an assassination, a
    beheading, or one told by a killing word: "the murder of a judge", "X was killed")."""
    if trigger.entry.attack_type not in LETHAL and not is_kill_word(token):
        return None
    return _people_harmed(token)


def wounded_count(token: Token) -> Count | None:
    """The wounded of an attack told by a wounding verb ("his mother was wounded", "the
    blast injured a passer-by"), where no number states them."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in CASUALTY_WORDS:
        return None
    return _people_harmed(token)


def _people_harmed(token: Token) -> Count | None:
    """The people a harming word acted on: one per singular target (a count of people named,
    `Count.named`), the number of a counted one ("seven hostages"); none where the act did not
    happen ("tried to kill the mayor")."""
    if is_hypothetical(token) or is_sought(token) or is_negated(token):
        return None
    heads = target_tokens(token)
    if any(_no_one(h) for h in heads):
        return None
    heads = [o for h in heads for o in (prep_objects(h, "of") if h.lemma_ in BODY_PARTS else [h])]
    total, named = 0, False
    for head in with_conjuncts(heads):
        numbers = [parse_number(c.text) for c in children(head, "nummod")]
        if numbers and numbers[0] is not None:
            total += numbers[0]
        elif head.tag_ in SINGULAR_NOUN_TAGS or head.lower_ in ONE_PERSON_PRONOUNS:
            total, named = total + 1, True
        else:
            return None
    if not total:
        return None
    return Count.of_named(total) if named else Count.exactly(total)


ONE_PERSON_PRONOUNS = lexicon.words("events.one_person_pronouns")
"""Object pronouns that stand for one person ("later beheaded him")."""
NO_ONE_PRONOUNS = lexicon.words("events.no_one_pronouns")


def _no_one(head: Token) -> bool:
    """ "none of the children", "nobody", "no one": a victim that names no one."""
    return head.lower_ in NO_ONE_PRONOUNS or any(is_negating(c) for c in head.children)


def kill_triggers(context: SentenceContext, found: Sequence[Trigger]) -> list[Trigger]:
    """Killing words as triggers: a named person's killing, or an attack stated only by its
    dead or wounded when the sentence names no other attack and no operation close by."""
    extra: list[Trigger] = []
    attacks = any(t.type is EventType.ATTACK for t in found)
    operations = [context.doc[t.i] for t in found if t.type is EventType.MILITARY_OPERATION]
    for token in context.sent:
        lemma = token.lemma_.lower()
        dying = (
            lemma in DYING_VERBS  # few words are dying verbs: the set is asked first
            and _is_dying(token)
            and (operations or _forces_assault(found, context))
        )
        if is_kill_word(token) or dying or (lemma in DEATH_WORDS and operations):
            named = victim_people(token, context) and not dying and not _killed_in_attack(token)
            if _leader_killed(token, context) or named:
                extra.append(Trigger(token.i, Entry(EventType.KILLING, 0.35)))
                continue
        elif lemma not in CASUALTY_WORDS or token.pos_ != "VERB":
            continue
        if operations and _kills_attackers(token):
            continue  # "special forces, who killed all six terrorists": the operation's dead
        weapon = _weapon_killer(token, found)
        if (weapon or not attacks) and all(tree_distance(token, op) > 3 for op in operations):
            extra.append(Trigger(token.i, Entry(EventType.ATTACK, 0.2)))
            attacks = True
    return extra


WEAPON_WORDS = lexicon.words("events.bomb_words")


def _weapon_killer(token: Token, found: Sequence[Trigger]) -> bool:
    """ "a roadside bomb killed four soldiers, a day after militants attacked a checkpoint": a
    bomb that is no trigger itself, as the killer, tells an attack of its own beside the
    others of the sentence ("the bomb", named again, is the one told before)."""
    if token.pos_ != "VERB" or is_passive(token):
        return False
    triggers = {t.i for t in found}
    return any(
        s.lemma_.lower() in WEAPON_WORDS
        and s.i not in triggers
        and not any(c.lower_ in DEFINITE for c in s.children)
        for s in children(token, "nsubj")
    )


LEADER_NOUNS = lexicon.words("relations.leader_nouns")
"""One person by his place at a group's head ("his predecessor", "its founder")."""
GROUP_NOUNS = lexicon.words("events.organisation_heads")
"""What a group is called ("the faction", "an X cell" is told by its name)."""


def _killed_in_attack(token: Token) -> bool:
    """ "a suicide bomber killed the minister and 12 others", "gunmen struck a market, killing
    the mayor": the killers are attackers by what they are, or their bomb, so the named
    dead are an attack's, no killing of its own."""
    if token.pos_ not in VERB_POS or is_passive(token):
        return False
    heads = children(token, "nsubj")
    if not heads and token.dep_ in ("advcl", "conj") and token.tag_ == "VBG":
        heads = children(token.head, "nsubj")
    heads = with_conjuncts(heads)
    return bool(heads) and all(
        {h.lower_, h.lemma_.lower()} & (ATTACKER_WORDS | WEAPON_WORDS) for h in heads
    )


def _leader_killed(token: Token, context: SentenceContext) -> bool:
    """Whether the kill verb's victim is one person named by his place at a group's head and
    whose group ("killed his predecessor", "its previous head was killed", "killed the leader
    of the X Front"): a killing of that person, not an attack or an operation."""
    if token.pos_ != "VERB":
        return False
    return any(
        h.lemma_.lower() in LEADER_NOUNS
        and h.tag_ in SINGULAR_NOUN_TAGS
        and (any(c.dep_ == "poss" for c in h.children) or _heads_a_group(h, context))
        for h in _victim_heads(token)
    )


def _heads_a_group(noun: Token, context: SentenceContext) -> bool:
    """ "the leader of the X Front", "the head of an X cell", "the chief of the rebels'
    political wing": the one leader of a group the "of" names, by its name or as a group."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    owners = [t for o in prep_objects(noun, "of") for t in o.subtree]
    return any(t.lemma_.lower() in GROUP_NOUNS for t in owners) or any(
        m.role is Role.GROUP for m in context.mentions_in(owners)
    )


def _kills_attackers(token: Token) -> bool:
    """Whether the casualty verb's victims are attackers ("killed all six terrorists")."""
    heads = children(token, "nsubjpass") if is_passive(token) else children(token, "dobj")
    return bool(heads) and all(h.lemma_.lower() in ATTACKER_WORDS for h in heads)


WHOLE_DETERMINERS = DEFINITE | lexicon.words("events.whole_determiners")
"""Determiners that make a count of attackers those told before ("the", "all five")."""


def _ends_an_attack(token: Token) -> bool:
    """ "Security forces killed all five attackers", "... the last of the attackers": the
    attackers told before, killed, are the end of their attack, not an act of its own."""
    if token.pos_ != "VERB" or is_passive(token) or not is_kill_word(token):
        return False
    named = [_attackers_named(h) for h in children(token, "dobj")]
    return bool(named) and all(
        n is not None and any(c.dep_ == "det" and c.lower_ in WHOLE_DETERMINERS for c in n.children)
        for n in named
    )


def _attackers_named(head: Token) -> Token | None:
    """The attackers a killed object names: itself, or those of its "of" ("the last of")."""
    if head.lemma_.lower() in ATTACKER_WORDS:
        return head
    return next((o for o in prep_objects(head, "of") if o.lemma_.lower() in ATTACKER_WORDS), None)


def retype(
    finding: EventFinding, token: Token, perpetrators: Sequence[EntityMention]
) -> EventFinding:
    """An attack by state forces alone, named or described ("troops ambushed"), is a
    military operation (a killing if an execution); a raid by armed groups alone, named or
    described ("militants raided"), or by no one named on others than militants ("a raid on
    an army depot"), is an attack, of the kind its clause says. The attackers
    told before, killed ("police killed all five gunmen"), retell the attack they carried
    out: its attackers' dead, no act of the forces."""
    if finding.type is EventType.ATTACK and _ends_an_attack(token):
        return replace(
            finding, perpetrators=(), perpetrator_status=None,
            attackers_killed=finding.killed, retelling=True,
        )  # fmt: skip
    roles = {m.role for m in perpetrators}
    if finding.type is EventType.ATTACK and (
        roles == {Role.STATE} or _by_forces(token, perpetrators)
    ):
        if token.lemma_.lower() in EXECUTIONS:
            return replace(finding, type=EventType.KILLING, attack_type=None)
        finding = replace(finding, type=EventType.MILITARY_OPERATION, attack_type=None)
    elif finding.type is EventType.ATTACK and not perpetrators and _fighting(finding, token):
        return replace(finding, type=EventType.MILITARY_OPERATION, killed=_both_sides(finding))
    raid = token.lemma_.lower() in RAID_WORDS
    by_group = roles == {Role.GROUP} or (not roles and _by_attackers(token))
    by_group = by_group or (not roles and _unmade(token) and _raid_on_others(token))
    if finding.type is EventType.MILITARY_OPERATION and by_group and raid:
        entry = Entry(EventType.ATTACK, finding.confidence)
        return replace(finding, type=EventType.ATTACK, attack_type=attack_type(token, entry))
    return finding


def _unmade(token: Token) -> bool:
    """No one is said to have acted ("a similar raid", not "a police raid")."""
    return not any(h.pos_ in NOUN_POS for h in agent_heads(token))


def _raid_on_others(token: Token) -> bool:
    """ "a raid on an army depot", "a raid on a road camp killed six workers": a raid no one is
    said to have made, on a state's post or killing people who are neither fighters nor
    forces, is an attack on them; forces raid hideouts and kill militants."""
    struck = with_conjuncts(prep_objects(token, "on"))
    if any(c.lemma_.lower() in ARMED_FORCES for o in struck for c in o.lefts):
        return True
    verb = token.head
    if token.dep_ != "nsubj" or not is_kill_word(verb) or is_passive(verb):
        return False
    dead = with_conjuncts(children(verb, "dobj"))
    return bool(dead) and not any(
        {d.lemma_.lower(), d.lower_} & (ATTACKER_WORDS | FORCE_WORDS | CAPTIVE_ROLES) for d in dead
    )


def _by_attackers(token: Token) -> bool:
    """ "militants raided a police post", "gunmen launched a raid": attackers described by
    what they are are all who acted."""
    heads = with_conjuncts(agent_heads(token))
    return bool(heads) and all({h.lower_, h.lemma_.lower()} & ATTACKER_WORDS for h in heads)


FORCE_WORDS = STATE_FORCES | STATE_ARMS
"""A state's forces and the arms only they field ("troops", "commandos", "gunships")."""


def _by_forces(token: Token, perpetrators: Sequence[EntityMention]) -> bool:
    """ "troops ambushed the insurgents", "police opened fire on the hideout", "army gunships
    attacked a camp": forces or their arms are all who acted, and no known group or person
    is among the perpetrators. Deaths alone ("the attackers were killed by police") are not
    such an act: they tell the end of an attack."""
    if is_kill_word(token) or token.lemma_.lower() in CASUALTY_WORDS:
        return False
    heads = with_conjuncts(agent_heads(token))
    if not heads or not all(_a_force(h) for h in heads):
        return False
    return not any(m.ref is not None and m.ref.key for m in perpetrators if m.role in _ACTORS)


_ACTORS = frozenset({Role.GROUP, Role.PERSON})


def _a_force(head: Token) -> bool:
    """A force's word, or a pronoun standing for the force telling of its act ("the army
    said it had bombed a camp")."""
    return bool({head.lower_, head.lemma_.lower()} & FORCE_WORDS) or force_speaking(head)


def _fighting(finding: EventFinding, token: Token) -> bool:
    """ "40 militants and three soldiers were killed": deaths alone, militants counted beside
    others (not alone, not as a part of a total) and no one named as the attacker, tell a
    fight of forces against militants, not an attack."""
    casualty_only = finding.attack_type is None and (
        is_kill_word(token) or token.lemma_.lower() in CASUALTY_WORDS
    )
    breakdown = any(t.lemma_.lower() in BREAKDOWN_WORDS for t in token.sent)
    both = finding.attackers_killed is not None and finding.killed != finding.attackers_killed
    return casualty_only and both and not breakdown


def _both_sides(finding: EventFinding) -> Count | None:
    """A fight's dead are the militants and the forces' own (FORMAT.md's split of victims from
    attackers is an attack's): "30 militants and four soldiers were killed" is 34."""
    victims, fighters = finding.killed, finding.attackers_killed
    if victims is None or fighters is None or victims == fighters:
        return victims
    return add_counts(victims, fighters)


def absorb_killings(found: list[tuple[Token, EventFinding]]) -> list[tuple[Token, EventFinding]]:
    """A named person's killing absorbs the strike or raid of the same sentence that killed
    him (the nearest in the parse); a killing in a bombing is the bombing's (the person
    becomes its target). Other strikes the sentence tells stay events of their own."""
    killings = [t for t, f in found if f.type is EventType.KILLING]
    in_attack = {t.i for t in killings if _in_attack(t, found)}
    absorbed = {
        nearest[0].i
        for t in killings
        if t.i not in in_attack and (nearest := _nearest_operation(t, found)) is not None
    }
    kept: list[tuple[Token, EventFinding]] = []
    for token, finding in found:
        if finding.type is EventType.MILITARY_OPERATION and token.i in absorbed:
            continue
        if finding.type is EventType.KILLING and token.i in in_attack:
            continue
        if finding.type is EventType.KILLING:
            finding = _with_operation(token, finding, found)
        elif finding.type is EventType.ATTACK:
            finding = _absorbed(token, finding, [(t, f) for t, f in found if t.i in in_attack])
        kept.append((token, finding))
    return kept


def _absorbed(
    token: Token, attack: EventFinding, found: Sequence[tuple[Token, EventFinding]]
) -> EventFinding:
    """The attack with the dead and date of a killing it absorbs ("he was killed in a bombing,
    along with 16 other people, in August": the bombing's 17, in August)."""
    for other, finding in found:
        if finding.type is EventType.KILLING and tree_distance(other, token) <= ABSORB_DISTANCE:
            return replace(
                attack,
                killed=attack.killed or finding.killed,
                date=attack.date or finding.date,
                date_end=attack.date_end if attack.date else finding.date_end,
            )
    return attack


def _in_attack(token: Token, found: Sequence[tuple[Token, EventFinding]]) -> bool:
    """Whether the killing happened in an attack close by, not in a strike nearer still
    ("the bombing of a memorial for X, who was killed in a drone strike")."""
    attacks = [tree_distance(t, token) for t, f in found
               if f.type is EventType.ATTACK and f.attack_type is not None]  # fmt: skip
    if not attacks or min(attacks) > ABSORB_DISTANCE:
        return False
    operation = _nearest_operation(token, found)
    return operation is None or tree_distance(operation[0], token) >= min(attacks)


def _nearest_operation(
    token: Token, found: Sequence[tuple[Token, EventFinding]]
) -> tuple[Token, EventFinding] | None:
    operations = [(tree_distance(t, token), t.i, t, f) for t, f in found
                  if f.type is EventType.MILITARY_OPERATION]  # fmt: skip
    if not operations:
        return None
    _, _, nearest, finding = min(operations, key=lambda o: (o[0], o[1]))
    return nearest, finding


def _with_operation(
    token: Token, killing: EventFinding, found: Sequence[tuple[Token, EventFinding]]
) -> EventFinding:
    """The killing with the perpetrators, date and place of the operation (the nearest in the
    parse) that carried it out, and its dead where the parse gave them to the operation ("X
    and four other militants in a raid")."""
    nearest = _nearest_operation(token, found)
    if nearest is None:
        return killing
    operation = nearest[1]
    if _is_dying(token):  # "X died during a raid by police": X is the dead, no perpetrator
        killing = replace(killing, perpetrators=(), perpetrator_status=None)
    return replace(
        killing,
        perpetrators=killing.perpetrators or operation.perpetrators,
        perpetrator_status=killing.perpetrator_status or operation.perpetrator_status,
        date=killing.date or operation.date,
        place=killing.place or operation.place,
        country=killing.country or operation.country,
        killed=killing.killed or operation.killed,
    )
