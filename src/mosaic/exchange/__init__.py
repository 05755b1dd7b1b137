"""Exporters and importers: STIX 2.1, MISP, FollowTheMoney, GTD/ACLED CSV, GeoJSON, GraphML, GEXF.

An adapter layer: exporters read a `Snapshot` taken through the repository port,
importers write records and statements through it. Neither holds any SQL.
"""
