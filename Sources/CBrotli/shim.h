#ifndef SITECTL_CBROTLI_SHIM_H
#define SITECTL_CBROTLI_SHIM_H
#include <brotli/encode.h>
#include <brotli/decode.h>
#endif
