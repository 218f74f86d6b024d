"""The base every app of the project may import: cross-cutting rules that belong to no single feature.

It imports no other app of the project.
"""
