"""Where files live: user folders, atomic writes, autosave, the template library, settings."""
