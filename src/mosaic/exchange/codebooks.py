"""The GTD and ACLED codes Mosaic's event and attack types map to, both ways.

GTD (Global Terrorism Database codebook): `attacktype1_txt` and `targtype1_txt`.
ACLED (codebook 2023): `disorder_type`, `event_type`, `sub_event_type`.
Mosaic's types are coarser in some places and finer in others; where a code has no
Mosaic counterpart it reads as the nearest type, and the exported `mosaic_*` columns
keep what the codes cannot say.
"""

from __future__ import annotations

from followthemoney.types import registry

from mosaic.model import AttackType, Event, EventType

GTD_ATTACK = {
    AttackType.ASSASSINATION: "Assassination",
    AttackType.ARMED_ASSAULT: "Armed Assault",
    AttackType.BOMBING: "Bombing/Explosion",
    AttackType.SUICIDE_BOMBING: "Bombing/Explosion",
    AttackType.KIDNAPPING: "Hostage Taking (Kidnapping)",
    AttackType.BEHEADING: "Hostage Taking (Kidnapping)",
    AttackType.FACILITY_ATTACK: "Facility/Infrastructure Attack",
    AttackType.UNKNOWN: "Unknown",
}
GTD_ATTACK_READ = {
    "Assassination": AttackType.ASSASSINATION,
    "Armed Assault": AttackType.ARMED_ASSAULT,
    "Bombing/Explosion": AttackType.BOMBING,
    "Hostage Taking (Kidnapping)": AttackType.KIDNAPPING,
    "Hostage Taking (Barricade Incident)": AttackType.KIDNAPPING,
    "Facility/Infrastructure Attack": AttackType.FACILITY_ATTACK,
    "Unarmed Assault": AttackType.ARMED_ASSAULT,
    "Hijacking": AttackType.KIDNAPPING,
    "Unknown": AttackType.UNKNOWN,
}

# A stated target's words, first match wins; GTD's "Unknown" (code 20) otherwise.
GTD_TARGET_WORDS = (
    (("school", "university", "college", "student"), "Educational Institution"),
    (("airport", "aircraft", "airline"), "Airports & Aircraft"),
    (("police", "constable"), "Police"),
    (("army", "military", "soldier", "troops", "checkpoint", "base"), "Military"),
    (("mosque", "church", "shrine", "temple", "imam", "cleric"), "Religious Figures/Institutions"),
    (("journalist", "press", "newspaper"), "Journalists & Media"),
    (("official", "minister", "government"), "Government (General)"),
    (
        ("market", "bus", "passenger", "civilian", "people", "villagers"),
        "Private Citizens & Property",
    ),
)

ACLED_OTHER = ("Strategic developments", "Strategic developments", "Other")
"""An event type the codebook does not map (one an extension adds)."""
ACLED_TYPE = {
    EventType.MILITARY_OPERATION: ("Political violence", "Battles", "Armed clash"),
    EventType.ARREST: ("Strategic developments", "Strategic developments", "Arrests"),
    EventType.FOUNDING: (
        "Strategic developments",
        "Strategic developments",
        "Change to group/activity",
    ),
    EventType.DESIGNATION: ACLED_OTHER,
    EventType.MEETING: ACLED_OTHER,
    EventType.PROTEST: ("Demonstrations", "Protests", "Peaceful protest"),
    EventType.KILLING: ("Political violence", "Violence against civilians", "Attack"),
}
ACLED_ATTACK = {
    AttackType.SUICIDE_BOMBING: ("Explosions/Remote violence", "Suicide bomb"),
    AttackType.BOMBING: ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    AttackType.KIDNAPPING: ("Violence against civilians", "Abduction/forced disappearance"),
}
ACLED_READ = {
    "Suicide bomb": (EventType.ATTACK, AttackType.SUICIDE_BOMBING),
    "Remote explosive/landmine/IED": (EventType.ATTACK, AttackType.BOMBING),
    "Grenade": (EventType.ATTACK, AttackType.BOMBING),
    "Abduction/forced disappearance": (EventType.ATTACK, AttackType.KIDNAPPING),
    "Attack": (EventType.ATTACK, AttackType.ARMED_ASSAULT),
    "Armed clash": (EventType.MILITARY_OPERATION, None),
    "Arrests": (EventType.ARREST, None),
    "Change to group/activity": (EventType.FOUNDING, None),
    "Peaceful protest": (EventType.PROTEST, None),
}


def gtd_attack(event: Event) -> str:
    return GTD_ATTACK[event.attack_type or AttackType.UNKNOWN]


def gtd_target_type(target: str) -> str:
    lowered = target.lower()
    for words, code in GTD_TARGET_WORDS:
        if any(word in lowered for word in words):
            return code
    return "Unknown"


def acled_type(event: Event) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type); an attack by its attack type."""
    if event.type is not EventType.ATTACK:
        return ACLED_TYPE.get(event.type, ACLED_OTHER)
    kind, sub = ACLED_ATTACK.get(
        event.attack_type or AttackType.UNKNOWN, ("Violence against civilians", "Attack")
    )
    return "Political violence", kind, sub


def country_name(code: str | None) -> str:
    return registry.country.caption(code.lower()) if code else ""


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country name as GTD and ACLED write it ("Pakistan" -> "PK")."""
    code = registry.country.clean(name) if name else None
    return code.upper() if code else None
