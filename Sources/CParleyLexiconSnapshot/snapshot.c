// The bytes of lexicons.snapshot between two symbols, in read-only data. Top-level assembly only: the
// accessor is an inline function in the header, so this file compiles to data without code or debug
// information of its own.
//
// Written with the snapshot, the checksum header changes whenever the snapshot does: the build system
// does not see `.incbin` inputs, but it recompiles a file when a header it includes changes.
#include "snapshot-checksum.h"

#if defined(__APPLE__)
#define PARLEY_SYMBOL(name) "_" #name
#define PARLEY_SECTION "    .section __TEXT,__const\n"
#else
#define PARLEY_SYMBOL(name) #name
#define PARLEY_SECTION "    .pushsection .rodata\n"
#endif

__asm__(
    PARLEY_SECTION
    "    .balign 16\n"
    "    .globl " PARLEY_SYMBOL(parley_lexicon_snapshot_start) "\n"
    PARLEY_SYMBOL(parley_lexicon_snapshot_start) ":\n"
    "    .incbin \"lexicons.snapshot\"\n"
    "    .globl " PARLEY_SYMBOL(parley_lexicon_snapshot_end) "\n"
    PARLEY_SYMBOL(parley_lexicon_snapshot_end) ":\n"
#if !defined(__APPLE__)
    "    .popsection\n"
#endif
);
