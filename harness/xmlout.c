/* XML output through libxml2's text writer, errors as negative errnos. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "judge.h"
#include "xmlout.h"

int hp_xml_write(FILE *out, int (*document)(xmlTextWriterPtr, const void *),
		 const void *arg)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	int ret = w ? 0 : -ENOMEM;

	if (ret == 0)
		ret = xmlTextWriterSetIndent(w, 1) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = document(w, arg);
	if (w)
		xmlFreeTextWriter(w); /* flushes into buf */
	if (ret == 0 &&
	    fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf),
		   out) != (size_t)xmlBufferLength(buf))
		ret = -EIO;
	if (buf)
		xmlBufferFree(buf);
	return ret;
}

int hp_xml_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *s = hp_escape(value, 0);
	int ret;

	if (!s)
		return -ENOMEM;
	ret = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST s);
	free(s);
	return ret < 0 ? -EIO : 0;
}

int hp_xml_attr_count(xmlTextWriterPtr w, const char *name, size_t n)
{
	return xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%zu", n) < 0
		       ? -EIO
		       : 0;
}

int hp_junit_counts(xmlTextWriterPtr w, size_t tests, const size_t count[4])
{
	int ret = hp_xml_attr_count(w, "tests", tests);

	if (ret == 0)
		ret = hp_xml_attr_count(w, "failures", count[HP_FAIL]);
	if (ret == 0)
		ret = hp_xml_attr_count(w, "errors", count[HP_ERROR]);
	if (ret == 0)
		ret = hp_xml_attr_count(w, "skipped", count[HP_SKIP]);
	return ret;
}

int hp_xml_start(xmlTextWriterPtr w, const char *name)
{
	return xmlTextWriterStartElement(w, BAD_CAST name) < 0 ? -EIO : 0;
}

int hp_xml_end(xmlTextWriterPtr w)
{
	return xmlTextWriterEndElement(w) < 0 ? -EIO : 0;
}
