"""Quotations: direct, indirect and reported speech with speaker, cue and addressee."""
