"""Reading content/: listing, parsing and assembling files into the site (the first stage)."""
