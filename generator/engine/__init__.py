"""The one engine: load (check), build (load + publish), the cache and the worker pool."""
