#!/usr/bin/env python3
"""Save-to-reload latency of `helpcenter serve`: the time from writing an article file to
receiving the server's `reload` Server-Sent Event, over several samples (median and max).

Standard library only. Each sample appends a unique line to the article (so its page
changes), then waits for the next `reload` event on the open event stream.
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse


class EventStream:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        self.connection.request("GET", "/_helpcenter/events", headers={"Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            raise SystemExit(f"measure_reload: events answered {self.response.status}")

    def next_event(self):
        """The next (name, data) pair; comments (keep-alives) are skipped."""
        name, data = None, []
        while True:
            line = self.response.readline()
            if not line:
                raise SystemExit("measure_reload: the event stream ended")
            line = line.decode("utf-8").rstrip("\n")
            if line == "":
                if name or data:
                    return name, "\n".join(data)
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--article", required=True, help="the Markdown file to edit")
    parser.add_argument("--samples", type=int, default=7)
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between samples")
    args = parser.parse_args()

    with open(args.article, encoding="utf-8") as handle:
        original = handle.read()
    stream = EventStream(args.url)
    name, _ = stream.next_event()
    if name not in ("ok", "errors"):
        raise SystemExit(f"measure_reload: expected the state first, got {name}")
    latencies = []
    try:
        for sample in range(args.samples):
            text = original.rstrip("\n") + f"\n\nBenchmark edit {sample} at {time.time()}.\n"
            started = time.perf_counter()
            with open(args.article, "w", encoding="utf-8") as handle:
                handle.write(text)
            while True:
                name, data = stream.next_event()
                if name == "reload":
                    break
                if name == "errors":
                    raise SystemExit(f"measure_reload: the rebuild failed: {data}")
            latencies.append((time.perf_counter() - started) * 1000)
            print(f"  sample {sample + 1}: {latencies[-1]:.0f} ms", flush=True)
            time.sleep(args.pause)
    finally:
        with open(args.article, "w", encoding="utf-8") as handle:
            handle.write(original)
    print(json.dumps({"samples": len(latencies), "median_ms": round(statistics.median(latencies), 1),
                      "max_ms": round(max(latencies), 1), "min_ms": round(min(latencies), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
