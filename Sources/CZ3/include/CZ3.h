// Z3's C API, as hophop sees it: the declarations are Z3's own (<z3.h>, from
// Debian's libz3-dev); the definitions hophop links against are the
// forwarders in Z3OnDemand.c, which load libz3 the first time one is called.
#ifndef HOPHOP_CZ3_H
#define HOPHOP_CZ3_H
#include <z3.h>

// Called with the reason ("what: detail") when libz3 cannot be loaded, just
// before hophop exits with status 2 (after the text diagnostic on stderr), so
// that `--format json` can still print its document. NULL: none (the default).
typedef void (*hophop_z3_failure_handler)(const char *reason);
void hophop_z3_set_failure_handler(hophop_z3_failure_handler handler);
#endif
