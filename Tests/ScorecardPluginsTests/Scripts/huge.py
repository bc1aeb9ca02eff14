import json, sys
request = json.load(sys.stdin)
note = "x" * 3000
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 0.5, "metric": "m", "basis": "summary",
            "notes": [note] * 100} for item in request["items"]]
sys.stdout.write(json.dumps({"protocol_version": 1, "results": results}) * 20)
