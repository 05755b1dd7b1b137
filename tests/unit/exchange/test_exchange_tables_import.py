"""GTD- and ACLED-shaped rows as the data sets themselves write them (no mosaic_* columns)."""

from __future__ import annotations

import pytest

from mosaic.errors import InputError
from mosaic.exchange.tables_import import read_acled, read_gtd
from mosaic.model import AttackType, Count, EventType, PerpetratorStatus

GTD = (
    "eventid,iyear,imonth,iday,country_txt,city,latitude,longitude,suicide,attacktype1_txt,"
    "target1,gname,gname2,claimed,nkill,nwound,scite1,summary\n"
    "201411020001,2014,11,2,Pakistan,Wagah,31.6,74.57,1,Bombing/Explosion,,Jamaat-ul-Ahrar,"
    'Jundallah,1,55,120,"""Bombing at Wagah border,"" Frontier Daily, 2014-11-03.",'
    "A suicide bomber struck near the border.\n"
    "201407000002,2014,7,0,Afghanistan,Unknown,,,0,Armed Assault,,Unknown,,-9,,,,\n"
)
ACLED = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,actor2,country,location,latitude,longitude,source,notes,fatalities\n"
    "PAK100,2016-08-08,2016,1,Political violence,Explosions/Remote violence,Suicide bomb,"
    "Jamaat-ul-Ahrar,,Civilians (Pakistan),Pakistan,Quetta,30.18,66.99,Dawn,"
    "A suicide bomber struck the hospital.,70\n"
)


def test_tables_import_reads_gtd_rows() -> None:
    batch = read_gtd(GTD, "gtd.csv")
    wagah, unplaced = batch.events.values()
    assert (wagah.attack_type, wagah.killed, wagah.wounded) == (
        AttackType.SUICIDE_BOMBING,
        Count.exactly(55),
        Count.exactly(120),
    )
    assert wagah.perpetrator_status is PerpetratorStatus.CLAIMED
    assert [batch.entities[p].name for p in wagah.perpetrators] == ["Jamaat-ul-Ahrar", "Jundallah"]
    assert batch.entities[wagah.place_id or ""].latitude == 31.6
    [source] = batch.sources.values()
    assert (source.title, source.publisher) == ("Bombing at Wagah border", "Frontier Daily")
    assert batch.claims[0].sentence == "A suicide bomber struck near the border."
    assert unplaced.date is not None and unplaced.date.iso() == "2014-07"
    assert (unplaced.country, unplaced.place_id, unplaced.perpetrators) == ("AF", None, ())


def test_tables_import_reads_acled_rows() -> None:
    batch = read_acled(ACLED, "acled.csv")
    [event] = batch.events.values()
    assert (event.type, event.attack_type) == (EventType.ATTACK, AttackType.SUICIDE_BOMBING)
    assert event.killed == Count.exactly(70)
    assert event.targets == ("Civilians (Pakistan)",)
    assert [s.publisher for s in batch.sources.values()] == ["Dawn"]


def test_tables_import_refuses_a_table_without_the_key_column() -> None:
    with pytest.raises(InputError, match="eventid"):
        read_gtd("a,b\n1,2\n", "other.csv")
