"""Dialogs, and the two modules every prompt goes through: ``messages`` (message boxes) and
``file_dialogs`` (file choosers), the places tests patch so no modal dialog ever blocks."""
