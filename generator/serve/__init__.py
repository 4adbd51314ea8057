"""`xxgk serve`: the preview server and its rebuilds."""
