// Symbol visibility for the treatysearch library. Everything not marked TREATYSEARCH_API is
// hidden (the library builds with -fvisibility=hidden).
#pragma once

#if defined(__GNUC__)
#define TREATYSEARCH_API __attribute__((visibility("default")))
#else
#define TREATYSEARCH_API
#endif
