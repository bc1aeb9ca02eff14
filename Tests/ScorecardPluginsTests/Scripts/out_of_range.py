import json, sys
request = json.load(sys.stdin)
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 1.7, "metric": "m", "basis": "summary"}
           for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
