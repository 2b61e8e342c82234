# `cmake --install`: the program, its data (layouts, fonts with their
# licences), the man page and the CMake package (find_package(Octavo)
# gives Octavo::octavo and octavo_add_booklet). Included by the top-level
# CMakeLists.txt after the octavo target exists.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The installed program finds share/octavo relative to itself
# (src/cli/datadir.c), so the installed tree can be moved as a whole.
file(RELATIVE_PATH OCTAVO_REL_DATA_DIR "${CMAKE_INSTALL_FULL_BINDIR}"
  "${CMAKE_INSTALL_FULL_DATADIR}/octavo")
target_compile_definitions(octavo PRIVATE OCTAVO_REL_DATA_DIR="${OCTAVO_REL_DATA_DIR}")

install(TARGETS octavo RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/layouts/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/octavo/layouts" FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/highlight/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/octavo/highlight" FILES_MATCHING PATTERN "*.lang")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/fonts/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/octavo/fonts"
  FILES_MATCHING PATTERN "*.ttf" PATTERN "*LICENSE*" PATTERN "README.md")
install(FILES "${PROJECT_SOURCE_DIR}/doc/octavo.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

set(OCTAVO_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/Octavo")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/OctavoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/OctavoConfig.cmake"
  INSTALL_DESTINATION "${OCTAVO_CMAKE_DIR}" PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/OctavoConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/OctavoConfig.cmake"
  "${PROJECT_BINARY_DIR}/OctavoConfigVersion.cmake" "${PROJECT_SOURCE_DIR}/cmake/Octavo.cmake"
  DESTINATION "${OCTAVO_CMAKE_DIR}")
