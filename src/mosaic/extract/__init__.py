"""The extraction pipeline: spaCy components and the rules that turn text into findings."""
