"""The `mosaic` command: thin wrappers that parse arguments and print what services return."""
