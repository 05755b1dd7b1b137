import datetime as dt
import json
from pathlib import Path

import pytest

from mosaic.ingest import ReadFailure, read_reports
from mosaic.model import Report

DATA = Path(__file__).parents[2] / "data" / "ingest"


def test_feeds_rss_entries_become_reports() -> None:
    path = DATA / "feed.rss"
    results = list(read_reports(path))
    assert len(results) == 3
    first, second, third = results
    assert isinstance(first, Report) and isinstance(second, Report)
    assert first.title == "Bomb kills four in market"
    assert first.url == "https://example.org/2016/01/market-bomb"
    assert first.publisher == "Frontier Wire"
    assert first.published == dt.date(2016, 1, 21)
    assert first.text == "A bomb hidden in a vegetable cart exploded.\n\nFour people were killed."
    assert first.media_type == "application/rss+xml"
    assert first.source_path == f"{path}#entry1"
    assert second.published == dt.date(2016, 1, 22)
    assert isinstance(third, ReadFailure)
    assert "entry 3: no readable text" in str(third)


def test_feeds_rss_original_is_entry_json() -> None:
    first = next(iter(read_reports(DATA / "feed.rss")))
    assert isinstance(first, Report) and first.original is not None
    entry = json.loads(first.original)
    assert entry["link"] == "https://example.org/2016/01/market-bomb"


def test_feeds_atom_prefers_content_and_published_date() -> None:
    results = list(read_reports(DATA / "feed.atom"))
    assert all(isinstance(result, Report) for result in results)
    first, second = results
    assert isinstance(first, Report) and isinstance(second, Report)
    assert (
        first.text
        == "Militants ambushed a supply convoy on the highway.\n\nThree drivers were wounded."
    )
    assert first.published == dt.date(2016, 1, 21)
    assert first.publisher == "Border Monitor"
    assert first.media_type == "application/atom+xml"
    assert second.text == "Negotiators met again on Saturday."
    assert second.published == dt.date(2016, 1, 23)


def test_feeds_malformed_feed_without_entries_fails() -> None:
    [result] = read_reports(DATA / "broken.rss")
    assert isinstance(result, ReadFailure)
    assert "malformed feed" in str(result)


def test_feeds_xml_that_is_no_feed_fails(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>One</book></catalog>', encoding="utf-8")
    [result] = read_reports(path)
    assert isinstance(result, ReadFailure)
    assert "no entries" in str(result)


def test_feeds_bad_entry_date_fails_that_entry_only(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>W</title>'
        "<item><title>A</title><pubDate>whenever</pubDate><description>Text A.</description></item>"
        "<item><title>B</title><description>Text B.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, second = read_reports(path, published=dt.date(2016, 2, 1))
    assert isinstance(first, ReadFailure)
    assert "entry 1: published date 'whenever' is not a date" in str(first)
    assert isinstance(second, Report) and second.published == dt.date(2016, 2, 1)


def _rss(encoding: str, title: bytes) -> bytes:
    head = f'<?xml version="1.0" encoding="{encoding}"?>'.encode()
    return (
        head
        + b'<rss version="2.0"><channel><title>W</title><item><title>'
        + title
        + (b"</title><description>Text.</description></item></channel></rss>")
    )


def test_feeds_invalid_utf8_in_utf8_feed_fails_with_offset(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    data = _rss("utf-8", b"Caf\xe9")
    path.write_bytes(data)
    [result] = read_reports(path)
    assert isinstance(result, ReadFailure)
    offset = data.index(b"\xe9")
    assert f"invalid UTF-8 at byte offset {offset} " in str(result)


def test_feeds_declared_latin1_feed_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(_rss("ISO-8859-1", b"Caf\xe9"))
    [report] = read_reports(path)
    assert isinstance(report, Report)
    assert report.title == "Caf\u00e9"


@pytest.mark.parametrize("name", [b"iso-8859\xad1", b"utf-\xc3\xa98"])
def test_feeds_encoding_name_not_ascii_fails_in_one_line(tmp_path: Path, name: bytes) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(_rss("NAME", b"Cafe").replace(b"NAME", name))
    [result] = read_reports(path)
    assert isinstance(result, ReadFailure)
    assert "the XML declaration's encoding name is not ASCII" in str(result)


def _rss_items(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Feed</title>{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "reference", ["&#55296;", "&#xDFFF;", "&#0;", "&#1114112;", "&#" + "9" * 12 + ";"]
)
def test_feeds_reference_to_no_character_is_read_as_a_replacement(
    tmp_path: Path, reference: str
) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(
        _rss_items(
            "<item><title>Good one</title><description>First entry.</description></item>"
            f"<item><title>Bad {reference} title</title>"
            f"<description>Bad {reference} entry.</description></item>"
            "<item><title>Good two</title><description>Second entry.</description></item>"
        )
    )
    results = list(read_reports(path))
    assert all(isinstance(r, Report) for r in results)
    assert [(r.title, r.text) for r in results if isinstance(r, Report)] == [
        ("Good one", "First entry."),
        ("Bad \ufffd title", "Bad \ufffd entry."),
        ("Good two", "Second entry."),
    ]


def test_feeds_good_references_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(
        _rss_items("<item><description>Caf&#233; &#x1F600; &#65;</description></item>")
    )
    [report] = read_reports(path)
    assert isinstance(report, Report) and report.text == "Caf\u00e9 \U0001f600 A"
