// A library with a correct leda manifest but no leda_create: the host must refuse it before
// calling anything.
#include <leda/plugin.hpp>

namespace manifest_only {
extern "C" BOOST_SYMBOL_EXPORT const LedaManifest manifest_only_data;
const LedaManifest manifest_only_data = {LEDA_MANIFEST_MAGIC,
                                         sizeof(LedaManifest),
                                         LEDA_ABI_VERSION,
                                         LEDA_SDK_VERSION_MAJOR,
                                         LEDA_SDK_VERSION_MINOR,
                                         LEDA_SDK_VERSION_PATCH,
                                         "headless",
                                         "1.0.0",
                                         LEDA_TOOLCHAIN_FINGERPRINT,
                                         ::leda::sdk_layout_fingerprint()};
}  // namespace manifest_only
BOOST_DLL_ALIAS(manifest_only::manifest_only_data, leda_manifest)
