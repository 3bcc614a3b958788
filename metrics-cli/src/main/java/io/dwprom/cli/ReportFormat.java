package io.dwprom.cli;

/** Output formats of the reports that have a text and a JSON form (churn, server-cardinality, usage). */
enum ReportFormat { text, json }
