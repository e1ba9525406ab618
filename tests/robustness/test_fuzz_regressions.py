"""Inputs kept as regression tests for the fuzz harnesses.

A crash input that a fuzzer finds goes here (as bytes) before it is fixed. The long runs
so far found none (docs/reliability.md), so these are edge cases written by hand:
unclosed and over-deep HTML, NUL bytes, Unicode line separators, lone cues. The harness
functions run without atheris, so these tests run everywhere.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


def _harness(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", FUZZ / f"fuzz_{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HTML = _harness("html")
STRUCTURE = _harness("structure")

# Inputs for the HTML path (bytes as read from a file named .html).
HTML_INPUTS = [
    b"<html><body><p>Text</p>",
    b"\xef\xbb\xbf<html>" + b"<div>" * 6000,
    b"<p>" + b"\x00" * 10,
]
# Inputs for structure segmentation.
STRUCTURE_INPUTS = [
    b"Wien \xe2\x80\x93 ",
    b"\xe2\x80\xa8\xc2\x85\r\n\r",
    b"Foto: dpa",
    b"Mehr zum Thema:\n\n",
]


@pytest.mark.parametrize("data", HTML_INPUTS)
def test_fuzz_regressions_html(data: bytes) -> None:
    HTML.check_html(data)


@pytest.mark.parametrize("data", STRUCTURE_INPUTS)
def test_fuzz_regressions_structure(data: bytes) -> None:
    STRUCTURE.check_structure(data)
