"""The Korean texts of the checks' messages, one module per check module."""
