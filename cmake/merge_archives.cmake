# rhai_merge_archives(TARGET OUTPUT STAGE...): OUTPUT (a static library path) holds every object
# of the STAGE archives, merged through ar's MRI script; TARGET is an IMPORTED library for it
# (linkable in this build) that is rebuilt whenever a stage changes.
function(rhai_merge_archives target output)
  set(mri ${output}.mri)
  set(mri_text "CREATE ${output}\n")
  foreach(stage ${ARGN})
    string(APPEND mri_text "ADDLIB $<TARGET_FILE:${stage}>\n")
  endforeach()
  string(APPEND mri_text "SAVE\nEND\n")
  file(GENERATE OUTPUT ${mri} CONTENT "${mri_text}")
  get_filename_component(file_name ${output} NAME)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E rm -f ${output}
    COMMAND sh -c "${CMAKE_AR} -M < ${mri}"
    DEPENDS ${ARGN} ${mri}
    COMMENT "Merging the stage archives into ${file_name}" VERBATIM)
  add_custom_target(${target}_archive ALL DEPENDS ${output})
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${output})
  add_dependencies(${target} ${target}_archive)
endfunction()
