"""Errors Chronik raises, each with a code a user can search for.

    ChronikError                 base class; ``str(error)`` is one line
    ├── InputError               a document cannot be analysed (empty, binary, too long,
    │   │                        undecodable, malformed record, too slow: E105);
    │   │                        names the document
    │   └── RecordError          one record of a batch file is malformed (bad JSON line)
    ├── UsageError               the caller asked for something impossible (bad option)
    │   └── StoreError (E210)    a database write failed (chronik.store.database)
    ├── ResourceError            a shipped lexicon or knowledge-base table is broken
    └── WorkerError (E900)       an ingest worker died (chronik.store.ingest)

In a batch, an InputError for one document is reported in that document's place and
the run goes on; UsageError and ResourceError stop the run.
"""

from __future__ import annotations


class ChronikError(Exception):
    """Base class. Subclasses set ``code``; the message is always a single line."""

    code = "E000"

    def __init__(self, message: str, *, document: str | None = None) -> None:
        self.reason = " ".join(str(message).split())
        self.document = document
        super().__init__(self.reason)

    def __str__(self) -> str:
        where = f"{self.document}: " if self.document else ""
        return f"[{self.code}] {where}{self.reason}"


class InputError(ChronikError):
    code = "E100"


class EmptyDocumentError(InputError):
    code = "E101"


class BinaryDocumentError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class DocumentTooLongError(InputError):
    code = "E104"


class DocumentTimeoutError(InputError):
    """Analysis of one document took longer than ``Settings.max_seconds`` (ingest only)."""

    code = "E105"


class RecordError(InputError):
    code = "E110"


class UsageError(ChronikError):
    code = "E200"


class ResourceError(ChronikError):
    code = "E300"
