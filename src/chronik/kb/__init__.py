"""The knowledge base: countries, places, organisations, people and role nouns.

Tables live in ``data/`` (shipped, read at run time); ``sources/`` holds hand-written
inputs to the build. ``python -m chronik.kb.build`` regenerates the derived tables.
"""
