#!/usr/bin/env python3
"""Score kg on heldout/ (see bench/evaluate.py): .venv/bin/python bench/eval_heldout.py [--show] [--labels=...]"""
import sys

from evaluate import evaluate

if __name__ == "__main__":
    sys.exit(evaluate("heldout", sys.argv[1:], show_default=False))
