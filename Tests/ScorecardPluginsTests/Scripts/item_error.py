import json, sys
request = json.load(sys.stdin)
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "error", "message": "the judge model is unreachable"}
           for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
