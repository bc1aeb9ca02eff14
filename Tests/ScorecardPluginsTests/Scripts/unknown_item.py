import json, sys
json.load(sys.stdin)
print(json.dumps({"protocol_version": 1, "results": [{"id": "999", "indicator": "probe", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary"}]}))
