"""enrich step of the clickstream pipeline."""


def handler(event, context):
    records = event.get("Records", [])
    return {"step": "enrich", "count": len(records)}
