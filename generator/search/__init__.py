"""The static n-gram search index written with every build."""
