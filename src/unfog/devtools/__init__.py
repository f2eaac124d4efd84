"""Tools for developing unfog itself (not used at run time)."""
