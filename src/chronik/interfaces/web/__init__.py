"""``chronik serve``: a REST API and server-rendered pages over a store and the analyser.

    create_app(db)  ─▶  /api/...  JSON (api.py)        pages (pages.py) ─▶ templates/
                         │                                │
                         └── corpus.py (read-only store)  ├── highlight.py (article text)
                             analysis.py (analyze)        └── charts.py (SVG, own code)

Needs the ``web`` extra: ``pip install 'chronik[web]'``.
"""

from __future__ import annotations
