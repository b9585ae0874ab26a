"""Benchmarks: each module's ``run()`` returns (name, figure, baseline) rows measured in the
same run; ``python -m bench`` prints them with their ratio."""
