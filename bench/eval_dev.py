#!/usr/bin/env python3
"""Score kg on devset/ (see bench/evaluate.py): .venv/bin/python bench/eval_dev.py [--show] [--labels=...]"""
import sys

from evaluate import evaluate

if __name__ == "__main__":
    sys.exit(evaluate("devset", sys.argv[1:], show_default=True))
