import json, sys
request = json.load(sys.stdin)
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 0.5, "metric": "m", "basis": "summary",
            "interval": {"low": 0.6, "high": 0.7, "level": 0.95, "method": "made up"}} for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
