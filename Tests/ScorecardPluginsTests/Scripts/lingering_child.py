# Answers, exits, but leaves a child holding standard output open: the group is killed at the deadline.
import json, subprocess, sys
request = json.load(sys.stdin)
subprocess.Popen(["sleep", "30"])
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 0.5, "metric": "m", "basis": "summary"}
           for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}), flush=True)
