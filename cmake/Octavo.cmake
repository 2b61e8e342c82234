# Octavo.cmake: booklets as ordinary CMake targets.
#
#   include(Octavo)            # or find_package(Octavo), which includes this file
#   octavo_add_booklet(NAME
#       SOURCES notes/a.md notes/b.txt ...   # the notes, in reading order
#       [MANIFEST booklet.yaml]              # build this manifest instead; SOURCES
#                                            # are then optional extra dependencies
#       [LAYOUT a4|a5|letter|file.yaml]      # --layout
#       [FORMATS pdf epub json anki apkg]    # --format (default: pdf epub)
#       [MODE study|quiz]                    # --mode
#       [OUTPUT_DIRECTORY dir]               # default: ${CMAKE_CURRENT_BINARY_DIR}/NAME
#       [OPTIONS --lang de ...]              # any other `octavo build` options
#       [EXCLUDE_FROM_ALL])                  # not part of the default target
#
# Outputs are named as octavo names them: OUTPUT_DIRECTORY/<slug>.pdf and so
# on, the slug being the manifest's directory name, else the first source's
# name without its extension.
#
# Each booklet is one add_custom_command whose DEPFILE (written by
# `octavo build --depfile`) lists every file the build read: sources,
# manifest, layout, fonts, pictures. Make and Ninja therefore rebuild a
# booklet only when one of its inputs changed, and build independent
# booklets in parallel. The custom target NAME depends on the outputs; its
# property OCTAVO_OUTPUTS lists them.
#
# The program: the target Octavo::octavo (find_package) or octavo (the
# octavo project itself), else OCTAVO_EXECUTABLE, else find_program(octavo).

include_guard(GLOBAL)
if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "Octavo.cmake needs CMake 3.20 or newer (DEPFILE with Makefiles and Ninja)")
endif()
# Ninja: depfile paths made relative to the build directory, so the
# depfile's target matches the command's first output whatever policy
# version the including project asks for (include() scopes this, and the
# functions below keep it).
cmake_policy(SET CMP0116 NEW)

function(_octavo_program out)
  if(TARGET Octavo::octavo)
    set(${out} Octavo::octavo PARENT_SCOPE)
  elseif(TARGET octavo)
    set(${out} octavo PARENT_SCOPE)
  else()
    find_program(OCTAVO_EXECUTABLE octavo
      HINTS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../../bin"
      DOC "the octavo program")
    if(NOT OCTAVO_EXECUTABLE)
      message(FATAL_ERROR "octavo_add_booklet: octavo not found; set OCTAVO_EXECUTABLE")
    endif()
    set(${out} "${OCTAVO_EXECUTABLE}" PARENT_SCOPE)
  endif()
endfunction()

# Output base name as octavo derives it (src/cli/collect.c): a manifest's
# directory name, else the first source's name without its extension,
# spaces and slashes made dashes.
function(_octavo_slug out manifest first_source)
  if(manifest)
    get_filename_component(dir "${manifest}" DIRECTORY)
    get_filename_component(slug "${dir}" NAME)
  else()
    get_filename_component(slug "${first_source}" NAME_WLE)
  endif()
  string(REPLACE " " "-" slug "${slug}")
  set(${out} "${slug}" PARENT_SCOPE)
endfunction()

function(octavo_add_booklet NAME)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "EXCLUDE_FROM_ALL" "MANIFEST;LAYOUT;MODE;OUTPUT_DIRECTORY"
    "SOURCES;FORMATS;OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "octavo_add_booklet(${NAME}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES AND NOT ARG_MANIFEST)
    message(FATAL_ERROR "octavo_add_booklet(${NAME}): give SOURCES or a MANIFEST")
  endif()
  if(NOT ARG_FORMATS)
    set(ARG_FORMATS pdf epub)
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/${NAME}")
  endif()
  get_filename_component(outdir "${ARG_OUTPUT_DIRECTORY}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")

  # Absolute paths throughout: the depfile then names the same files
  # whatever directory Make or Ninja runs in.
  set(sources "")
  foreach(s IN LISTS ARG_SOURCES)
    get_filename_component(s "${s}" ABSOLUTE)
    list(APPEND sources "${s}")
  endforeach()
  set(manifest "")
  if(ARG_MANIFEST)
    get_filename_component(manifest "${ARG_MANIFEST}" ABSOLUTE)
  endif()
  set(first_source "")
  if(sources)
    list(GET sources 0 first_source)
  endif()
  _octavo_slug(slug "${manifest}" "${first_source}")

  # Outputs in the order octavo writes them: the first is the depfile's
  # target, so it must come first here too.
  set(outputs "")
  foreach(fmt pdf epub json anki apkg)
    if(fmt IN_LIST ARG_FORMATS)
      if(fmt STREQUAL "anki")
        list(APPEND outputs "${outdir}/${slug}.anki.txt")
      else()
        list(APPEND outputs "${outdir}/${slug}.${fmt}")
      endif()
    endif()
  endforeach()
  foreach(fmt IN LISTS ARG_FORMATS)
    if(NOT fmt MATCHES "^(pdf|epub|json|anki|apkg)$")
      message(FATAL_ERROR "octavo_add_booklet(${NAME}): unknown format '${fmt}'")
    endif()
  endforeach()
  string(REPLACE ";" "," formats "${ARG_FORMATS}")

  set(args build -q -o "${outdir}" --format "${formats}"
    --depfile "${outdir}/${slug}.d")
  set(depends "")
  if(ARG_LAYOUT)
    set(layout "${ARG_LAYOUT}")
    if(layout MATCHES "/|\\.ya?ml$")
      get_filename_component(layout "${layout}" ABSOLUTE)
      list(APPEND depends "${layout}")
    endif()
    list(APPEND args --layout "${layout}")
  endif()
  if(ARG_MODE)
    list(APPEND args --mode "${ARG_MODE}")
  endif()
  list(APPEND args ${ARG_OPTIONS})
  if(manifest)
    list(APPEND args "${manifest}")
    list(APPEND depends "${manifest}")
  else()
    list(APPEND args ${sources})
  endif()
  list(APPEND depends ${sources})

  _octavo_program(program)
  if(TARGET "${program}")
    list(APPEND depends "${program}")
    set(command "$<TARGET_FILE:${program}>")
  else()
    list(APPEND depends "${program}")
    set(command "${program}")
  endif()

  add_custom_command(OUTPUT ${outputs}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND ${command} ${args}
    DEPENDS ${depends}
    DEPFILE "${outdir}/${slug}.d"
    COMMENT "octavo booklet ${NAME}"
    VERBATIM)
  if(ARG_EXCLUDE_FROM_ALL)
    add_custom_target(${NAME} DEPENDS ${outputs})
  else()
    add_custom_target(${NAME} ALL DEPENDS ${outputs})
  endif()
  set_target_properties(${NAME} PROPERTIES OCTAVO_OUTPUTS "${outputs}")
endfunction()
