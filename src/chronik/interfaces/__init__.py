"""Interfaces: the command line (and later the REST API and web app)."""
