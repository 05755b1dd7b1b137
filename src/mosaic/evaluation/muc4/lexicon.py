"""Small word lists that turn Mosaic's findings into MUC-4 role fillers.

Written by hand from the heads of gold fillers in the training split (DEV-MUC3-0001..1300),
with people nouns added from Mosaic's errors on the dev split (TST1+TST2); the test split
was not looked at. Mosaic's events carry no instrument, so weapons are
read from the evidence sentence of each incident with `WEAPON_PATTERN`; `ATTACKER_NOUNS`
tells a description of attackers ("urban guerrillas", PerpInd) from a named organisation
(PerpOrg); `HUMAN_NOUNS` keeps descriptions of people ("peasants") out of the physical
targets, since GRIT's Victim role holds only the names of people, and `MILITARY_NOUNS`
keeps military forces and positions out of them, as the task definition does.
"""

from __future__ import annotations

import re
from itertools import pairwise

WEAPONS: tuple[str, ...] = (
    "bomb", "bombs", "car bomb", "car bombs", "car-bomb", "car-bombs", "carbomb",
    "truck bomb", "truck bombs", "incendiary bomb", "incendiary bombs", "firebomb",
    "dynamite", "dynamite charge", "dynamite charges", "dynamite stick", "dynamite sticks",
    "sticks of dynamite", "charge of dynamite", "charges of dynamite",
    "explosives", "explosive device", "explosive devices", "explosive charge",
    "explosive charges", "tnt", "grenade", "grenades", "hand grenade", "hand grenades",
    "grenade launcher", "grenade launchers", "rocket", "rockets", "mortar", "mortars",
    "missile", "missiles", "bazooka", "bazookas", "rifle", "rifles", "machinegun",
    "machineguns", "machine gun", "machine guns", "machine-gun", "machine-guns",
    "submachinegun", "submachineguns", "submachine gun", "submachine guns", "firearm",
    "firearms", "automatic weapons", "assault weapons", "ak-47", "ak-47s", "m-16", "m-16s",
    "pistol", "pistols", "revolver", "revolvers", "shotgun", "shotguns",
    "molotov cocktail", "molotov cocktails", "booby trap", "booby traps", "land mine",
    "land mines", "landmine", "landmines", "napalm", "flamethrower", "flamethrowers",
    "machete", "machetes",
)  # fmt: skip

WEAPON_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(WEAPONS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
"""Any weapon of `WEAPONS`, longest first, as whole words ("car bomb" before "bomb");
a line break may stand for a space, as in the wrapped MUC-4 texts."""

ATTACKER_NOUNS: frozenset[str] = frozenset(
    {
        "guerrillas", "guerrilla", "terrorists", "terrorist", "rebels", "gunmen", "men",
        "man", "individuals", "persons", "people", "commandos", "commando", "assassins",
        "attackers", "assailants", "criminals", "subversives", "extremists",
        "narcoterrorists", "militants", "hitmen", "killers", "murderers", "kidnappers",
        "members", "youths", "perpetrators", "suspects", "fighters", "traffickers",
        "soldiers", "troops",
    }
)  # fmt: skip
"""Last words of perpetrator descriptions that name people, not an organisation."""

_ATTACKERS = (
    "guerrillas|terrorists|rebels|gunmen|assassins|attackers|assailants|subversives"
    "|narcoterrorists|hitmen|kidnappers|extremists|commandos|drug traffickers|death squads"
)
_VAGUE_ATTACKERS = "men|individuals|persons|people|youths"
_ATTACKER_MODIFIERS = "heavily armed|armed|unidentified|unknown|urban|masked|hooded|suspected"
_ATTACKER_PHRASE = f"(?:{_ATTACKER_MODIFIERS}) (?:{_ATTACKERS}|{_VAGUE_ATTACKERS})|(?:{_ATTACKERS})"
ATTACKER_PATTERN = re.compile(
    r"(?<![\w-])(?:" + _ATTACKER_PHRASE.replace(" ", r"\s+") + r")(?![\w-])", re.IGNORECASE
)
"""A description of attackers: "guerrillas", "urban guerrillas", "heavily armed men" (a vague
noun such as "men" needs a modifier)."""

HUMAN_NOUNS: frozenset[str] = frozenset(
    {
        "people", "person", "persons", "civilian", "civilians", "peasant", "peasants",
        "soldier", "soldiers", "policeman", "policemen", "police", "officer", "officers",
        "guard", "guards", "bodyguard", "bodyguards", "student", "students", "worker",
        "workers", "leader", "leaders", "member", "members", "journalist", "journalists",
        "priest", "priests", "jesuit", "jesuits", "child", "children", "woman", "women",
        "man", "men", "family", "families", "driver", "drivers", "passenger", "passengers",
        "judge", "judges", "mayor", "mayors", "official", "officials", "candidate",
        "candidates", "president", "minister", "senator", "deputy", "deputies", "victim",
        "victims", "hostage", "hostages", "residents", "inhabitants", "troops", "agents",
        "employees", "tourists", "citizens", "nationals", "businessman", "businessmen",
        "diplomat", "diplomats", "ambassador", "politician", "politicians", "wife", "son",
        "daughter", "relatives", "brother", "teacher", "teachers", "crew", "escorts",
        "relative", "brothers", "colleague", "colleagues", "others", "foreigners",
        "americans", "salvadorans", "colombians", "peruvians", "guatemalans", "engineers",
        "engineer", "technician", "technicians", "missionaries", "missionary", "clergyman",
        "clergymen", "archbishop", "bishop", "nuns", "rebel", "rebels",
        "guerrilla", "guerrillas", "terrorists", "subversives", "militant", "militants",
        "group", "insurgents", "reporters", "population", "youths", "personnel",
    }
)  # fmt: skip
"""Last words of target descriptions that are people (never a physical target)."""

MILITARY_NOUNS: frozenset[str] = frozenset(
    {
        "position", "positions", "objective", "objectives", "convoy", "convoys", "infantry",
        "battalion", "battalions", "patrol", "patrols", "forces",
    }
)  # fmt: skip
"""Last words of military forces and positions: the task definition (template-doc part 1,
section 1.0, exception b) leaves attacks on them out, as guerrilla warfare, not terrorism."""

ARMED_NOUNS: frozenset[str] = MILITARY_NOUNS | frozenset(
    {
        "soldier", "soldiers", "troops", "policeman", "policemen", "army", "detachment",
        "column", "columns", "guerrilla", "guerrillas", "rebel", "rebels", "terrorists",
        "subversives", "militants", "insurgents", "contras", "commandos", "members",
    }
)  # fmt: skip
"""Last words of targets that are armed forces or members of armed groups: an incident
aimed only at them is guerrilla warfare by the task definition (section 1.0, exceptions a
and b). Installations ("police headquarters") are not among them: the keys template attacks
on them as attacks on property."""


FORCE_WORDS: frozenset[str] = frozenset(
    {
        "army", "armies", "military", "infantry", "brigade", "brigades", "battalion",
        "battalions", "regiment", "regiments", "garrison", "garrisons", "barracks",
        "detachment", "navy", "naval", "police", "carabineros", "armed forces", "air force",
        "national guard", "general staff",
    }
)  # fmt: skip
"""Words and word pairs that name a military or police force. A physical target named
after one ("3d infantry brigade headquarters", "police barracks", "air force base") is a
military or police installation, which the task definition (section 1.0, exception b)
does not count as a terrorist target; its civilian neighbours are counted on their own.
Only the Target role drops them: relevance (`ARMED_NOUNS`) still counts the attack, since
the keys often template it for the civilian property it hit."""


def names_force(phrase: str) -> bool:
    """Whether a phrase holds a word or word pair of `FORCE_WORDS`."""
    words = re.findall(r"[\w'-]+", phrase.lower())
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return not FORCE_WORDS.isdisjoint(words + pairs)


def last_word(phrase: str) -> str:
    """The lower-cased last word of a phrase, which in English noun phrases is the head."""
    words = re.findall(r"[\w'-]+", phrase.lower())
    return words[-1] if words else ""


def find_weapons(sentence: str) -> list[str]:
    """The weapon phrases of a sentence, as written, in order of appearance."""
    return [match.group(0) for match in WEAPON_PATTERN.finditer(sentence)]


def find_attackers(sentence: str) -> list[str]:
    """The descriptions of attackers in a sentence, as written, in order of appearance."""
    return [match.group(0) for match in ATTACKER_PATTERN.finditer(sentence)]
