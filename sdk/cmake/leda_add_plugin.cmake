# leda_add_plugin(<name> <source>...)
#   Builds a KPI plugin: a MODULE library named lib<name>.so with hidden visibility, no undefined
#   symbols, linked only against the leda SDK.
function(leda_add_plugin name)
  add_library(${name} MODULE ${ARGN})
  target_link_libraries(${name} PRIVATE leda::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX "lib" SUFFIX ".so"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${name} PRIVATE -Wl,-z,defs)
endfunction()
