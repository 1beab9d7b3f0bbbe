#!/usr/bin/python3
"""A local SMTP sink for Relance's tests and demo (started by deploy/smtp-sink.sh).

Accepts every message and stores it as it arrived, one .eml file per recipient:
<dir>/<recipient address, lower case>/<arrival time in ns>-<queue id>.eml.

Recipients whose local part starts with "refuse" are refused with
"550 5.1.1 mailbox unavailable", those starting with "busy" with "451 4.3.0 try again later",
so that tests can see a permanent and a temporary refusal.
"""
import argparse
import asyncio
import os
import signal
import sys
import time
import uuid

from aiosmtpd.smtp import SMTP


class StoringHandler:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("refuse"):
            return "550 5.1.1 mailbox unavailable"
        if local.startswith("busy"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        queue_id = uuid.uuid4().hex[:12]
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        for recipient in envelope.rcpt_tos:
            folder = os.path.join(self.directory, safe_name(recipient.lower()))
            os.makedirs(folder, exist_ok=True)
            name = "%d-%s.eml" % (time.time_ns(), queue_id)
            temporary = os.path.join(folder, "." + name + ".tmp")
            with open(temporary, "wb") as out:
                out.write(content)
            # Whole files only: a reader never sees one half written.
            os.rename(temporary, os.path.join(folder, name))
        return "250 2.0.0 OK: queued as %s" % queue_id


def safe_name(address):
    return "".join(c if c.isalnum() or c in "@.-_+" else "_" for c in address) or "_"


async def serve(arguments):
    handler = StoringHandler(arguments.dir)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="relance-smtp-sink", data_size_limit=32 * 1024 * 1024),
        host=arguments.host,
        port=arguments.port,
    )
    if arguments.pid_file:
        with open(arguments.pid_file, "w") as out:
            out.write("%d\n" % os.getpid())
    print("smtp-sink: listening on %s:%d, storing in %s" % (arguments.host, arguments.port, arguments.dir), flush=True)
    stopped = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopped.set)
    await stopped.wait()
    server.close()
    await server.wait_closed()
    if arguments.pid_file:
        try:
            os.unlink(arguments.pid_file)
        except FileNotFoundError:
            pass


def main():
    parser = argparse.ArgumentParser(description="Relance's local SMTP sink")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--dir", default="/var/lib/relance-smtp-sink")
    parser.add_argument("--pid-file", default=None)
    arguments = parser.parse_args()
    os.makedirs(arguments.dir, exist_ok=True)
    asyncio.run(serve(arguments))
    return 0


if __name__ == "__main__":
    sys.exit(main())
