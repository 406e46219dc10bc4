#!/usr/bin/env python3
"""Seed a moto server with the monitor acceptance account (us-east-1, account 123456789012).

    moto_server -H 127.0.0.1 -p 5056 &
    python3 seed.py --endpoint http://127.0.0.1:5056 [--now 2026-03-04T12:00:00Z] [--anchor-out FILE]

Then, within a few hours (the anomalies sit 2-5 hours before the anchor and must fall in the window):

    lambda-guard monitor --endpoint http://127.0.0.1:5056 --region us-east-1 --since 24h --baseline 13d --format json

Five functions (profile-reader is the clean control) with ~14 days of telemetry ending at the anchor
(the moment the script runs, truncated to the minute, unless --now is given):

- AWS/Lambda Invocations, Errors, Throttles, Duration (dimension FunctionName), one datapoint per
  5 minutes, daily (peak 14:00 UTC) and weekly (weekends lower) seasonality with Poisson noise. As
  AWS does, no datapoint is published for a 5-minute period with no invocation.
- VPC flow logs (default v2 format) of a VPC-level flow log delivered to the CloudWatch Logs group
  /vpc/flow-logs/acme-prod, one stream per ENI named "<eni-id>-all", event timestamp = record start,
  10-minute aggregation, both directions of every connection, NODATA records for idle intervals.
- CloudTrail records in the CloudWatch Logs group of the trail acme-management (DescribeTrails
  CloudWatchLogsLogGroupArn): each function's role session (assumed-role/<role>/<function>) making its
  usual calls, console/API noise by users, and benign function changes during the baseline.

Injected in the last day (offsets from the anchor; see labels.json):
  LG101 checkout-api   invocation spike, -300 .. -270 min
  LG102 ledger-writer  new peer 198.51.100.23:8443 (egress, TCP), -240 .. -200 min
  LG103 email-sender   iam:CreateAccessKey by the function's role session, -180 min
  LG105 inventory-sync rejected-connection burst (port scan of ports 1-1024 from 10.20.9.45), -150 min
  LG104 inventory-sync UpdateFunctionCode20150331v2 by user mallory, -120 min

The telemetry is generated from a fixed random seed: the same anchor gives the same bytes. Written from
the published contract and AWS semantics only.
"""
import argparse
import io
import json
import math
import random
import sys
import uuid
import zipfile
from datetime import datetime, timedelta, timezone

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
REGION = "us-east-1"
SEED = 20240917
FLOW_GROUP = "/vpc/flow-logs/acme-prod"
TRAIL_GROUP = "aws-cloudtrail-logs-acme"
TRAIL_STREAM = f"{ACCOUNT}_CloudTrail_{REGION}"
INTERVAL = 600  # flow-log aggregation interval, seconds
HISTORY = timedelta(days=13, hours=22)  # CloudWatch Logs refuses events older than 14 days

# ---- the injected anomalies, minutes relative to the anchor (labels.json repeats these)
SPIKE = (-300, -270)
NEW_PEER = (-240, -200)
NEW_PEER_IP, NEW_PEER_PORT = "198.51.100.23", 8443
ODD_CALL = -180
SCAN = -150
SCANNER_IP = "10.20.9.45"
CODE_CHANGE = -120
INTRUDER = "mallory"

FUNCTIONS = {
    # name: role, runtime, ENI (None = not in a VPC), peak invocations per 5 min, mean duration ms
    "checkout-api": dict(role="checkout-api-role", vpc=None, peak=600, duration=140.0),
    "ledger-writer": dict(role="ledger-writer-role", vpc=("a", "ledger-lambda", "10.20.1.21"), peak=120, duration=85.0),
    "email-sender": dict(role="email-sender-role", vpc=("b", "email-lambda", "10.20.2.31"), peak=60, duration=420.0),
    "inventory-sync": dict(role="inventory-sync-role", vpc=("a", "inventory-lambda", "10.20.1.41"), peak=None, duration=2300.0),
    "profile-reader": dict(role="profile-reader-role", vpc=("b", "profile-lambda", "10.20.2.51"), peak=300, duration=45.0),
}

# usual peers: (ip, service port, description of the ENI that owns the ip)
RDS_LEDGER = "10.20.1.50"
RDS_PROFILE = "10.20.1.51"
CACHE = "10.20.1.80"
VPCE = "10.20.2.10"
HEALTH = "10.20.2.99"
PEERS = {
    "ledger-writer": [(RDS_LEDGER, 5432), (VPCE, 443)],
    "email-sender": [(VPCE, 443)],
    "inventory-sync": [(CACHE, 6379), (VPCE, 443)],
    "profile-reader": [(RDS_PROFILE, 5432), (VPCE, 443)],
}
OTHER_ENIS = [
    ("a", "data", RDS_LEDGER, "RDSNetworkInterface"),
    ("a", "data", RDS_PROFILE, "RDSNetworkInterface"),
    ("a", "data", CACHE, "ElastiCache inventory-cache-0001-001"),
    ("b", "endpoints", VPCE, "VPC Endpoint Interface vpce-0a1b2c3d4e5f67890"),
    ("b", "endpoints", HEALTH, "Primary network interface"),
    ("c", "bastion", SCANNER_IP, "Primary network interface"),
]

# usual API calls of each function's role session: (eventSource, eventName, readOnly, calls per hour at peak)
USUAL_CALLS = {
    "checkout-api": [("secretsmanager.amazonaws.com", "GetSecretValue", True, 3), ("kms.amazonaws.com", "Decrypt", True, 3)],
    "ledger-writer": [("secretsmanager.amazonaws.com", "GetSecretValue", True, 1), ("kms.amazonaws.com", "GenerateDataKey", True, 2)],
    "email-sender": [("ssm.amazonaws.com", "GetParameter", True, 1), ("kms.amazonaws.com", "Decrypt", True, 1)],
    "inventory-sync": [("ssm.amazonaws.com", "GetParametersByPath", True, 1), ("kms.amazonaws.com", "Decrypt", True, 1)],
    "profile-reader": [("secretsmanager.amazonaws.com", "GetSecretValue", True, 2), ("kms.amazonaws.com", "Decrypt", True, 2)],
}

# benign changes during the baseline: (minutes before anchor, function, eventName, identity, name-or-arn)
BENIGN_CHANGES = [
    (-11 * 1440 - 200, "checkout-api", "AddPermission20150331v2", ("role", "deploy-pipeline-role", "codebuild-7731"), "name"),
    (-9 * 1440 - 415, "checkout-api", "UpdateFunctionCode20150331v2", ("user", "deployer", None), "name"),
    (-6 * 1440 - 95, "profile-reader", "UpdateFunctionConfiguration20150331v2", ("role", "github-deploy", "gha-4711"), "arn"),
    (-4 * 1440 - 610, "inventory-sync", "UpdateFunctionCode20150331v2", ("user", "deployer", None), "name"),
    (-2 * 1440 - 30, "ledger-writer", "UpdateFunctionCode20150331v2", ("user", "deployer", None), "arn"),
]


def fn_arn(name):
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}"


# ----------------------------------------------------------------------------------------------
# traffic model
# ----------------------------------------------------------------------------------------------
def daily(fn, t):
    h = t.hour + t.minute / 60.0
    if fn == "email-sender" and 1 <= h < 5:
        return 0.0  # batch mailer is idle at night
    d = min(abs(h - 14.0), 24 - abs(h - 14.0))
    return 0.12 + 0.88 * math.exp(-(d * d) / (2 * 3.5 * 3.5))


def weekly(fn, t):
    return 0.55 if t.weekday() >= 5 else 1.0


def expected_invocations(fn, t):
    spec = FUNCTIONS[fn]
    if spec["peak"] is None:
        return 1.0  # inventory-sync runs on rate(5 minutes)
    return spec["peak"] * daily(fn, t) * weekly(fn, t)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def in_minutes(t, anchor, span):
    m = (t - anchor).total_seconds() / 60.0
    return span[0] <= m < span[1]


# ----------------------------------------------------------------------------------------------
def build_metrics(rng, anchor, start):
    """{fn: [(t, inv, err, thr, dur)]} one row per 5 minutes with invocations."""
    out = {}
    t0 = start.replace(minute=start.minute - start.minute % 5, second=0, microsecond=0)
    for fn, spec in FUNCTIONS.items():
        rows = []
        t = t0
        while t < anchor:
            lam = expected_invocations(fn, t)
            if spec["peak"] is None:
                inv = 1
            else:
                inv = poisson(rng, lam)
            thr = 0
            if fn == "checkout-api" and in_minutes(t, anchor, SPIKE):
                spiked = max(12 * lam, 3000.0)
                inv = poisson(rng, spiked)
                thr = poisson(rng, 0.04 * spiked)
            if inv > 0:
                err = poisson(rng, inv * 0.002)
                dur = spec["duration"] * (1 + rng.gauss(0, 0.05))
                if fn == "inventory-sync":
                    dur = spec["duration"] * (1 + rng.gauss(0, 0.1))
                rows.append((t, inv, err, thr, round(dur, 2)))
            t += timedelta(minutes=5)
        out[fn] = rows
    return out


def flow_line(eni, src, dst, sport, dport, proto, packets, nbytes, start, end, action="ACCEPT", status="OK"):
    return f"2 {ACCOUNT} {eni} {src} {dst} {sport} {dport} {proto} {packets} {nbytes} {start} {end} {action} {status}"


def build_flows(rng, anchor, start, metrics, eni_ids):
    """{eni_id: [(timestamp_ms, message)]}."""
    out = {}
    inv_by_fn = {fn: {r[0]: r[1] for r in rows} for fn, rows in metrics.items()}
    istart = int(start.timestamp()) // INTERVAL * INTERVAL + INTERVAL
    iend = int(anchor.timestamp()) // INTERVAL * INTERVAL
    for fn, spec in FUNCTIONS.items():
        if not spec["vpc"]:
            continue
        eni = eni_ids[fn]
        me = spec["vpc"][2]
        recs = []
        for s in range(istart, iend, INTERVAL):
            t = datetime.fromtimestamp(s, timezone.utc)
            inv = sum(inv_by_fn[fn].get(t + timedelta(minutes=m), 0) for m in (0, 5))
            lines = []
            if inv == 0:
                lines.append((s + 1, f"2 {ACCOUNT} {eni} - - - - - - - {s} {s + INTERVAL} - NODATA"))
            else:
                for ip, port in PEERS[fn]:
                    conns = 1 + min(3, inv // 150)
                    for _ in range(conns):
                        a = s + rng.randint(0, 40)
                        b = s + INTERVAL - rng.randint(0, 40)
                        eph = rng.randint(32768, 60999)
                        pk = max(2, int(inv / conns * rng.uniform(3, 6)))
                        out_bytes = pk * rng.randint(90, 400)
                        in_bytes = pk * rng.randint(120, 900)
                        lines.append((a, flow_line(eni, me, ip, eph, port, 6, pk, out_bytes, a, b)))
                        lines.append((a, flow_line(eni, ip, me, port, eph, 6, pk, in_bytes, a, b)))
            # a health checker that probes ssh every 6 hours and is always rejected (normal, all days)
            if s % (6 * 3600) == 0:
                a = s + 7
                lines.append((a, flow_line(eni, HEALTH, me, rng.randint(32768, 60999), 22, 6, 1, 44, a, a + 60, "REJECT")))
            # ---- LG102: ledger-writer starts talking to a host it never talked to
            if fn == "ledger-writer" and in_minutes(t, anchor, NEW_PEER):
                for _ in range(2):
                    a = s + rng.randint(0, 60)
                    b = s + INTERVAL - rng.randint(0, 60)
                    eph = rng.randint(32768, 60999)
                    lines.append((a, flow_line(eni, me, NEW_PEER_IP, eph, NEW_PEER_PORT, 6, 5200, 7_340_032, a, b)))
                    lines.append((a, flow_line(eni, NEW_PEER_IP, me, NEW_PEER_PORT, eph, 6, 2600, 156_000, a, b)))
            # ---- LG105: a host in the bastion subnet scans inventory-sync's ENI, every port 1-1024 rejected
            if fn == "inventory-sync" and in_minutes(t, anchor, (SCAN - 9, SCAN + 1)):
                scan_start = int((anchor + timedelta(minutes=SCAN)).timestamp())
                for port in range(1, 1025):
                    a = scan_start + (port - 1) * 180 // 1024  # three minutes for the sweep
                    lines.append((a, flow_line(eni, SCANNER_IP, me, 40000 + port % 20000, port, 6, 1, 44, a, a + 60, "REJECT")))
            recs.extend(lines)
        recs.sort(key=lambda r: r[0])
        out[eni] = [(a * 1000, msg) for a, msg in recs]
    return out


# ----------------------------------------------------------------------------------------------
def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def user_identity(kind, name, session, rng):
    if kind == "user":
        return {
            "type": "IAMUser",
            "principalId": "AIDA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(17)),
            "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
            "accountId": ACCOUNT,
            "accessKeyId": "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
            "userName": name,
        }
    rid = "AROA" + "".join(random.Random(name).choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(17))
    return {
        "type": "AssumedRole",
        "principalId": f"{rid}:{session}",
        "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{name}/{session}",
        "accountId": ACCOUNT,
        "accessKeyId": "ASIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": rid,
                "arn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
                "accountId": ACCOUNT,
                "userName": name,
            },
            "webIdFederationData": {},
            "attributes": {"creationDate": "", "mfaAuthenticated": "false"},
        },
    }


def trail_record(rng, t, identity, source, name, read_only, params=None, response=None, ip=None, agent=None):
    if identity.get("type") == "AssumedRole":
        identity["sessionContext"]["attributes"]["creationDate"] = iso(t - timedelta(minutes=rng.randint(1, 50)))
    rec = {
        "eventVersion": "1.09",
        "userIdentity": identity,
        "eventTime": iso(t),
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": ip or "3.91.17.204",
        "userAgent": agent or "aws-sdk-nodejs/3.600.0 linux/v20.15.1 exec-env/AWS_Lambda_nodejs20.x",
        "requestParameters": params,
        "responseElements": response,
        "requestID": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "eventID": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "readOnly": read_only,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": f"{source.split('.')[0]}.{REGION}.amazonaws.com"},
    }
    return (int(t.timestamp() * 1000), rec)


def call_params(source, name, fn):
    if name == "GetSecretValue":
        return {"secretId": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{fn}/db-Xy12Zq"}
    if name in ("Decrypt", "GenerateDataKey"):
        return {"encryptionAlgorithm": "SYMMETRIC_DEFAULT", "keyId": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/8d3f2c1a-5b6e-4f70-9a81-2b3c4d5e6f70"}
    if name == "GetParameter":
        return {"name": f"/{fn}/smtp-relay", "withDecryption": True}
    if name == "GetParametersByPath":
        return {"path": f"/{fn}/", "recursive": True, "withDecryption": True}
    return {}


def change_params(event, fn, form):
    ref = fn if form == "name" else fn_arn(fn)
    if event.startswith("UpdateFunctionCode"):
        return {"functionName": ref, "s3Bucket": "acme-artifacts", "s3Key": f"{fn}/build.zip", "publish": False, "dryRun": False}
    if event.startswith("UpdateFunctionConfiguration"):
        return {"functionName": ref, "memorySize": 512, "timeout": 15}
    if event.startswith("AddPermission"):
        return {
            "functionName": ref,
            "statementId": "apigw-checkout",
            "action": "lambda:InvokeFunction",
            "principal": "apigateway.amazonaws.com",
            "sourceArn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:q1w2e3r4t5/*/POST/checkout",
        }
    return {"functionName": ref}


def build_trail(rng, anchor, start, metrics):
    recs = []
    # function role sessions: their usual calls, tied to activity (cold starts), every day
    for fn, calls in USUAL_CALLS.items():
        role = FUNCTIONS[fn]["role"]
        hours = int((anchor - start).total_seconds() // 3600)
        for h in range(1, hours):
            hstart = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=h)
            if hstart >= anchor:
                break
            level = expected_invocations(fn, hstart) / (FUNCTIONS[fn]["peak"] or 1.0)
            if FUNCTIONS[fn]["peak"] is None:
                level = 1.0
            for source, name, ro, per_hour in calls:
                n = per_hour if level > 0.3 else (1 if level > 0 else 0)
                for _ in range(n):
                    t = hstart + timedelta(seconds=rng.randint(0, 3599))
                    if t >= anchor:
                        continue
                    ident = user_identity("role", role, fn, rng)
                    recs.append(trail_record(rng, t, ident, source, name, ro, call_params(source, name, fn), None, ip="3.91.17.204"))
    # people and tools around the account (not functions): a daily audit listing, console reads
    day0 = start.replace(hour=0, minute=0, second=0, microsecond=0)
    d = day0
    while d < anchor:
        for hour, who, src, name in [
            (9, "auditor", "lambda.amazonaws.com", "ListFunctions20150331"),
            (10, "alice", "ec2.amazonaws.com", "DescribeNetworkInterfaces"),
            (15, "alice", "logs.amazonaws.com", "FilterLogEvents"),
        ]:
            t = d + timedelta(hours=hour, minutes=rng.randint(0, 59))
            if start < t < anchor:
                recs.append(trail_record(rng, t, user_identity("user", who, None, rng), src, name, True, {}, None, ip="198.51.100.77", agent="console.amazonaws.com"))
        d += timedelta(days=1)
    # benign function changes during the baseline
    for minutes, fn, event, (kind, who, session), form in BENIGN_CHANGES:
        t = anchor + timedelta(minutes=minutes)
        resp = {"functionName": fn, "functionArn": fn_arn(fn), "lastModified": t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")}
        recs.append(trail_record(rng, t, user_identity(kind, who, session, rng), "lambda.amazonaws.com", event, False, change_params(event, fn, form), resp, ip="52.94.133.131", agent="aws-cli/2.17.0"))
    # ---- LG103: email-sender's role creates an access key for a user: never done before
    t = anchor + timedelta(minutes=ODD_CALL)
    ident = user_identity("role", FUNCTIONS["email-sender"]["role"], "email-sender", rng)
    recs.append(
        trail_record(
            rng, t, ident, "iam.amazonaws.com", "CreateAccessKey", False,
            {"userName": "svc-backup"},
            {"accessKey": {"userName": "svc-backup", "accessKeyId": "AKIAEXAMPLEBACKUP001", "status": "Active", "createDate": t.strftime("%b %d, %Y, %I:%M:%S %p")}},
            ip="3.91.17.204",
        )
    )
    # ---- LG104: a code change to inventory-sync by an IAM user, function named by its ARN
    t = anchor + timedelta(minutes=CODE_CHANGE)
    resp = {"functionName": "inventory-sync", "functionArn": fn_arn("inventory-sync"), "codeSha256": "n0c6ZP5gWm0Zl0VQ8bC7w5pTq6ZQ0ef1d3zQ7k6y2mQ=", "lastModified": t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")}
    recs.append(
        trail_record(
            rng, t, user_identity("user", INTRUDER, None, rng), "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", False,
            {"functionName": fn_arn("inventory-sync"), "zipFile": "HIDDEN_DUE_TO_SECURITY_REASONS", "publish": False, "dryRun": False},
            resp, ip="185.220.101.34", agent="aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0",
        )
    )
    recs.sort(key=lambda r: r[0])
    return [(ts, json.dumps(rec, separators=(",", ":"))) for ts, rec in recs]


# ----------------------------------------------------------------------------------------------
def code_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("index.js", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, "exports.handler = async () => ({ ok: true });\n")
    return buf.getvalue()


def put_logs(logs, group, stream, events):
    try:
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceAlreadyExistsException":
            raise
        return 0  # already seeded
    batch, size, sent = [], 0, 0

    def flush():
        nonlocal batch, size, sent
        if not batch:
            return
        r = logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)
        if r.get("rejectedLogEventsInfo"):
            sys.exit(f"CloudWatch Logs rejected events in {group}/{stream}: {r['rejectedLogEventsInfo']}")
        sent += len(batch)
        batch, size = [], 0

    for ts, msg in events:
        n = len(msg.encode()) + 26
        if len(batch) >= 5000 or size + n > 900_000 or (batch and ts - batch[0]["timestamp"] > 23 * 3600 * 1000):
            flush()
        batch.append({"timestamp": ts, "message": msg})
        size += n
    flush()
    return sent


def seed(endpoint, anchor):
    kw = dict(endpoint_url=endpoint, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing", config=Config(retries={"max_attempts": 3}))
    iam = boto3.client("iam", **kw)
    lam = boto3.client("lambda", **kw)
    ec2 = boto3.client("ec2", **kw)
    cw = boto3.client("cloudwatch", **kw)
    logs = boto3.client("logs", **kw)
    ct = boto3.client("cloudtrail", **kw)
    s3 = boto3.client("s3", **kw)
    if boto3.client("sts", **kw).get_caller_identity()["Account"] != ACCOUNT:
        sys.exit(f"the server is not account {ACCOUNT}")

    rng = random.Random(SEED)
    start = anchor - HISTORY

    # ---- network
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["acme-prod"]}])["Vpcs"]
    vpc_id = vpcs[0]["VpcId"] if vpcs else ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "acme-prod"}]}])["Vpc"]["VpcId"]
    subnets = {}
    for key, cidr, az in [("a", "10.20.1.0/24", "us-east-1a"), ("b", "10.20.2.0/24", "us-east-1b"), ("c", "10.20.9.0/24", "us-east-1c")]:
        found = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "cidr-block", "Values": [cidr]}])["Subnets"]
        subnets[key] = found[0]["SubnetId"] if found else ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az)["Subnet"]["SubnetId"]
    sgs = {}
    for name in ["ledger-lambda", "email-lambda", "inventory-lambda", "profile-lambda", "data", "endpoints", "bastion"]:
        found = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "group-name", "Values": [name]}])["SecurityGroups"]
        sgs[name] = found[0]["GroupId"] if found else ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc_id)["GroupId"]
    existing = {n["PrivateIpAddress"]: n for p in ec2.get_paginator("describe_network_interfaces").paginate() for n in p["NetworkInterfaces"]}
    eni_ids = {}
    for fn, spec in FUNCTIONS.items():
        if not spec["vpc"]:
            continue
        sn, sg, ip = spec["vpc"]
        if ip in existing:
            eni_ids[fn] = existing[ip]["NetworkInterfaceId"]
            continue
        desc = f"AWS Lambda VPC ENI-{fn}-{uuid.uuid5(uuid.NAMESPACE_URL, 'acme-monitor/' + fn)}"
        eni_ids[fn] = ec2.create_network_interface(SubnetId=subnets[sn], Groups=[sgs[sg]], PrivateIpAddress=ip, Description=desc)["NetworkInterface"]["NetworkInterfaceId"]
    for sn, sg, ip, desc in OTHER_ENIS:
        if ip not in existing:
            ec2.create_network_interface(SubnetId=subnets[sn], Groups=[sgs[sg]], PrivateIpAddress=ip, Description=desc)

    # ---- roles and functions
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    for fn, spec in FUNCTIONS.items():
        try:
            iam.create_role(RoleName=spec["role"], AssumeRolePolicyDocument=trust)
        except ClientError as e:
            if e.response["Error"]["Code"] != "EntityAlreadyExists":
                raise
        args = dict(FunctionName=fn, Runtime="nodejs20.x", Role=f"arn:aws:iam::{ACCOUNT}:role/{spec['role']}", Handler="index.handler", Code={"ZipFile": code_zip()}, Timeout=30, MemorySize=256)
        if spec["vpc"]:
            sn, sg, _ = spec["vpc"]
            args["VpcConfig"] = {"SubnetIds": [subnets[sn]], "SecurityGroupIds": [sgs[sg]]}
        try:
            lam.create_function(**args)
        except ClientError as e:
            if e.response["Error"]["Code"] != "ResourceConflictException":
                raise
    for name, svc in [("flow-logs-delivery", "vpc-flow-logs.amazonaws.com"), ("CloudTrail_CloudWatchLogs_Role", "cloudtrail.amazonaws.com")]:
        try:
            iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": svc}, "Action": "sts:AssumeRole"}]}))
        except ClientError as e:
            if e.response["Error"]["Code"] != "EntityAlreadyExists":
                raise

    # ---- log groups, flow log, trail. The flow-log group carries the anchor of the first seeding as a
    #      tag: a second run keeps that telemetry (and anchor) instead of adding a second copy.
    already = None
    for g in (FLOW_GROUP, TRAIL_GROUP):
        try:
            logs.create_log_group(logGroupName=g, tags={"acme-seed-anchor": iso(anchor)} if g == FLOW_GROUP else {})
        except ClientError as e:
            if e.response["Error"]["Code"] != "ResourceAlreadyExistsException":
                raise
            if g == FLOW_GROUP:
                already = logs.list_tags_log_group(logGroupName=g).get("tags", {}).get("acme-seed-anchor")
    if not ec2.describe_flow_logs(Filters=[{"Name": "resource-id", "Values": [vpc_id]}])["FlowLogs"]:
        ec2.create_flow_logs(
            ResourceIds=[vpc_id], ResourceType="VPC", TrafficType="ALL", LogDestinationType="cloud-watch-logs",
            LogGroupName=FLOW_GROUP, DeliverLogsPermissionArn=f"arn:aws:iam::{ACCOUNT}:role/flow-logs-delivery", MaxAggregationInterval=INTERVAL,
        )
    bucket = f"acme-cloudtrail-{ACCOUNT}"
    try:
        s3.create_bucket(Bucket=bucket)
    except ClientError as e:
        if e.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise
    if not ct.describe_trails()["trailList"]:
        ct.create_trail(
            Name="acme-management", S3BucketName=bucket, IsMultiRegionTrail=True, IncludeGlobalServiceEvents=True,
            CloudWatchLogsLogGroupArn=f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{TRAIL_GROUP}:*",
            CloudWatchLogsRoleArn=f"arn:aws:iam::{ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role",
        )
        ct.start_logging(Name="acme-management")

    if already:
        print(f"telemetry already seeded with anchor {already}: kept as it is", file=sys.stderr)
        anchor = datetime.fromisoformat(already.replace("Z", "+00:00"))
        start = anchor - HISTORY

    # ---- telemetry (rebuilt from the same seed and anchor: identical to what was sent the first time)
    metrics = build_metrics(rng, anchor, start)
    flows = build_flows(rng, anchor, start, metrics, eni_ids)
    trail = build_trail(rng, anchor, start, metrics)

    sent_metrics = 0
    for fn, rows in metrics.items():
        dims = [{"Name": "FunctionName", "Value": fn}]
        data = []
        for t, inv, err, thr, dur in rows:
            data.append({"MetricName": "Invocations", "Dimensions": dims, "Timestamp": t, "Value": inv, "Unit": "Count"})
            data.append({"MetricName": "Errors", "Dimensions": dims, "Timestamp": t, "Value": err, "Unit": "Count"})
            data.append({"MetricName": "Throttles", "Dimensions": dims, "Timestamp": t, "Value": thr, "Unit": "Count"})
            data.append({"MetricName": "Duration", "Dimensions": dims, "Timestamp": t, "Value": dur, "Unit": "Milliseconds"})
        if not already:
            for i in range(0, len(data), 1000):
                cw.put_metric_data(Namespace="AWS/Lambda", MetricData=data[i : i + 1000])
        sent_metrics += len(data)

    # how far the clean function's last day strays from its own baseline (hour of day, weekday/weekend)
    clean = {}
    by_hour = {}
    for t, inv, *_ in metrics["profile-reader"]:
        h = t.replace(minute=0)
        by_hour[h] = by_hour.get(h, 0) + inv
    win_start = anchor - timedelta(hours=24)
    worst = 0.0
    for h, v in by_hour.items():
        if h < win_start + timedelta(hours=1) or h >= anchor - timedelta(hours=1):
            continue  # partial hours at the edges
        base = sorted(b_v for b, b_v in by_hour.items() if b < win_start and b.hour == h.hour and (b.weekday() >= 5) == (h.weekday() >= 5))
        if len(base) >= 3:
            med = base[len(base) // 2]
            worst = max(worst, abs(v / med - 1))
    clean["profile-reader max hourly deviation from same-hour baseline median"] = f"{worst:.1%}"

    sent_flows = {}
    for eni, events in flows.items():
        sent_flows[eni] = put_logs(logs, FLOW_GROUP, f"{eni}-all", events)
    sent_trail = put_logs(logs, TRAIL_GROUP, TRAIL_STREAM, trail)
    return {
        "anchor": iso(anchor),
        "dataStart": iso(start),
        "vpc": vpc_id,
        "enis": eni_ids,
        "metricDatapoints": sent_metrics,
        "flowRecords": sent_flows,
        "trailRecords": sent_trail,
        "cleanControl": clean,
        "anomalies": {
            "LG101 checkout-api spike": [iso(anchor + timedelta(minutes=SPIKE[0])), iso(anchor + timedelta(minutes=SPIKE[1]))],
            "LG102 ledger-writer new peer": [iso(anchor + timedelta(minutes=NEW_PEER[0])), iso(anchor + timedelta(minutes=NEW_PEER[1]))],
            "LG103 email-sender CreateAccessKey": iso(anchor + timedelta(minutes=ODD_CALL)),
            "LG105 inventory-sync port scan": iso(anchor + timedelta(minutes=SCAN)),
            "LG104 inventory-sync UpdateFunctionCode": iso(anchor + timedelta(minutes=CODE_CHANGE)),
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--now", help="anchor time (ISO 8601, UTC); default: now, truncated to the minute. Must be within the last hour: CloudWatch Logs refuses events older than 14 days")
    ap.add_argument("--anchor-out", default="monitor-anchor.json", help="where to write the anchor and the seeded anomaly times (read by score.mjs --anchor)")
    a = ap.parse_args()
    if a.now:
        anchor = datetime.fromisoformat(a.now.replace("Z", "+00:00")).astimezone(timezone.utc)
    else:
        anchor = datetime.now(timezone.utc)
    anchor = anchor.replace(second=0, microsecond=0)
    summary = seed(a.endpoint, anchor)
    text = json.dumps(summary, indent=2)
    print(text)
    with open(a.anchor_out, "w") as fh:
        fh.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
