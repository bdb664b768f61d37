#!/usr/bin/env python3
"""Fills a feedback database made by `helpcenter feedback serve` (SQLite) with twelve weeks of
made-up votes on the given articles, for looking at the report (docs/feedback.md):

    seed.py DATABASE ARTICLE_PATH...

Each article gets its own share of "yes" and, for every other article, an edit six weeks ago
after which the share changes; a few comments, one with markup. Deterministic (seeded).
"""
import random
import sqlite3
import sys
import time

COMMENTS = [
    ("no", "Step 3 names a menu I cannot find."),
    ("partly", "It does not say what happens to my old recovery codes."),
    ("no", "<b>Nothing</b> here about losing the phone <script>alert(1)</script>"),
    ("partly", "Screenshots would help."),
]


def main():
    database, articles = sys.argv[1], sys.argv[2:]
    rng = random.Random(16)
    now = int(time.time() * 1000)
    week = 7 * 86400 * 1000
    rows = []
    for index, article in enumerate(articles):
        before = 0.25 + 0.6 * rng.random()
        edited = index % 2 == 0
        after = min(0.95, max(0.05, before + (0.3 if index % 4 == 0 else -0.2))) if edited else before
        for weeks_ago in range(12, 0, -1):
            revision = "new000000000" if edited and weeks_ago <= 6 else "old000000000"
            share = after if revision.startswith("new") else before
            for _ in range(rng.randint(3, 25)):
                roll = rng.random()
                answer = "yes" if roll < share else ("partly" if roll < share + (1 - share) / 3 else "no")
                time_ms = now - weeks_ago * week + rng.randint(0, week - 1)
                comment = None
                if answer != "yes" and rng.random() < 0.08:
                    comment = rng.choice([c for a, c in COMMENTS if a == answer])
                rows.append(("%032x" % rng.getrandbits(128), article, answer, comment, time_ms,
                             "2026-11-20" if revision.startswith("new") else "2026-09-01", revision))
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO feedback_votes (vote_id, article, answer, comment, received_at, article_updated, article_revision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    print(f"{len(rows)} votes on {len(articles)} articles")


if __name__ == "__main__":
    main()
