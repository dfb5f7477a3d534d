"""The built-in extractors: plugins like any other, one module per group of fields.

Each module implements :func:`cablelib.hookspecs.cablelib_register_extractors` and is
registered by :mod:`cablelib.extraction` before installed plugins.
"""
