"""Batch scorer run from the container image."""


def handler(event, context):
    return {"scored": len(event.get("Records", []))}
