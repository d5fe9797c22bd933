"""Pressklar: ``python main.py`` starts the app; ``python main.py COMMAND`` runs a CLI command."""

import sys

from editor.app import main

if __name__ == "__main__":
    sys.exit(main())
