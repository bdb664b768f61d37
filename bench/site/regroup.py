#!/usr/bin/env python3
"""Splits every collection of a corpus made by ../shared/bench/make-corpus.py into SPLIT
collections (20 collections become 400 with --split 20), rewriting the links between articles
and to images so that every link still resolves. The articles and their text stay the same, so
two builds of the two corpora differ only by how the site is divided.

    regroup.py SOURCE_CONTENT TARGET_CONTENT --split 20
"""
import argparse
import os
import re
import shutil

LINK = re.compile(r"\]\(([^)\s]+)\)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--split", type=int, default=20)
    args = parser.parse_args()
    if os.path.exists(args.target):
        shutil.rmtree(args.target)
    os.makedirs(args.target)

    collections = sorted(d for d in os.listdir(args.source) if os.path.isdir(os.path.join(args.source, d)))
    new_folder = {}  # (collection, file name) -> new collection folder
    for collection in collections:
        articles = sorted(f for f in os.listdir(os.path.join(args.source, collection)) if f.endswith(".md") and f != "_index.md")
        for position, name in enumerate(articles):
            new_folder[(collection, name)] = "%s-%02d" % (collection, position % args.split + 1)

    def rewrite(text, collection):
        def replace(match):
            url = match.group(1)
            if "://" in url or url.startswith("#") or url.startswith("/"):
                return match.group(0)
            path, hash_, fragment = url.partition("#")
            parts = path.split("/")
            if len(parts) == 1 and path.endswith(".md"):
                target = (collection, path)
            elif len(parts) == 3 and parts[0] == ".." and path.endswith(".md"):
                target = (parts[1], parts[2])
            elif parts[0] == "images":
                return "](../%s/%s%s%s)" % (collection, path, hash_, fragment)
            else:
                return match.group(0)
            folder = new_folder.get(target)
            if folder is None:
                return match.group(0)
            return "](../%s/%s%s%s)" % (folder, target[1], hash_, fragment)
        return LINK.sub(replace, text)

    for name in os.listdir(args.source):
        path = os.path.join(args.source, name)
        if os.path.isfile(path):
            shutil.copy(path, os.path.join(args.target, name))
    for collection in collections:
        source = os.path.join(args.source, collection)
        with open(os.path.join(source, "_index.md"), encoding="utf-8") as handle:
            index = handle.read()
        title = re.search(r'^title: "?(.*?)"?$', index, re.M).group(1)
        for part in range(1, args.split + 1):
            folder = os.path.join(args.target, "%s-%02d" % (collection, part))
            os.makedirs(folder)
            with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as handle:
                handle.write('---\ntitle: "%s, part %d"\n---\n' % (title, part))
        # Images stay in the original folder, which keeps only them.
        if os.path.isdir(os.path.join(source, "images")):
            shutil.copytree(os.path.join(source, "images"), os.path.join(args.target, collection, "images"))
        for name in sorted(os.listdir(source)):
            if not name.endswith(".md") or name == "_index.md":
                continue
            with open(os.path.join(source, name), encoding="utf-8") as handle:
                text = handle.read()
            # The front matter's collection is the folder's now.
            text = re.sub(r"^collection: .*\n", "", text, count=1, flags=re.M)
            with open(os.path.join(args.target, new_folder[(collection, name)], name), "w", encoding="utf-8") as handle:
                handle.write(rewrite(text, collection))


if __name__ == "__main__":
    main()
