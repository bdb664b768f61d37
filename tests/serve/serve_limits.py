#!/usr/bin/env python3
"""Hostile clients against `helpcenter serve`, with raw sockets (run by scripts/serve-limits.sh,
which starts the server on a copy of the site and stops it with SIGINT at the end).

  host        a request addressed to another host name (a page that rebound its DNS name to
              127.0.0.1) is refused with 403, as Vite's and webpack's dev servers do; localhost,
              *.localhost, IP addresses and names given with --allow-host are served;
  idle        thousands of connections that send nothing: the server keeps its open files under
              its cap instead of running out, does not spin, still rebuilds on save, and serves
              again once they are gone; a connection that sent half a request (slowloris) is
              closed after the idle timeout (30 s);
  shutdown    live-reload streams whose readers stopped reading, while large error events are
              sent to them: SIGINT still stops the server within seconds.

Each check prints 'ok' or 'FAIL'; exit status 0 when all passed.
"""
import argparse
import os
import resource
import signal
import socket
import sys
import time


def request(port, head, timeout=5.0):
    """Sends a raw request; answers (status, body) of the response, or (None, error)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
            conn.sendall(head.encode("latin-1"))
            data = b""
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
                if b"\r\n\r\n" in data and b"content-length: " in data.lower():
                    header, _, body = data.partition(b"\r\n\r\n")
                    length = int(header.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                    if len(body) >= length:
                        break
            status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else None
            return status, data.partition(b"\r\n\r\n")[2].decode("utf-8", "replace")
    except OSError as error:
        return None, str(error)


def get(port, host, version="1.1"):
    head = f"GET / HTTP/{version}\r\n" + (f"Host: {host}\r\n" if host is not None else "") + "Connection: close\r\n\r\n"
    return request(port, head)


def open_files(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            self.failed += 1


def check_host(port, checks, allowed_name):
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"docs.localhost:{port}", f"{allowed_name}:{port}", None):
        status, body = get(port, host, version="1.1" if host else "1.0")
        checks.check(status == 200, f"Host {host or '(none, HTTP/1.0)'}: {status}")
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"localhost.evil.example:{port}"):
        status, body = get(port, host)
        checks.check(status == 403 and "--allow-host" in body, f"Host {host}: {status} {body.strip()[:120]!r}")
    for path in ("/_helpcenter/events", "/_helpcenter/live.js"):
        status, _ = request(port, f"GET {path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", timeout=3)
        checks.check(status == 403, f"Host evil.example, {path}: {status}")


def check_idle(port, pid, checks, count, touch):
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    soft = count + 1000 if hard == resource.RLIM_INFINITY else min(count + 1000, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    count = min(count, soft - 100)
    sockets = []
    for _ in range(count):
        try:
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            sockets.append(s)
        except OSError:
            break
    time.sleep(2)
    files = open_files(pid)
    before = cpu_seconds(pid)
    time.sleep(3)
    spent = cpu_seconds(pid) - before
    checks.check(files < 1200, f"{len(sockets)} idle connections: the server holds {files} open files")
    checks.check(spent < 1.5, f"{len(sockets)} idle connections: the server used {spent:.2f} s of CPU in 3 s")
    rebuilt = touch()
    checks.check(rebuilt, "a save while they are held is rebuilt")
    for s in sockets:
        s.close()
    deadline = time.monotonic() + 60
    status = None
    while time.monotonic() < deadline:
        status, _ = get(port, f"127.0.0.1:{port}")
        if status == 200:
            break
        time.sleep(0.5)
    checks.check(status == 200, f"once they are gone, GET / answers {status}")


def open_stalled_streams(port, count):
    streams = []
    for _ in range(count):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
        s.connect(("127.0.0.1", port))
        s.sendall(f"GET /_helpcenter/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        streams.append(s)
    return streams


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--site", required=True, help="the folder the server was started in")
    parser.add_argument("--log", required=True, help="the server's output")
    parser.add_argument("--allowed-name", required=True, help="a name the server was given with --allow-host")
    parser.add_argument("--idle", type=int, default=3000, help="idle connections to open")
    args = parser.parse_args()
    checks = Checks()
    article = os.path.join(args.site, "content", "two-factor-authentication", "limits-check.md")

    def rebuilds():
        return open(args.log, encoding="utf-8", errors="replace").read().count("Rebuilt after")

    def save(text):
        before = rebuilds()
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(text)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if rebuilds() > before:
                return True
            time.sleep(0.1)
        return False

    # Half a request, never finished: checked at the end, after the idle timeout.
    slow = socket.create_connection(("127.0.0.1", args.port))
    slow.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\nX-Slow: 1\r\n".encode())
    slow_opened = time.monotonic()

    print("== the Host header", flush=True)
    check_host(args.port, checks, args.allowed_name)

    print("== idle connections", flush=True)
    check_idle(args.port, args.pid, checks, args.idle, lambda: save("---\ntitle: Limits check\n---\n\nSaved.\n"))

    print("== half a request (slowloris)", flush=True)
    slow.settimeout(max(1.0, 40 - (time.monotonic() - slow_opened)))
    try:
        closed = slow.recv(100) == b""
    except (socket.timeout, OSError):
        closed = False
    checks.check(closed, f"a connection that sent half a request was {'closed' if closed else 'still open'} after {time.monotonic() - slow_opened:.0f} s")
    slow.close()

    print("== stalled live-reload streams, then SIGINT", flush=True)
    # An article with 3,000 broken links: every rebuild sends each page an error event of
    # several hundred kilobytes, which a stream that is not read cannot take.
    broken = "".join(f"[link {n}](missing-{n}.md)\n" for n in range(3000))
    streams = open_stalled_streams(args.port, 20)
    for n in range(8):
        save(f"---\ntitle: Limits check\n---\n\nRound {n}.\n\n{broken}")
    started = time.monotonic()
    os.kill(args.pid, signal.SIGINT)
    stopped = False
    while time.monotonic() - started < 15:
        try:
            os.kill(args.pid, 0)
        except ProcessLookupError:
            stopped = True
            break
        if open(f"/proc/{args.pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
            stopped = True
            break
        time.sleep(0.1)
    checks.check(stopped, f"SIGINT with 20 stalled streams: stopped after {time.monotonic() - started:.1f} s" if stopped
                 else "SIGINT with 20 stalled streams: still running after 15 s")
    for s in streams:
        s.close()
    print(f"serve limits: {'passed' if not checks.failed else f'{checks.failed} check(s) failed'}", flush=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
