// A shared library that is not a leda plugin: it exports a function, but no leda_manifest.
extern "C" __attribute__((visibility("default"))) int not_a_plugin_answer() {
  return 42;
}
