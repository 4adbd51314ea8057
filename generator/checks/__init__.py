"""Checks over the assembled site: tables' 勾稽 rules, across reports, bodies."""
