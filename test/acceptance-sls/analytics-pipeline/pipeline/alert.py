"""alert step of the clickstream pipeline."""


def handler(event, context):
    records = event.get("Records", [])
    return {"step": "alert", "count": len(records)}
