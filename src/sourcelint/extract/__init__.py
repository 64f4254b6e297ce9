"""Extractors: Document (and the NLP pass) in, evidence values out. They never read files."""
