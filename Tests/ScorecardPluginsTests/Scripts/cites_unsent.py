import json, sys
request = json.load(sys.stdin)
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 0.5, "metric": "m", "basis": "summary",
            "used": ["/etc/passwd:1"]} for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
