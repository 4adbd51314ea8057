"""Writing the site: staging, the atomic exchange with site/, link checks."""
