r"""Fuzz the HTML path: bytes → decode (as the CLI does) → trafilatura extraction.

Property: every input gives an extracted page with text, or a ChronikError (one line);
any other exception is a crash. Bounded run (CI): tests/robustness/test_fuzz.py.
Long run (manual, see docs/reliability.md):

    python fuzz/fuzz_html.py -dict=fuzz/html.dict \
        -max_total_time=3600 fuzz-corpus/html fuzz/seeds/html
"""

from __future__ import annotations

import sys

# Coverage guides the fuzzer through our code and the extractor it drives.
INSTRUMENTED = ["chronik", "trafilatura", "htmldate", "justext", "courlan"]


def check_html(data: bytes) -> None:
    """Run one input through the HTML path; raise on anything but a clear refusal."""
    from chronik.errors import ChronikError
    from chronik.ingest.decode import decode_bytes
    from chronik.ingest.html import extract_page

    try:
        html = decode_bytes(data, "fuzz.html")
        page = extract_page(html, name="fuzz.html")
    except ChronikError as error:
        message = str(error)
        if not message.startswith("[E") or "\n" in message:
            raise RuntimeError(f"error message is not one coded line: {message!r}") from error
        return
    if not page.text.strip():
        raise RuntimeError("an extracted page without text")


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=INSTRUMENTED):
        import trafilatura  # noqa: F401

        import chronik.ingest.decode
        import chronik.ingest.html  # noqa: F401
    atheris.Setup(sys.argv, check_html)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
