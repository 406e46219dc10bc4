"""admin handler."""
import json
import os


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"endpoint": os.environ.get("ENDPOINT_NAME")})}
