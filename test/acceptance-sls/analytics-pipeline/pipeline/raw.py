"""raw step of the clickstream pipeline."""


def handler(event, context):
    records = event.get("Records", [])
    return {"step": "raw", "count": len(records)}
