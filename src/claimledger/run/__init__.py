"""Running the pipeline: locally (process pool) or on a Spark cluster."""
