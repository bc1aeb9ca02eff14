# Keeps the request it was sent in request.json, and answers every item as missing.
import json, sys
text = sys.stdin.read()
open("request.json", "w").write(text)
request = json.loads(text)
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "missing", "reason": "recorded only"}
           for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
