"""The one cache: what a stage made, under a digest of everything it was made from.

The engine asks the memo before it runs a stage on an input and records what the stage returned;
the stages never see it. A key is a digest of the inputs (and of the code: engine/keys.py), so a
value is found again only for the very same inputs, and a stale one can never be. After a run,
the entries of each stage that the run did not use are dropped, so the memo holds one site's worth.

`MemoryMemo` serves `xxgk serve`, which keeps its memo between rebuilds; `DiskMemo` keeps it in
`.xxgk-cache/memo.sqlite` between builds (SQLite: a build killed while saving leaves the last
complete state; a damaged file is set aside and the build starts from nothing). Values are
pickles: like the code, `.xxgk-cache/` must be as trusted as the checkout it sits in.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_BATCH = 500  # keys per query (SQLite's limit on parameters is larger; this keeps statements short)


class MemoryMemo:
    """A memo held in this process; also the base of DiskMemo (which adds loading and saving)."""

    def __init__(self) -> None:
        self._values: dict[str, dict[str, Any]] = defaultdict(dict)
        self._used: dict[str, set[str]] = defaultdict(set)
        self._new: dict[str, dict[str, Any]] = defaultdict(dict)

    def get_many(self, stage: str, keys: Iterable[str]) -> dict[str, Any]:
        """The recorded values of those `keys` that have one."""
        keys = list(keys)
        self._load(stage, [k for k in keys if k not in self._values[stage]])
        values = self._values[stage]
        found = {k: values[k] for k in keys if k in values}
        self._used[stage].update(found)
        return found

    def get(self, stage: str, key: str, default: Any = None) -> Any:
        return self.get_many(stage, (key,)).get(key, default)

    def put(self, stage: str, key: str, value: Any) -> None:
        self._values[stage][key] = value
        self._new[stage][key] = value
        self._used[stage].add(key)

    def end_run(self) -> None:
        """Forgets, in each stage this run used, what it did not use (and starts the next run)."""
        for stage, used in self._used.items():
            values = self._values[stage]
            for key in [k for k in values if k not in used]:
                del values[key]
        self._save()
        self._used.clear()
        self._new.clear()

    def _load(self, stage: str, keys: list[str]) -> None:
        """Nothing to load: everything is in memory."""

    def _save(self) -> None:
        """Nothing to save."""


class DiskMemo(MemoryMemo):
    """A memo in an SQLite file, read as the run asks for values and written at `end_run`."""

    def __init__(self, path: Path, code: str) -> None:
        super().__init__()
        self.path = path
        self.note = ""
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open(code)
        except sqlite3.DatabaseError as error:
            self.note = f"cache unreadable ({error}), starting afresh"
            path.unlink(missing_ok=True)
            self._db = self._open(code)

    def _open(self, code: str) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS memo (stage TEXT, key TEXT, value BLOB, PRIMARY KEY (stage, key))")
        row = db.execute("SELECT value FROM meta WHERE name = 'code'").fetchone()
        if row is None or row[0] != code:  # other code: its values may not even unpickle
            if row is not None:
                self.note = "cache made by another version of xxgk, templates or schemas"
            db.execute("DELETE FROM memo")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code,))
        return db

    def _load(self, stage: str, keys: list[str]) -> None:
        values = self._values[stage]
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT key, value FROM memo WHERE stage = ? AND key IN ({marks})"
            for key, blob in self._db.execute(query, (stage, *batch)):
                values[key] = pickle.loads(blob)

    def _save(self) -> None:
        db = self._db
        db.execute("BEGIN")
        try:
            for stage, values in self._new.items():
                rows = [(stage, k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in values.items()]
                db.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", rows)
            for stage, used in self._used.items():
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in used))
                db.execute("DELETE FROM memo WHERE stage = ? AND key NOT IN (SELECT key FROM used)", (stage,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
