import sys
sys.stdin.read()
sys.stderr.write("Traceback: boom, the evaluator crashed\n")
sys.exit(3)
