/* leda/abi.h — the plugin ABI contract, readable without calling any plugin code.
 *
 * Every plugin exports one constant `LedaManifest` (under the alias `leda_manifest`, see
 * LEDA_PLUGIN in plugin.hpp). The host reads it straight from the loaded library's data and
 * refuses the plugin, before calling any of its functions, when the magic, the ABI version or
 * the toolchain fingerprint differ from its own.
 *
 * Rule for SDK changes: bump LEDA_ABI_VERSION on any change of a type a plugin and the host
 * share (model.hpp, strings.hpp, plugin.hpp, joins.hpp, schedule.hpp) or of the virtual
 * interface; bump the SDK minor version for additions that keep old plugins working. The layout
 * fingerprint (leda/layout.hpp) catches what a forgotten bump would let through. */
#ifndef LEDA_ABI_H
#define LEDA_ABI_H

#include <stdint.h>

/* The ABI version this SDK speaks. A build may define it (tests build a plugin for another ABI
 * this way); a plugin and a host only work together when theirs are equal. */
#ifndef LEDA_ABI_VERSION
#define LEDA_ABI_VERSION 2
#endif

#define LEDA_SDK_VERSION_MAJOR 0
#define LEDA_SDK_VERSION_MINOR 2
#define LEDA_SDK_VERSION_PATCH 0

/* "LEDA" in ASCII: marks a real leda manifest. */
#define LEDA_MANIFEST_MAGIC 0x4144454cu

#define LEDA_STRINGIFY_(x) #x
#define LEDA_STRINGIFY(x) LEDA_STRINGIFY_(x)

/* The toolchain fingerprint: what must match for C++ objects to cross the boundary (compiler
 * family and major version, libstdc++ release and string ABI, C++ standard). */
#if defined(__clang__)
#define LEDA_COMPILER_ID "clang-" LEDA_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define LEDA_COMPILER_ID "gcc-" LEDA_STRINGIFY(__GNUC__)
#else
#define LEDA_COMPILER_ID "unknown"
#endif
#if defined(__GLIBCXX__)
#define LEDA_STDLIB_ID \
  "libstdc++-" LEDA_STRINGIFY(__GLIBCXX__) "-cxx11abi" LEDA_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#else
#define LEDA_STDLIB_ID "other-stdlib"
#endif
#define LEDA_TOOLCHAIN_FINGERPRINT LEDA_COMPILER_ID ";" LEDA_STDLIB_ID

/* The manifest. Only ever appended to; `size` tells how much of it a plugin has. */
struct LedaManifest {
  uint32_t magic;       /* LEDA_MANIFEST_MAGIC */
  uint32_t size;        /* sizeof(LedaManifest) in the plugin's SDK */
  uint32_t abi_version; /* LEDA_ABI_VERSION the plugin was built with */
  uint32_t sdk_major;   /* SDK version the plugin was built with */
  uint32_t sdk_minor;
  uint32_t sdk_patch;
  const char* name;      /* the plugin's name, e.g. "agent-utilization" */
  const char* version;   /* the plugin's own version, e.g. "1.0.0" */
  const char* toolchain; /* LEDA_TOOLCHAIN_FINGERPRINT of the plugin's build */
  uint64_t layout;       /* leda::sdk_layout_fingerprint() of the plugin's build: every shared
                            type's members (names, offsets, sizes, types) and enumerators */
};

#endif /* LEDA_ABI_H */
