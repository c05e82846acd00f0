# cmake -DSDK=<sdk/include> -DOUT=<folder> -P swap_fields.cmake
# Copies the SDK headers to OUT/leda with two same-size fields of leda::Conversation swapped
# (conversation_start and interaction_start, both TimeMs): the headers of "another SDK" that a
# plugin can be built against, for the layout fingerprint test.
file(REMOVE_RECURSE ${OUT}/leda)
file(COPY ${SDK}/leda DESTINATION ${OUT})
file(READ ${SDK}/leda/model.hpp model_hpp)
set(fields "TimeMs conversation_start = kNoLong, interaction_start = kNoLong,")
string(REPLACE "${fields}" "TimeMs interaction_start = kNoLong, conversation_start = kNoLong,"
  swapped "${model_hpp}")
if(swapped STREQUAL model_hpp)
  message(FATAL_ERROR "swap_fields.cmake: model.hpp no longer declares '${fields}'")
endif()
file(WRITE ${OUT}/leda/model.hpp "${swapped}")
