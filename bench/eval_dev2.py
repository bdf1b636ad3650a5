#!/usr/bin/env python3
"""Score kg on devset2/ (see bench/evaluate.py): .venv/bin/python bench/eval_dev2.py [--show] [--labels=...]"""
import sys

from evaluate import evaluate

if __name__ == "__main__":
    sys.exit(evaluate("devset2", sys.argv[1:], show_default=False))
