import json, sys
request = json.load(sys.stdin)
results = [{"id": item["id"], "indicator": "someone_else", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary"}
           for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
