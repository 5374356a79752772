"""Run from a checkout: the same program as ``inventory-app`` (see inventory_app/app.py)."""

from inventory_app.app import main

main()
