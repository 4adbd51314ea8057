"""Open data: per-report and bulk downloads, the data package, comparison pages."""
