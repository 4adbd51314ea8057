"""Commands besides check, build and serve: new, the pull-request summary."""
