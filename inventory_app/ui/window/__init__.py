"""The main window and what frames it: menus and toolbar, shop files (File menu), status bar,
welcome screen."""
