#!/usr/bin/env python3
"""Fingerprint of the audit account's state, to prove a read-only audit changed nothing.

    fingerprint.py --endpoint http://127.0.0.1:PORT [--out FILE]

Prints (and writes to --out) a JSON object:

  stable  sha256 of the state with every value moto randomises left out (ids, timestamps, revision
          ids, URL hosts). It is the same for every fresh seed and is recorded in ../audit/labels.json.
  full    sha256 of the same state plus the volatile values (LastModified, RevisionId, ENI ids, URL,
          policy-version create dates). Take it before and after the audit on the same server: any
          write (UpdateFunctionCode, AddPermission, PutRolePolicy, PutMetricAlarm ...) changes it.
  counts  how many functions, roles, users, groups, customer policies, alarms, ENIs were read.

Written for the acceptance check of the deployed-account issue; independent of the tool.
"""
import argparse
import hashlib
import json
import sys
import urllib.parse

import boto3
from botocore.config import Config

ACCOUNT = "123456789012"
REGION = "us-east-1"


def clients(endpoint):
    kw = dict(
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 2}),
    )
    return {s: boto3.client(s, **kw) for s in ("lambda", "iam", "ec2", "cloudwatch", "sqs")}


def doc(d):
    """IAM documents: boto3 decodes them already, but be safe if a string comes back."""
    if isinstance(d, str):
        try:
            return json.loads(urllib.parse.unquote(d))
        except ValueError:
            return d
    return d


def collect(endpoint):
    c = clients(endpoint)
    lam, iam, ec2, cw = c["lambda"], c["iam"], c["ec2"], c["cloudwatch"]
    stable, volatile = {}, {}

    # --- EC2: name subnets and security groups by stable attributes
    subnet_key, sg_key = {}, {}
    for p in ec2.get_paginator("describe_subnets").paginate():
        for s in p["Subnets"]:
            subnet_key[s["SubnetId"]] = s["CidrBlock"]
    for p in ec2.get_paginator("describe_security_groups").paginate():
        for g in p["SecurityGroups"]:
            sg_key[g["GroupId"]] = g["GroupName"]
    enis = []
    for p in ec2.get_paginator("describe_network_interfaces").paginate():
        for n in p["NetworkInterfaces"]:
            enis.append(
                {
                    "description": n.get("Description", ""),
                    "subnet": subnet_key.get(n["SubnetId"], n["SubnetId"]),
                    "ip": n.get("PrivateIpAddress"),
                    "groups": sorted(sg_key.get(g["GroupId"], g["GroupId"]) for g in n.get("Groups", [])),
                }
            )
            volatile.setdefault("eni", []).append(n["NetworkInterfaceId"])
    stable["enis"] = sorted(enis, key=lambda e: (e["description"], e["ip"] or ""))

    # --- Lambda
    fns = []
    marker = None
    while True:
        page = lam.list_functions(**({"Marker": marker} if marker else {}))
        fns.extend(page["Functions"])
        marker = page.get("NextMarker")
        if not marker:
            break
    functions = {}
    for f in sorted(fns, key=lambda f: f["FunctionName"]):
        name = f["FunctionName"]
        vpc = f.get("VpcConfig") or {}
        entry = {
            "runtime": f.get("Runtime"),
            "role": f.get("Role"),
            "handler": f.get("Handler"),
            "memory": f.get("MemorySize"),
            "timeout": f.get("Timeout"),
            "codeSha256": f.get("CodeSha256"),
            "env": (f.get("Environment") or {}).get("Variables", {}),
            "vpc": {
                "subnets": sorted(subnet_key.get(s, s) for s in vpc.get("SubnetIds", []) or []),
                "groups": sorted(sg_key.get(s, s) for s in vpc.get("SecurityGroupIds", []) or []),
            },
        }
        vol = {"lastModified": f.get("LastModified"), "revisionId": f.get("RevisionId")}
        try:
            pol = lam.get_policy(FunctionName=name)
            entry["policy"] = sorted(json.loads(pol["Policy"])["Statement"], key=lambda s: s.get("Sid", ""))
            vol["policyRevision"] = pol.get("RevisionId")
        except lam.exceptions.ResourceNotFoundException:
            entry["policy"] = None
        try:
            url = lam.get_function_url_config(FunctionName=name)
            entry["url"] = {"authType": url["AuthType"], "cors": url.get("Cors")}
            vol["url"] = url["FunctionUrl"]
            vol["urlModified"] = url.get("LastModifiedTime")
        except lam.exceptions.ResourceNotFoundException:
            entry["url"] = None
        g = lam.get_function(FunctionName=name)
        entry["tags"] = g.get("Tags", {})
        functions[name] = entry
        volatile.setdefault("functions", {})[name] = vol
    stable["functions"] = functions

    esm = []
    for p in lam.get_paginator("list_event_source_mappings").paginate():
        for m in p["EventSourceMappings"]:
            esm.append({"function": m["FunctionArn"], "source": m["EventSourceArn"], "batch": m.get("BatchSize")})
            volatile.setdefault("esm", []).append([m["UUID"], m.get("State"), m.get("LastModified")])
    stable["eventSourceMappings"] = sorted(esm, key=lambda m: (m["function"], m["source"]))

    # --- IAM, one bulk read (local policies only; AWS managed ones never change)
    gaad = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
    kw = {"Filter": ["User", "Group", "Role", "LocalManagedPolicy"]}
    while True:
        page = iam.get_account_authorization_details(**kw)
        for k in gaad:
            gaad[k].extend(page.get(k, []))
        if not page.get("IsTruncated"):
            break
        kw["Marker"] = page["Marker"]

    def inline(lst, key):
        return {p["PolicyName"]: doc(p["PolicyDocument"]) for p in lst or []}

    stable["roles"] = {
        r["RoleName"]: {
            "trust": doc(r.get("AssumeRolePolicyDocument")),
            "inline": inline(r.get("RolePolicyList"), "RolePolicyList"),
            "attached": sorted(a["PolicyArn"] for a in r.get("AttachedManagedPolicies", [])),
            "boundary": (r.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
        }
        for r in gaad["RoleDetailList"]
    }
    stable["users"] = {
        u["UserName"]: {
            "inline": inline(u.get("UserPolicyList"), "UserPolicyList"),
            "attached": sorted(a["PolicyArn"] for a in u.get("AttachedManagedPolicies", [])),
            "groups": sorted(u.get("GroupList", [])),
        }
        for u in gaad["UserDetailList"]
    }
    stable["groups"] = {
        g["GroupName"]: {
            "inline": inline(g.get("GroupPolicyList"), "GroupPolicyList"),
            "attached": sorted(a["PolicyArn"] for a in g.get("AttachedManagedPolicies", [])),
        }
        for g in gaad["GroupDetailList"]
    }
    stable["policies"] = {
        p["Arn"]: {
            "default": p.get("DefaultVersionId"),
            "versions": {v["VersionId"]: doc(v["Document"]) for v in p.get("PolicyVersionList", [])},
        }
        for p in gaad["Policies"]
    }
    for p in gaad["Policies"]:
        volatile.setdefault("policyDates", []).append([p["Arn"], str(p.get("UpdateDate"))])

    # --- CloudWatch alarms
    alarms = {}
    for p in cw.get_paginator("describe_alarms").paginate():
        for a in p.get("MetricAlarms", []):
            alarms[a["AlarmName"]] = {
                "namespace": a.get("Namespace"),
                "metric": a.get("MetricName"),
                "dimensions": sorted((d["Name"], d["Value"]) for d in a.get("Dimensions", [])),
                "statistic": a.get("Statistic"),
                "threshold": a.get("Threshold"),
                "comparison": a.get("ComparisonOperator"),
            }
    stable["alarms"] = alarms

    counts = {
        "functions": len(functions),
        "roles": len(stable["roles"]),
        "users": len(stable["users"]),
        "groups": len(stable["groups"]),
        "customerPolicies": len(stable["policies"]),
        "alarms": len(alarms),
        "enis": len(enis),
        "eventSourceMappings": len(esm),
    }
    return stable, volatile, counts


def digest(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(endpoint):
    stable, volatile, counts = collect(endpoint)
    return {
        "stable": digest(stable),
        "full": digest({"stable": stable, "volatile": volatile}),
        "counts": counts,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--out")
    ap.add_argument("--dump", help="also write the stable state itself (for diffing)")
    a = ap.parse_args()
    fp = fingerprint(a.endpoint)
    text = json.dumps(fp, indent=2)
    print(text)
    if a.out:
        with open(a.out, "w") as fh:
            fh.write(text + "\n")
    if a.dump:
        stable, _, _ = collect(a.endpoint)
        with open(a.dump, "w") as fh:
            json.dump(stable, fh, indent=1, sort_keys=True, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
