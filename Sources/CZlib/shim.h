#ifndef SITECTL_CZLIB_SHIM_H
#define SITECTL_CZLIB_SHIM_H
#include <zlib.h>
/* deflateInit2 is a macro; Swift cannot call macros. windowBits 15 + 16 selects the gzip wrapper. */
static inline int sitectl_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int sitectl_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
