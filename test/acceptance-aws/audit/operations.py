#!/usr/bin/env python3
"""List the AWS operations a run sent to moto, and flag any that is not read-only.

A stronger companion to fingerprint.py: moto does not bump LastModified/RevisionId on every write (an
UpdateFunctionConfiguration that sets the same value leaves no trace in the state), so the state
fingerprint cannot see a no-op write. moto's request recorder can.

    python3 operations.py --endpoint URL start              # after seeding, before the audit
    lambda-guard audit --endpoint URL ...
    python3 operations.py --endpoint URL check [--out ops.json]

`check` stops the recorder, downloads the recording, names each request's operation (X-Amz-Target,
rpc-v2-cbor path, Query `Action`, or REST method + path) and prints the count per service and operation.
Exit 1 when any operation is not read-only: its name does not start with Get, List, Describe, Lookup,
Filter, Search, BatchGet or Head (StartQuery/GetQueryResults/StopQuery of Logs Insights are reads), or it is
a REST call with a method other than GET/HEAD. `score.mjs audit ... --operations ops.json` repeats the verdict.
"""
import argparse
import base64
import json
import re
import sys
import urllib.parse
import urllib.request
from collections import Counter

READ_PREFIXES = ("Get", "List", "Describe", "Lookup", "Filter", "Search", "BatchGet", "Head")
READ_EXTRA = {"StartQuery", "StopQuery"}

LAMBDA_REST = [
    ("GET", r"^/2015-03-31/functions/?$", "ListFunctions"),
    ("GET", r"^/2015-03-31/functions/[^/]+/policy/?$", "GetPolicy"),
    ("GET", r"^/2015-03-31/functions/[^/]+/configuration/?$", "GetFunctionConfiguration"),
    ("GET", r"^/2015-03-31/functions/[^/]+/versions/?$", "ListVersionsByFunction"),
    ("GET", r"^/2015-03-31/functions/[^/]+/aliases/?$", "ListAliases"),
    ("GET", r"^/2015-03-31/functions/[^/]+/?$", "GetFunction"),
    ("GET", r"^/2015-03-31/event-source-mappings/?$", "ListEventSourceMappings"),
    ("GET", r"^/2021-10-31/functions/[^/]+/url/?$", "GetFunctionUrlConfig"),
    ("GET", r"^/2021-10-31/functions/[^/]+/urls/?$", "ListFunctionUrlConfigs"),
    ("GET", r"^/2017-03-31/tags/.+$", "ListTags"),
    ("GET", r"^/2019-09-30/functions/[^/]+/concurrency/?$", "GetFunctionConcurrency"),
    ("GET", r"^/2016-08-19/account-settings/?$", "GetAccountSettings"),
    ("POST", r"^/2015-03-31/functions/[^/]+/invocations/?$", "Invoke"),
    ("PUT", r"^/2015-03-31/functions/[^/]+/code/?$", "UpdateFunctionCode"),
    ("PUT", r"^/2015-03-31/functions/[^/]+/configuration/?$", "UpdateFunctionConfiguration"),
    ("POST", r"^/2015-03-31/functions/[^/]+/policy/?$", "AddPermission"),
    ("DELETE", r"^/2015-03-31/functions/[^/]+/policy/.+$", "RemovePermission"),
]


def service_of(headers):
    auth = headers.get("Authorization") or headers.get("authorization") or ""
    m = re.search(r"Credential=[^/]+/\d+/[^/]+/([^/]+)/aws4_request", auth)
    return m.group(1) if m else "?"


def operation_of(entry):
    h = entry.get("headers") or {}
    hl = {k.lower(): v for k, v in h.items()}
    url = urllib.parse.urlparse(entry.get("url", ""))
    method = entry.get("method", "GET").upper()
    body = entry.get("body") or ""
    if entry.get("body_encoded"):
        try:
            body = base64.b64decode(body).decode("utf-8", "replace")
        except ValueError:
            body = ""
    target = hl.get("x-amz-target")
    if target:
        return target.split(".")[-1], "rpc"
    m = re.search(r"/service/[^/]+/operation/([A-Za-z0-9]+)", url.path)
    if m:
        return m.group(1), "rpc"
    q = urllib.parse.parse_qs(url.query)
    if "Action" in q:
        return q["Action"][0], "query"
    if body and "Action=" in body:
        b = urllib.parse.parse_qs(body)
        if "Action" in b:
            return b["Action"][0], "query"
    for meth, pat, name in LAMBDA_REST:
        if method == meth and re.match(pat, url.path):
            return name, "rest"
    return f"{method} {url.path}", "rest"


def is_read(op, style, method):
    if style == "rest":
        return method in ("GET", "HEAD") and op != "Invoke"
    return op.startswith(READ_PREFIXES) or op in READ_EXTRA


def call(endpoint, path, method="POST"):
    req = urllib.request.Request(endpoint.rstrip("/") + path, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("action", choices=["start", "check"])
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.action == "start":
        call(a.endpoint, "/moto-api/recorder/stop-recording")
        call(a.endpoint, "/moto-api/recorder/reset-recording")
        call(a.endpoint, "/moto-api/recorder/start-recording")
        print("recording AWS requests; run the audit, then: operations.py --endpoint URL check")
        return 0
    call(a.endpoint, "/moto-api/recorder/stop-recording")
    text = call(a.endpoint, "/moto-api/recorder/download-recording", method="GET")
    counts, writes = Counter(), Counter()
    for line in text.splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        if urllib.parse.urlparse(e.get("url", "")).path.startswith("/moto-api/"):
            continue
        op, style = operation_of(e)
        svc = service_of(e.get("headers") or {})
        key = f"{svc}:{op}"
        counts[key] += 1
        if not is_read(op, style, e.get("method", "GET").upper()):
            writes[key] += 1
    result = {"requests": sum(counts.values()), "operations": dict(sorted(counts.items())), "writes": dict(sorted(writes.items()))}
    for k, v in sorted(counts.items()):
        print(f"{v:6d}  {k}{'   <-- NOT READ-ONLY' if k in writes else ''}")
    print(f"{result['requests']} requests, {len(counts)} operations, {sum(writes.values())} not read-only")
    if a.out:
        with open(a.out, "w") as fh:
            json.dump(result, fh, indent=2)
    return 1 if writes else 0


if __name__ == "__main__":
    sys.exit(main())
