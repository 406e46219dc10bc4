"""process webhook handler."""
import json


def handle(event, context):
    body = json.loads(event.get("body") or "{}")
    return {"statusCode": 200, "body": json.dumps({"received": bool(body)})}


callback = handle
