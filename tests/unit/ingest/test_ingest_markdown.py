import datetime as dt
from pathlib import Path

import pytest

from mosaic.errors import InputError
from mosaic.ingest import ReadFailure, read_reports
from mosaic.ingest.markdown import markdown_to_text, split_front_matter
from mosaic.model import Report, Tlp

DATA = Path(__file__).parents[2] / "data" / "ingest"


def _read(path: Path) -> Report | ReadFailure:
    [result] = read_reports(path)
    return result


def test_markdown_reads_front_matter_fields_and_marking() -> None:
    report = _read(DATA / "note.md")
    assert isinstance(report, Report)
    assert report.title == "Checkpoint attack, Quetta outskirts"
    assert report.url == "https://example.org/notes/quetta-checkpoint"
    assert report.publisher == "Field Desk"
    assert report.published == dt.date(2016, 1, 21)
    assert report.marking.tlp is Tlp.GREEN
    assert report.media_type == "text/markdown"
    assert "tlp:" not in report.text and "---" not in report.text


def test_markdown_body_is_readable_plain_text() -> None:
    report = _read(DATA / "note.md")
    assert isinstance(report, Report)
    assert report.text.startswith("Checkpoint attack\n\nGunmen attacked a police checkpoint near")
    assert "near Quetta on 21 January 2016." in report.text
    assert "According to the provincial government, two officers died." in report.text
    assert "map of the area" not in report.text and "map.png" not in report.text
    assert "\n\nClaims\n\n" in report.text
    assert "- A local commander denied involvement." in report.text
    assert "\nOfficials said the attackers fled" in report.text
    assert "raw log line: *not emphasis*" in report.text
    assert "Escaped *asterisks* stay, and snake_case_names too." in report.text


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Heading ##", "Heading"),
        ("#hashtag stays", "#hashtag stays"),
        ("***both*** and __strong__ and ~~gone~~", "both and strong and gone"),
        ("see [the list](https://x.org/a_(b) 'title') now", "see the list now"),
        ("see [the list][ref] now", "see the list now"),
        ("[ref]: https://x.org/a", ""),
        ("mail <https://x.org/a>", "mail https://x.org/a"),
        ("use `code_span` here", "use code_span here"),
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n\n| 1 | 2 |"),
        ("Title\n=====\nBody", "Title\n\nBody"),
        ("> > nested quote", "nested quote"),
    ],
)
def test_markdown_to_text_converts_syntax(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_markdown_without_front_matter_takes_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.markdown"
    path.write_text("# Raid in the valley\n\nSoldiers raided a compound.\n", encoding="utf-8")
    report = _read(path)
    assert isinstance(report, Report)
    assert report.title == "Raid in the valley"
    assert report.marking.tlp is Tlp.CLEAR
    assert report.text == "Raid in the valley\n\nSoldiers raided a compound."


def test_markdown_front_matter_accepts_date_key_and_bare_tlp() -> None:
    fields, body = split_front_matter("---\ndate: 21 January 2016\ntlp: amber\n---\nBody\n", "a.md")
    assert fields.published == dt.date(2016, 1, 21)
    assert fields.marking.tlp is Tlp.AMBER
    assert body == "Body\n"


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        ("tlp: TLP:PURPLE", "unknown TLP marking 'TLP:PURPLE'"),
        ("published: sometime", "published date 'sometime' is not a date"),
        ("title: [a, b]", "'title' must be text"),
        ("title: 'unclosed", "invalid YAML front matter"),
        ("- a list", "not a YAML mapping"),
        ("published: 0000-01-01", "invalid value in YAML front matter (year 0 is out of range)"),
        ("published: 2016-02-30", "invalid value in YAML front matter (day is out of range"),
        ("title: " + "[" * 2000, "nests brackets 2000 deep, over the limit of 32"),
        ("tags: " + "[{" * 20 + "}]" * 20, "nests brackets 40 deep, over the limit of 32"),
        ("title: " + "9" * 5000, "invalid value in YAML front matter (Exceeds the limit"),
    ],
)
def test_markdown_bad_front_matter_fails_naming_problem(
    tmp_path: Path, front_matter: str, problem: str
) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front_matter}\n---\nBody text.\n", encoding="utf-8")
    result = _read(path)
    assert isinstance(result, ReadFailure)
    assert result.error.source == str(path)
    assert problem in str(result)


def test_markdown_front_matter_error_names_line() -> None:
    with pytest.raises(InputError) as caught:
        split_front_matter("---\ntitle: ok\nurl: 'open\n---\nBody", "a.md")
    assert caught.value.line is not None and caught.value.line >= 3


def test_markdown_unclosed_front_matter_is_read_as_body(tmp_path: Path) -> None:
    path = tmp_path / "rule.md"
    path.write_text("---\nJust a rule above this line.\n", encoding="utf-8")
    report = _read(path)
    assert isinstance(report, Report)
    assert report.text == "Just a rule above this line."
