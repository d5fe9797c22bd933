"""Pressklar: press releases from templates, for press offices that must work offline."""

__version__ = "0.1.0"
