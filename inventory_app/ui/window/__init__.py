"""The main window and what frames it: shop files (File menu), status bar, welcome screen."""
