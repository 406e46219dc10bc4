"""Thumbnail handlers (kept minimal here; the image pipeline lives in lib/)."""
import os


def thumbnail(event, context):
    return {"resized": len(event.get("Records", []))}


def notify(event, context):
    return {"notified": len(event.get("Records", []))}


def purge(event, context):
    return {"purged": 0}


def resize(event, context):
    params = event["pathParameters"]
    location = "https://%s.s3.amazonaws.com/%s/%s" % (os.environ["THUMBS_BUCKET"], params["size"], params["key"])
    return {"statusCode": 302, "headers": {"Location": location}}
