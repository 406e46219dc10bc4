#!/usr/bin/env python3
"""Seed a moto server with the audit acceptance account (us-east-1, account 123456789012).

    MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p 5055 &
    python3 seed.py --endpoint http://127.0.0.1:5055 [--fingerprint-out before.json]

18 named functions (6 clean, 12 risky in distinct ways) plus 42 clean filler functions (60 in all:
more than one 50-item ListFunctions page on real AWS), their execution roles (inline policies, customer
and AWS managed policies, a policy with a risky non-default version, a permissions boundary), users and
groups that may change some functions' code, resource-policy permissions, two function URLs, a VPC with
Lambda ENIs (two functions share one subnet + security-group set), an SQS event source mapping and
CloudWatch alarms. See labels.json for what each thing is expected to produce and README.md.

Deterministic (fixed names, fixed zip bytes, fixed ENI uuids and IPs) and safe to re-run: anything that
already exists is left as it is. Written from the published contract and AWS semantics only.
"""
import argparse
import io
import json
import sys
import uuid
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
REGION = "us-east-1"
PARTNER_ACCOUNT = "210987654321"
FN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function"
ROLE = f"arn:aws:iam::{ACCOUNT}:role"
AWSPOL = "arn:aws:iam::aws:policy"
CUSTPOL = f"arn:aws:iam::{ACCOUNT}:policy"
BASIC = f"{AWSPOL}/service-role/AWSLambdaBasicExecutionRole"
VPCEXEC = f"{AWSPOL}/service-role/AWSLambdaVPCAccessExecutionRole"
N_FILLER = 42

LAMBDA_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


def stmt(actions, resources, effect="Allow", sid=None, condition=None, not_resource=False):
    s = {"Effect": effect, "Action": actions}
    s["NotResource" if not_resource else "Resource"] = resources
    if sid:
        s["Sid"] = sid
    if condition:
        s["Condition"] = condition
    return s


def policy(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


# ----------------------------------------------------------------------------------------------
# Execution roles. name -> (inline policies {name: doc}, attached policy ARNs, permissions boundary)
# ----------------------------------------------------------------------------------------------
ROLES = {
    # clean
    "thumbnail-role": ({}, [BASIC, f"{CUSTPOL}/thumbnail-s3-access"], None),
    "orders-role": (
        {
            "orders-table": policy(
                stmt(
                    ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"],
                    [
                        f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Orders",
                        f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Orders/index/*",
                    ],
                    sid="OrdersTable",
                ),
                stmt(["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "*", sid="Tracing"),
                stmt(
                    "secretsmanager:GetSecretValue",
                    f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:orders/db-AbCdEf",
                    sid="OrdersDbSecret",
                ),
            )
        },
        [BASIC],
        None,
    ),
    "reports-role": (
        {
            "reports-io": policy(
                stmt("s3:PutObject", "arn:aws:s3:::acme-reports/*", sid="WriteReports"),
                stmt(
                    ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
                    f"arn:aws:sqs:{REGION}:{ACCOUNT}:invoice-jobs",
                    sid="InvoiceQueue",
                ),
            )
        },
        [VPCEXEC],
        None,
    ),
    "cleanup-role": (
        {
            "sessions-cleanup": policy(
                stmt(["dynamodb:Scan", "dynamodb:DeleteItem"], f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Sessions")
            )
        },
        [BASIC],
        None,
    ),
    "status-role": (
        {"status-read": policy(stmt("dynamodb:GetItem", f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Status"))},
        [BASIC],
        None,
    ),
    "filler-role": ({}, [BASIC], None),
    # risky
    "ops-admin-role": ({}, [f"{AWSPOL}/AdministratorAccess"], None),
    "legacy-etl-role": (
        {
            "etl-access": policy(
                stmt("s3:*", "*", sid="AllS3"),
                stmt("iam:PassRole", "*", sid="PassAnyRole"),
                stmt("dynamodb:GetItme", f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/EtlState", sid="Typo"),
            )
        },
        [BASIC],
        None,
    ),
    "deploy-helper-role": ({}, [BASIC, f"{CUSTPOL}/deploy-helper-policy"], None),
    "webhook-role": ({}, [BASIC], None),
    "partner-sync-role": (
        {"outbound": policy(stmt("sqs:SendMessage", f"arn:aws:sqs:{REGION}:{ACCOUNT}:partner-outbound"))},
        [BASIC],
        None,
    ),
    "image-ingest-role": (
        {"ingest-read": policy(stmt("s3:GetObject", "arn:aws:s3:::acme-ingest/*"))},
        [BASIC],
        None,
    ),
    "public-invoke-role": ({}, [BASIC], None),
    "billing-export-role": (
        {
            "billing-write": policy(
                stmt("s3:PutObject", "arn:aws:s3:::acme-secure/*", sid="EverywhereButSecure", not_resource=True)
            )
        },
        [BASIC, f"{CUSTPOL}/billing-secrets"],
        None,
    ),
    "user-admin-role": (
        {"key-rotation": policy(stmt(["iam:CreateAccessKey", "iam:ListUsers"], "*", sid="RotateKeys"))},
        [BASIC],
        None,
    ),
    "payments-role": (
        {"payments-table": policy(stmt("dynamodb:PutItem", f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Payments"))},
        [VPCEXEC],
        None,
    ),
    "analytics-role": ({}, [BASIC, f"{AWSPOL}/AmazonS3FullAccess"], None),
    "search-role": (
        {"search-read": policy(stmt("es:ESHttpGet", f"arn:aws:es:{REGION}:{ACCOUNT}:domain/search/*"))},
        [BASIC],
        None,
    ),
}

# Roles that no function uses (identities for who-can-modify).
OTHER_ROLES = {
    # CodeBuild pipeline: may create functions and pass orders-role to them -> can take over orders-api's role
    "pipeline-role": (
        {"codebuild.amazonaws.com"},
        {
            "create-orders-functions": policy(
                stmt("lambda:CreateFunction", "*", sid="CreateFunctions"),
                stmt("iam:PassRole", f"{ROLE}/orders-role", sid="PassOrdersRole"),
            )
        },
        [],
        None,
    ),
    # AdministratorAccess capped by a boundary that allows only S3 and logs: cannot touch Lambda
    "sandbox-role": (
        {"ec2.amazonaws.com"},
        {},
        [f"{AWSPOL}/AdministratorAccess"],
        f"{CUSTPOL}/sandbox-boundary",
    ),
}

CUSTOMER_POLICIES = {
    # versions in order; the last one is the default
    "thumbnail-s3-access": [
        policy(stmt("s3:*", "*")),  # v1: the first draft, no longer default
        policy(
            stmt("s3:GetObject", "arn:aws:s3:::acme-uploads/*", sid="ReadUploads"),
            stmt("s3:PutObject", "arn:aws:s3:::acme-thumbnails/*", sid="WriteThumbnails"),
        ),
    ],
    "deploy-helper-policy": [
        policy(
            stmt(
                ["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:GetFunction"],
                "*",
                sid="RedeployAnything",
            )
        )
    ],
    "billing-secrets": [policy(stmt("secretsmanager:GetSecretValue", "*", sid="AnySecret"))],
    "reports-lambda-admin": [policy(stmt("lambda:*", f"{FN}:report-*", sid="ReportFunctions"))],
    "oncall-lambda-config": [
        policy(stmt("lambda:UpdateFunctionConfiguration", f"{FN}:payments-*", sid="TuneCapacity"))
    ],
    "sandbox-boundary": [policy(stmt(["s3:*", "logs:*"], "*", sid="SandboxCeiling"))],
}

# users: name -> (inline policies, attached ARNs, groups)
USERS = {
    "ci-deployer": ({"deploy-any": policy(stmt("lambda:UpdateFunctionCode", "*", sid="DeployAny"))}, [], []),
    "dave": (
        {"status-page-owner": policy(stmt("lambda:UpdateFunctionCode", f"{FN}:status-page", sid="OwnStatusPage"))},
        [],
        [],
    ),
    "alice": ({}, [], ["lambda-developers"]),
    "bob": ({}, [], ["lambda-developers"]),
    "carol": ({}, [f"{CUSTPOL}/reports-lambda-admin"], []),
    "release-bot": (
        {
            "release-orders": policy(
                stmt(
                    "lambda:UpdateFunctionCode",
                    f"{FN}:orders-*",
                    sid="FromOfficeOnly",
                    condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
                )
            )
        },
        [],
        [],
    ),
    "erin": (
        {
            "update-all-but-payments": policy(
                stmt(
                    ["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration"],
                    f"{FN}:*",
                    sid="UpdateFunctions",
                ),
                stmt("lambda:*", f"{FN}:payments-processor", effect="Deny", sid="NeverPayments"),
            )
        },
        [],
        [],
    ),
    "auditor": ({}, [f"{AWSPOL}/ReadOnlyAccess"], []),
    "frank": (
        {"pass-reports-role": policy(stmt("iam:PassRole", f"{ROLE}/reports-role", sid="PassOnly"))},
        [],
        [],
    ),
    "heidi": ({}, [], ["platform-oncall"]),
}

GROUPS = {
    "lambda-developers": (
        {
            "thumbnail-dev": policy(
                stmt(["lambda:UpdateFunctionCode", "lambda:GetFunction"], f"{FN}:thumbnail-*", sid="ThumbnailDev")
            )
        },
        [],
    ),
    "platform-oncall": ({}, [f"{CUSTPOL}/oncall-lambda-config"]),
}


# ----------------------------------------------------------------------------------------------
# Functions
# ----------------------------------------------------------------------------------------------
def code_zip(runtime):
    """Small deterministic zip (fixed timestamps) so CodeSha256 is the same on every seed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if runtime.startswith("python"):
            name, body = "lambda_function.py", "def handler(event, context):\n    return {'ok': True}\n"
        else:
            name, body = "index.js", "exports.handler = async () => ({ ok: true });\n"
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        z.writestr(info, body)
    return buf.getvalue()


# name -> spec. vpc: None | "reports" | "payments"
FUNCTIONS = {
    # ---- clean controls
    "thumbnail-resizer": dict(
        runtime="python3.12",
        role="thumbnail-role",
        env={"THUMB_BUCKET": "acme-thumbnails", "MAX_WIDTH": "512"},
    ),
    "orders-api": dict(
        runtime="nodejs20.x",
        role="orders-role",
        env={
            "TABLE_NAME": "Orders",
            "ORDERS_DB_SECRET_ARN": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:orders/db-AbCdEf",
            "MAX_TOKENS": "4096",
        },
    ),
    "report-builder": dict(runtime="python3.12", role="reports-role", vpc="reports", env={"REPORT_BUCKET": "acme-reports"}),
    "invoice-renderer": dict(runtime="nodejs20.x", role="reports-role", vpc="reports", env={"TEMPLATE": "invoice-v3"}),
    "nightly-cleanup": dict(runtime="python3.12", role="cleanup-role", env={"TABLE_NAME": "Sessions", "TTL_DAYS": "30"}),
    "status-page": dict(runtime="nodejs20.x", role="status-role", env={"STATUS_TABLE": "Status"}),
    # ---- risky
    "admin-task-runner": dict(runtime="python3.12", role="ops-admin-role", env={"TASKS": "rotate,prune"}),
    "legacy-etl": dict(runtime="python3.12", role="legacy-etl-role", env={"SOURCE_BUCKET": "acme-raw"}),
    "deploy-helper": dict(runtime="nodejs20.x", role="deploy-helper-role", env={}),
    "public-webhook": dict(
        runtime="nodejs20.x",
        role="webhook-role",
        env={"GITHUB_WEBHOOK_SECRET": "9f86d081884c7d659a2feaa0c55ad015", "TARGET_QUEUE": "builds"},
    ),
    "partner-sync": dict(runtime="python3.12", role="partner-sync-role", env={"PARTNER": "globex"}),
    "image-ingest": dict(runtime="python3.12", role="image-ingest-role", env={"INGEST_BUCKET": "acme-ingest"}),
    "public-invoke": dict(runtime="nodejs20.x", role="public-invoke-role", env={}),
    "billing-export": dict(runtime="python3.12", role="billing-export-role", env={"EXPORT_PREFIX": "billing/"}),
    "user-admin-fn": dict(runtime="python3.12", role="user-admin-role", env={"MAX_KEY_AGE_DAYS": "90"}),
    "payments-processor": dict(
        runtime="java21",
        role="payments-role",
        vpc="payments",
        env={
            "DB_HOST": "payments.cluster-abc123.us-east-1.rds.amazonaws.com",
            "DB_USER": "payments_app",
            "DB_PASSWORD": "Sup3rS3cr3t-2024!",
        },
    ),
    "analytics-worker": dict(runtime="python3.12", role="analytics-role", env={"DATASET": "clickstream"}),
    "search-api": dict(runtime="nodejs20.x", role="search-role", env={"DOMAIN": "search"}),
}
for i in range(1, N_FILLER + 1):
    FUNCTIONS[f"batch-worker-{i:02d}"] = dict(runtime="python3.12", role="filler-role", env={"SHARD": str(i)})

# Resource-policy permissions: function -> [AddPermission kwargs]
PERMISSIONS = {
    "thumbnail-resizer": [
        dict(
            StatementId="s3-uploads",
            Action="lambda:InvokeFunction",
            Principal="s3.amazonaws.com",
            SourceArn="arn:aws:s3:::acme-uploads",
            SourceAccount=ACCOUNT,
        )
    ],
    "orders-api": [
        dict(
            StatementId="apigw-orders",
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:a1b2c3d4e5/*/POST/orders",
        )
    ],
    "nightly-cleanup": [
        dict(
            StatementId="events-nightly",
            Action="lambda:InvokeFunction",
            Principal="events.amazonaws.com",
            SourceArn=f"arn:aws:events:{REGION}:{ACCOUNT}:rule/nightly-cleanup",
        )
    ],
    "status-page": [
        dict(
            StatementId="url-iam",
            Action="lambda:InvokeFunctionUrl",
            Principal=f"arn:aws:iam::{ACCOUNT}:root",
            FunctionUrlAuthType="AWS_IAM",
        )
    ],
    "public-webhook": [
        dict(
            StatementId="FunctionURLAllowPublicAccess",
            Action="lambda:InvokeFunctionUrl",
            Principal="*",
            FunctionUrlAuthType="NONE",
        )
    ],
    "partner-sync": [
        dict(
            StatementId="partner-invoke",
            Action="lambda:InvokeFunction",
            Principal=f"arn:aws:iam::{PARTNER_ACCOUNT}:root",
        ),
        dict(
            StatementId="partner-read-config",
            Action="lambda:GetFunction",
            Principal=f"arn:aws:iam::{PARTNER_ACCOUNT}:root",
        ),
    ],
    "image-ingest": [
        dict(StatementId="s3-ingest", Action="lambda:InvokeFunction", Principal="s3.amazonaws.com"),
    ],
    "public-invoke": [
        dict(StatementId="anyone", Action="lambda:InvokeFunction", Principal="*"),
    ],
    "search-api": [
        dict(
            StatementId="apigw-search",
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:f6g7h8i9j0/*/GET/search",
        )
    ],
}

URLS = {
    "public-webhook": dict(AuthType="NONE", Cors={"AllowOrigins": ["*"], "AllowMethods": ["POST"]}),
    "status-page": dict(AuthType="AWS_IAM"),
}

ALARMS = [
    # (name, namespace, metric, dimensions, statistic, threshold)
    ("orders-api-errors", "AWS/Lambda", "Errors", {"FunctionName": "orders-api"}, "Sum", 5),
    ("status-page-invocations", "AWS/Lambda", "Invocations", {"FunctionName": "status-page"}, "Sum", 10000),
    ("public-invoke-invocations", "AWS/Lambda", "Invocations", {"FunctionName": "public-invoke"}, "Sum", 1000),
    # an alarm on a metric that is neither Invocations nor Errors: partner-sync stays unwatched
    ("partner-sync-duration", "AWS/Lambda", "Duration", {"FunctionName": "partner-sync"}, "Average", 5000),
    # a stale alarm left from the previous function name: search-api stays unwatched
    ("search-api-v1-errors", "AWS/Lambda", "Errors", {"FunctionName": "search-api-v1"}, "Sum", 1),
    # not a Lambda alarm
    ("invoice-jobs-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", {"QueueName": "invoice-jobs"}, "Maximum", 900),
]


# ----------------------------------------------------------------------------------------------
def ignore(codes, fn, *a, **kw):
    try:
        return fn(*a, **kw)
    except ClientError as e:
        if e.response["Error"]["Code"] in codes:
            return None
        raise


EXISTS = ("EntityAlreadyExists", "ResourceConflictException", "ResourceAlreadyExistsException")


def seed(endpoint):
    kw = dict(
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 3}),
    )
    iam = boto3.client("iam", **kw)
    lam = boto3.client("lambda", **kw)
    ec2 = boto3.client("ec2", **kw)
    cw = boto3.client("cloudwatch", **kw)
    sqs = boto3.client("sqs", **kw)
    sts = boto3.client("sts", **kw)

    acct = sts.get_caller_identity()["Account"]
    if acct != ACCOUNT:
        sys.exit(f"expected account {ACCOUNT}, the server says {acct}")
    try:
        iam.get_policy(PolicyArn=f"{AWSPOL}/AdministratorAccess")
    except ClientError:
        sys.exit("AWS managed policies are missing: start moto_server with MOTO_IAM_LOAD_MANAGED_POLICIES=true")

    # --- customer managed policies (with versions)
    for name, versions in CUSTOMER_POLICIES.items():
        arn = f"{CUSTPOL}/{name}"
        existing = ignore(("NoSuchEntity",), iam.get_policy, PolicyArn=arn)
        if existing:
            continue
        iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(versions[0]))
        for v in versions[1:]:
            iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(v), SetAsDefault=True)

    # --- roles
    def make_role(name, services, inline, attached, boundary):
        trust = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": sorted(services)[0] if len(services) == 1 else sorted(services)},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
        args = dict(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))
        if boundary:
            args["PermissionsBoundary"] = boundary
        ignore(EXISTS, iam.create_role, **args)
        for pname, d in inline.items():
            iam.put_role_policy(RoleName=name, PolicyName=pname, PolicyDocument=json.dumps(d))
        for arn in attached:
            iam.attach_role_policy(RoleName=name, PolicyArn=arn)

    for name, (inline, attached, boundary) in ROLES.items():
        make_role(name, {"lambda.amazonaws.com"}, inline, attached, boundary)
    for name, (services, inline, attached, boundary) in OTHER_ROLES.items():
        make_role(name, services, inline, attached, boundary)

    # --- groups and users
    for name, (inline, attached) in GROUPS.items():
        ignore(EXISTS, iam.create_group, GroupName=name)
        for pname, d in inline.items():
            iam.put_group_policy(GroupName=name, PolicyName=pname, PolicyDocument=json.dumps(d))
        for arn in attached:
            iam.attach_group_policy(GroupName=name, PolicyArn=arn)
    for name, (inline, attached, groups) in USERS.items():
        ignore(EXISTS, iam.create_user, UserName=name)
        for pname, d in inline.items():
            iam.put_user_policy(UserName=name, PolicyName=pname, PolicyDocument=json.dumps(d))
        for arn in attached:
            iam.attach_user_policy(UserName=name, PolicyArn=arn)
        for g in groups:
            iam.add_user_to_group(GroupName=g, UserName=name)

    # --- network: one VPC, four subnets, two security groups (looked up by tag so a re-run reuses them)
    def tagged(kind, name):
        spec = [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": name}]}]
        return spec

    vpcs = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["acme-prod"]}])["Vpcs"]
    if vpcs:
        vpc_id = vpcs[0]["VpcId"]
    else:
        vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16", TagSpecifications=tagged("vpc", "acme-prod"))["Vpc"]["VpcId"]
    subnets = {}
    for name, cidr, az in [
        ("app-a", "10.0.1.0/24", "us-east-1a"),
        ("app-b", "10.0.2.0/24", "us-east-1b"),
        ("data-a", "10.0.11.0/24", "us-east-1a"),
        ("data-b", "10.0.12.0/24", "us-east-1b"),
    ]:
        found = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "cidr-block", "Values": [cidr]}])["Subnets"]
        subnets[name] = (
            found[0]["SubnetId"]
            if found
            else ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az, TagSpecifications=tagged("subnet", name))["Subnet"]["SubnetId"]
        )
    sgs = {}
    for name, desc in [
        ("reports-lambda", "report and invoice functions"),
        ("payments-lambda", "payments function"),
        ("payments-db", "payments database"),
    ]:
        found = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "group-name", "Values": [name]}])["SecurityGroups"]
        sgs[name] = found[0]["GroupId"] if found else ec2.create_security_group(GroupName=name, Description=desc, VpcId=vpc_id)["GroupId"]
    VPCS = {
        "reports": ([subnets["app-a"], subnets["app-b"]], [sgs["reports-lambda"]]),
        "payments": ([subnets["data-a"], subnets["data-b"]], [sgs["payments-lambda"]]),
    }

    # --- SQS queue for the event source mapping
    queue_url = sqs.create_queue(QueueName="invoice-jobs")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]

    # --- functions
    zips = {}
    for name, spec in FUNCTIONS.items():
        rt = spec["runtime"]
        if rt not in zips:
            zips[rt] = code_zip(rt)
        handler = "lambda_function.handler" if rt.startswith("python") else ("com.acme.Handler::handleRequest" if rt.startswith("java") else "index.handler")
        args = dict(
            FunctionName=name,
            Runtime=rt,
            Role=f"{ROLE}/{spec['role']}",
            Handler=handler,
            Code={"ZipFile": zips[rt]},
            Description=f"acme {name}",
            Timeout=30,
            MemorySize=256,
            Publish=False,
            Tags={"team": "acme", "app": name.split("-")[0]},
        )
        if spec.get("env"):
            args["Environment"] = {"Variables": spec["env"]}
        if spec.get("vpc"):
            sn, sg = VPCS[spec["vpc"]]
            args["VpcConfig"] = {"SubnetIds": sn, "SecurityGroupIds": sg}
        ignore(EXISTS, lam.create_function, **args)

    for fn, perms in PERMISSIONS.items():
        # moto accepts a duplicate StatementId (AWS answers ResourceConflictException): skip existing ones
        got = ignore(("ResourceNotFoundException",), lam.get_policy, FunctionName=fn)
        sids = {s.get("Sid") for s in json.loads(got["Policy"])["Statement"]} if got else set()
        for p in perms:
            if p["StatementId"] not in sids:
                ignore(EXISTS, lam.add_permission, FunctionName=fn, **p)
    for fn, cfg in URLS.items():
        ignore(EXISTS, lam.create_function_url_config, FunctionName=fn, **cfg)

    existing_esm = lam.list_event_source_mappings(FunctionName="invoice-renderer")["EventSourceMappings"]
    if not existing_esm:
        lam.create_event_source_mapping(EventSourceArn=queue_arn, FunctionName="invoice-renderer", BatchSize=10, Enabled=True)

    # --- Lambda hyperplane ENIs: one per subnet of each (subnet set, SG set), named after the
    #     function whose creation made them (AWS names only that one; the other function shares it)
    existing = {
        n["Description"]
        for p in ec2.get_paginator("describe_network_interfaces").paginate()
        for n in p["NetworkInterfaces"]
    }
    eni_specs = [
        ("report-builder", subnets["app-a"], "10.0.1.25", [sgs["reports-lambda"]]),
        ("report-builder", subnets["app-b"], "10.0.2.25", [sgs["reports-lambda"]]),
        ("payments-processor", subnets["data-a"], "10.0.11.40", [sgs["payments-lambda"]]),
        ("payments-processor", subnets["data-b"], "10.0.12.40", [sgs["payments-lambda"]]),
    ]
    for fn, subnet, ip, groups in eni_specs:
        u = uuid.uuid5(uuid.NAMESPACE_URL, f"acme/{fn}/{ip}")
        desc = f"AWS Lambda VPC ENI-{fn}-{u}"
        if desc in existing:
            continue
        # (real Lambda ENIs have InterfaceType "lambda"; CreateNetworkInterface cannot set it and moto
        #  stores "interface": map them by description and subnet + security-group set)
        ec2.create_network_interface(SubnetId=subnet, Groups=groups, PrivateIpAddress=ip, Description=desc)
    # a non-Lambda ENI in the same VPC (an RDS instance) that must not be mapped to any function
    if "RDSNetworkInterface" not in existing:
        ec2.create_network_interface(
            SubnetId=subnets["data-a"], Groups=[sgs["payments-db"]], PrivateIpAddress="10.0.11.200", Description="RDSNetworkInterface"
        )

    # --- alarms
    for name, ns, metric, dims, stat, thr in ALARMS:
        cw.put_metric_alarm(
            AlarmName=name,
            Namespace=ns,
            MetricName=metric,
            Dimensions=[{"Name": k, "Value": v} for k, v in dims.items()],
            Statistic=stat,
            Period=300,
            EvaluationPeriods=1,
            Threshold=thr,
            ComparisonOperator="GreaterThanThreshold",
            ActionsEnabled=False,
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", required=True, help="moto server URL, e.g. http://127.0.0.1:5055")
    ap.add_argument("--fingerprint-out", help="write the state fingerprint (fingerprint.py) here after seeding")
    a = ap.parse_args()
    seed(a.endpoint)
    sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
    from fingerprint import fingerprint

    fp = fingerprint(a.endpoint)
    print(json.dumps(fp, indent=2))
    if a.fingerprint_out:
        with open(a.fingerprint_out, "w") as fh:
            fh.write(json.dumps(fp, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
