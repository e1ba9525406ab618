"""Rebuild every derived knowledge-base table: ``python -m chronik.kb.build``.

Derived tables (countries, places, regions, parties) are generated from the sources
named in their header comments; hand-written tables (persons, offices, organisations,
institutions, roles) are edited directly. Needs the ``kb`` extra and the shared data
folder (``--shared-data`` or ``CHRONIK_DATA``, default ``../shared/data``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from chronik.kb import build_geography, build_organisations

DATA = Path(__file__).parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = os.environ.get("CHRONIK_DATA", "../shared/data")
    parser.add_argument("--shared-data", type=Path, default=Path(default))
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    counts = {}
    counts.update(build_geography.build(args.out, args.shared_data))
    counts.update(build_organisations.build(args.out, args.shared_data))
    for table, rows in sorted(counts.items()):
        print(f"{table}: {rows} rows")


if __name__ == "__main__":
    main()
