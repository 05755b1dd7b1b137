"""Text as the rules see it: offset-keeping rewrites before tokenisation (`surface`), sentence
boundaries (`boundaries`), the per-sentence view the rules read (`sentences`), parse helpers
(`syntax`), whether a trigger states a fact (`modality`) and the model's attribute ruler
matching through an index (`attributes`).

Reads the raw report text and the spaCy parse; adds nothing to the Doc itself.
"""
