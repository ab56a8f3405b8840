"""Froissart: political event data from news text, with evidence for every field."""

__version__ = "0.1.0"
