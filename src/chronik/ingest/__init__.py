"""Ingest: bytes, files and records in; RawDocuments with text and metadata out."""

from chronik.ingest.document import RawDocument, content_id

__all__ = ["RawDocument", "content_id"]
