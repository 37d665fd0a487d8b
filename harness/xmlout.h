/* Writing XML with libxml2's text writer: what the junit report and the
 * junit summary share.  Every function returns 0 or a negative errno. */
#ifndef HARDPROBE_XMLOUT_H
#define HARDPROBE_XMLOUT_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/xmlwriter.h>

/* Build an indented document in memory with document(w, arg), then write
 * it to out; nothing reaches out when document() fails. */
int hp_xml_write(FILE *out, int (*document)(xmlTextWriterPtr, const void *),
		 const void *arg);

/* The attribute name="value", value escaped with hp_escape() first: XML
 * 1.0 cannot hold control characters or invalid UTF-8, not even as
 * character references. */
int hp_xml_attr(xmlTextWriterPtr w, const char *name, const char *value);

/* The attribute name="n". */
int hp_xml_attr_count(xmlTextWriterPtr w, const char *name, size_t n);

/* JUnit's tests, failures, errors and skipped, on testsuites and
 * testsuite: count is indexed by enum hp_status. */
int hp_junit_counts(xmlTextWriterPtr w, size_t tests, const size_t count[4]);

/* Open the element name; hp_xml_end() closes the innermost open one. */
int hp_xml_start(xmlTextWriterPtr w, const char *name);
int hp_xml_end(xmlTextWriterPtr w);

#endif
