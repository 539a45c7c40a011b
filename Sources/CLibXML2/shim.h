#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>

// Debian builds libxml2 with ICU; Foundation ships its own ICU headers, and any
// file that sees both fails with "'UErrorCode' has different definitions".
// Parley never touches ICU types, so hide them from the importer.
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

// `xmlFree` is a global function-pointer variable, which Swift 6 strict
// concurrency rejects; call it through a function instead.
static inline void cxml_free(void *ptr) { xmlFree(ptr); }

// Encoding errors raised without a parser context bypass HTML_PARSE_NOERROR and
// go to the thread-local generic handler (stderr). Install a no-op handler on
// the parsing thread. Kept in C because the callback type changed in 2.12.
static void cxml_ignore_structured_error(void *ctx, xmlErrorPtr error) {
    (void)ctx; (void)error;
}
static inline void cxml_silence_errors_on_this_thread(void) {
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)cxml_ignore_structured_error);
}

// Never resolve external entities or load DTDs, whatever a document declares:
// an entity loader that refuses every request.
static xmlParserInputPtr cxml_refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_refuse_external_entities(void) {
    xmlSetExternalEntityLoader(cxml_refuse_entity);
}

#endif /* CLIBXML2_SHIM_H */
