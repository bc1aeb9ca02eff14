// libxml2 pulls in the system ICU headers through <libxml/encoding.h>, which clash with the ICU
// that Foundation brings on this toolchain. Read the version header first and turn ICU off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
