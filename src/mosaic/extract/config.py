"""The pipeline's configuration: which components and stages run, in which order.

Read from `data/pipeline.cfg` (spaCy's `config.cfg` format, parsed by thinc's `Config`),
or a file of the same shape given by path. A file that cannot be parsed, or lacks a
section or value, raises `PipelineConfigError` naming the file and what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from thinc.api import Config

from mosaic.errors import InputError

DEFAULT_CONFIG = "data/pipeline.cfg"


class PipelineConfigError(InputError):
    """A pipeline configuration that cannot be used; the message names the file."""


@dataclass(frozen=True)
class PipelineConfig:
    """The pipeline a configuration file describes."""

    source: str
    extractor: str
    model: str
    pipeline: tuple[str, ...]
    """Every spaCy component, the model's and Mosaic's, in the order they run."""
    components: Mapping[str, str]
    """Mosaic's spaCy components: pipe name -> the factory that makes it."""
    stages: tuple[str, ...]
    """The registered stages run over each parsed document, in order."""

    def error(self, problem: str) -> PipelineConfigError:
        return PipelineConfigError(self.source, problem)


def read_config(path: Path | None = None) -> PipelineConfig:
    """The configuration in `path`, or the shipped one."""
    if path is None:
        source, text = DEFAULT_CONFIG, _shipped_text()
    else:
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise PipelineConfigError(source, f"cannot be read: {e.strerror}") from e
    try:
        parsed = Config().from_str(text, interpolate=False)
    except Exception as e:  # thinc raises several types, each with a multi-line message
        raise PipelineConfigError(source, f"is not a valid config: {_one_line(e)}") from e
    return _checked(source, parsed)


def _shipped_text() -> str:
    return resources.files("mosaic").joinpath(DEFAULT_CONFIG).read_text(encoding="utf-8")


def _checked(source: str, parsed: Mapping[str, Any]) -> PipelineConfig:
    def value(section: str, key: str) -> Any:
        if key not in parsed.get(section, {}):
            raise PipelineConfigError(source, f"[{section}] has no {key!r}")
        return parsed[section][key]

    pipeline = _names(source, "nlp", "pipeline", value("nlp", "pipeline"))
    components = {
        name: _text(source, f"components.{name}", "factory", body.get("factory"))
        for name, body in parsed.get("components", {}).items()
    }
    strays = sorted(set(components) - set(pipeline))
    if strays:
        raise PipelineConfigError(source, f"[components] {strays} are not in [nlp] pipeline")
    return PipelineConfig(
        source=source,
        extractor=_text(source, "extractor", "name", value("extractor", "name")),
        model=_text(source, "nlp", "model", value("nlp", "model")),
        pipeline=pipeline,
        components=components,
        stages=_names(source, "stages", "order", value("stages", "order")),
    )


def _text(source: str, section: str, key: str, found: Any) -> str:
    if not isinstance(found, str) or not found:
        raise PipelineConfigError(source, f"[{section}] {key} must be a non-empty string")
    return found


def _names(source: str, section: str, key: str, found: Any) -> tuple[str, ...]:
    if not isinstance(found, list) or not found or not all(isinstance(n, str) for n in found):
        raise PipelineConfigError(source, f"[{section}] {key} must be a list of names")
    doubles = sorted({n for n in found if found.count(n) > 1})
    if doubles:
        raise PipelineConfigError(source, f"[{section}] {key} names {doubles} twice")
    return tuple(found)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
