"""Small reusable widgets: the data table, the search box, number formatting."""
