"""The project's exception types; each message names the input and the problem."""

from __future__ import annotations


class MosaicError(Exception):
    """Base of every error Mosaic reports to a user as one line."""


class InputError(MosaicError):
    """A file or value given by the user cannot be used.

    `source` names the file (and `line` the line, where there is one) so that the
    message printed to the user points at what to fix.
    """

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class StoreError(MosaicError):
    """The knowledge base cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another writer held the knowledge base too long: trying the write again may succeed."""


class NotFoundError(MosaicError):
    """A record asked for by id or name does not exist."""
