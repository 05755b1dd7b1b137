"""Markdown notes: YAML front matter for the fields, the body as readable plain text.

The conversion is line by line and keeps every word of the prose: heading marks,
emphasis, link syntax and images go, the words of link texts stay. A full Markdown
parser would render HTML, which is not what extraction needs.
"""

from __future__ import annotations

import re

import yaml

from mosaic.errors import InputError
from mosaic.ingest.decode import decode_text, first_line_title, normalise_text
from mosaic.ingest.fields import fields_from_mapping
from mosaic.ingest.source import Fields, ReadResult, Source, build_report

MEDIA_TYPE = "text/markdown"
# 2,000 nested brackets kept PyYAML busy for 20 s; front matter needs two or three.
MAX_NESTING = 32
_BRACKETS = re.compile(r"[\[\]{}]")
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE
)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^\s{0,3}(?:={2,}|(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+.*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_PLACEHOLDER = 0xE000
_PROTECTED = re.compile("[\ue000-\ue07f]")
_LINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$"), r"\1"),
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),
    (re.compile(r"^(\s*)[*+]\s+"), r"\1- "),
)
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])"), ""),
    (re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
)


def read_markdown(source: Source) -> list[ReadResult]:
    """One report of the body as plain text, with the fields of its front matter."""
    content = decode_text(source.data, source.name).replace("\r\n", "\n")
    fields, body = split_front_matter(content, source.name)
    text = markdown_to_text(body)
    if fields.title is None:
        fields = Fields(
            title=first_line_title(normalise_text(text)),
            url=fields.url,
            publisher=fields.publisher,
            published=fields.published,
            marking=fields.marking,
        )
    return [build_report(source, text, fields, MEDIA_TYPE)]


def split_front_matter(content: str, source: str) -> tuple[Fields, str]:
    """The fields of a leading `---` YAML block and the body after it."""
    match = _FRONT_MATTER.match(content)
    if match is None:
        return Fields(), content
    _check_nesting(match[1], source)
    try:
        values = yaml.safe_load(match[1])
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(source, f"invalid YAML front matter ({_first_line(e)})", line) from e
    except (ValueError, OverflowError, RecursionError) as e:
        # PyYAML builds dates and numbers as it parses: 0000-01-01 is no date.
        problem = f"invalid value in YAML front matter ({_first_line(e)})"
        raise InputError(source, problem) from e
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise InputError(source, "front matter is not a YAML mapping of keys to values")
    fields = fields_from_mapping({str(key): value for key, value in values.items()}, source)
    return fields, content[match.end() :]


def _check_nesting(front_matter: str, source: str) -> None:
    """Refuse brackets nested deeper than MAX_NESTING, which PyYAML parses in quadratic time.

    Quotes are not looked into: a title that opens dozens of brackets is refused too.
    """
    depth = deepest = 0
    for bracket in _BRACKETS.findall(front_matter):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        problem = (
            f"YAML front matter nests brackets {deepest} deep, over the limit of {MAX_NESTING}"
        )
        raise InputError(source, problem)


def markdown_to_text(body: str) -> str:
    """The body as plain text: code blocks verbatim, other lines without Markdown syntax."""
    lines: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        marker = _FENCE.match(line)
        if marker and (fence is None or marker[1].startswith(fence)):
            fence = marker[1] if fence is None else None
            continue
        lines.append(line if fence is not None else _convert_line(line))
    return "\n".join(lines)


def _convert_line(line: str) -> str:
    """One line without Markdown syntax; a backslash escape gives its character.

    Escapes are swapped for private-use characters while the rules run, unless the
    line already holds such characters, so that `\\*` is never read as emphasis.
    """
    if _RULE.match(line) or _TABLE_RULE.match(line) or _REFERENCE.match(line):
        return ""
    protect = _PROTECTED.search(line) is None
    if protect:
        line = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER + ord(m[1])), line)
    for pattern, replacement in (*_LINE_RULES, *_INLINE_RULES):
        line = pattern.sub(replacement, line)
    if protect:
        line = _PROTECTED.sub(lambda m: chr(ord(m[0]) - _PLACEHOLDER), line)
    return line


def _first_line(error: Exception) -> str:
    return " ".join(str(error).split("\n")[0].split())
