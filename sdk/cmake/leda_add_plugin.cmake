# leda_add_plugin(<name> <source>...)
#   Builds a KPI plugin: a MODULE library named lib<name>.so with hidden visibility (only the
#   LEDA_PLUGIN aliases are exported), no undefined symbols (-z defs: a missing function fails
#   the link, not the load), linked only against the leda SDK.
#   Used unchanged by the built-in plugins (plugins/) and, from the installed CMake package, by
#   third-party plugins. A plugin built into the built-in plugin folder of the leda build
#   (LEDA_BUILTIN_PLUGIN_DIR) is also installed with leda, into <prefix>/lib/leda/plugins.
function(leda_add_plugin name)
  add_library(${name} MODULE ${ARGN})
  target_link_libraries(${name} PRIVATE leda::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX "lib" SUFFIX ".so"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${name} PRIVATE -Wl,-z,defs)
  if(DEFINED LEDA_BUILTIN_PLUGIN_DIR AND DEFINED LEDA_PLUGIN_INSTALL_DIR AND
     "${CMAKE_LIBRARY_OUTPUT_DIRECTORY}" STREQUAL "${LEDA_BUILTIN_PLUGIN_DIR}")
    install(TARGETS ${name} LIBRARY DESTINATION ${LEDA_PLUGIN_INSTALL_DIR})
  endif()
endfunction()
