"""``python -m inventory_app``: the same program as ``inventory-app`` and ``main.py``."""

from inventory_app.app import main

main()
