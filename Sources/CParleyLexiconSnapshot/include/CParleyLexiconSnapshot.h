#ifndef C_PARLEY_LEXICON_SNAPSHOT_H
#define C_PARLEY_LEXICON_SNAPSHOT_H

#include <stddef.h>

/// The bundled lexicons' prebuilt tables (`lexicons.snapshot`, embedded by `snapshot.S`) and their
/// size in bytes; the size is 0 when no snapshot has been generated.
const unsigned char *parley_lexicon_snapshot(size_t *count);

#endif
